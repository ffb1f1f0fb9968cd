// A resident completes a whole proposal over Telegram: the real telegraf against the fake Bot API, the real
// host and engine over a seeded SQLite, and the outbox delivering the replies (ticked on a fake clock).
import { afterEach, beforeEach, expect, it } from "vitest";
import { pino } from "pino";
import { startTelegram, type TelegramChannel } from "../../../src/channels/telegram/start.ts";
import { createOutboxQueue } from "../../../src/store/outbox.ts";
import { groupCommands } from "../../../src/host/group-commands.ts";
import { createOutboxWorker, type OutboxWorker } from "../../../src/outbox/worker.ts";
import { seededHost } from "../seeded-host.ts";
import { FakeClock } from "../../outbox/fake-clock.ts";
import { FakeBotApi, TOKEN, messageUpdate, textUpdate, user } from "./fake-bot-api.ts";

const logger = pino({ level: "silent" });
const siti = user(4242, "Siti");

let api: FakeBotApi;
let bot: Awaited<ReturnType<typeof seededHost>>;
let channel: TelegramChannel;
let outbox: OutboxWorker;
let clock: FakeClock;
let turns = 0;
let groups: ReturnType<typeof groupCommands>;
let host: { handle: (m: Parameters<Awaited<ReturnType<typeof seededHost>>["host"]["handle"]>[0]) => Promise<unknown> };

beforeEach(async () => {
  api = await new FakeBotApi().start();
  clock = new FakeClock();
  bot = await seededHost(clock);
  // Counts finished turns, so a test knows when the replies are in the outbox.
  host = {
    handle: async (m: Parameters<typeof bot.host.handle>[0]) => {
      try {
        return await bot.host.handle(m);
      } finally {
        turns++;
      }
    },
  };
  groups = groupCommands({ db: bot.store.db, logger });
  channel = startTelegram({ config: { telegram: { token: TOKEN, apiRoot: api.url } }, host, groups, logger });
  await channel.ready;
  outbox = createOutboxWorker({ queue: createOutboxQueue(bot.store.db), senders: [channel.sender], logger, clock });
});

afterEach(async () => {
  await channel.stop();
  await api.close();
  await bot.host.close();
  await bot.store.db.$disconnect();
});

/** Sends an update, waits for its turn, delivers the outbox, and returns what the bot sent to the chat. */
async function say(
  update: Record<string, unknown>,
): Promise<{ text: string; buttons: { text: string; callback_data: string }[] }[]> {
  const before = turns;
  const seen = api.callsOf("sendMessage").length;
  api.push(update);
  for (let i = 0; i < 500 && turns === before; i++) await new Promise((r) => setTimeout(r, 10));
  for (let i = 0; i < 30; i++) {
    await outbox.tick();
    clock.advance(1000);
    if ((await bot.store.db.outboxMessage.count({ where: { status: "PENDING" } })) === 0) break;
  }
  return api
    .callsOf("sendMessage")
    .slice(seen)
    .map((c) => ({
      text: c.body.text!,
      buttons: (c.body.reply_markup?.inline_keyboard ?? [])
        .flat()
        .map((b) => ({ text: b.text, callback_data: b.callback_data! })),
    }));
}

const press = (data: string) => ({
  callback_query: {
    id: `cb-${Math.random()}`,
    from: siti,
    chat_instance: "x",
    data,
    message: { message_id: 1, date: 0, chat: { id: siti.id, type: "private" }, text: "" },
  },
});

it("a resident goes from /start to a stored proposal with a photo, and the proposal is in the database", async () => {
  const hello = await say(textUpdate(siti, "/start"));
  expect(hello.map((m) => m.text).join("\n")).toContain("setuju");
  const consent = hello.find((m) => m.buttons.length)!;
  expect(consent.buttons[0]).toEqual({ text: "1. Setuju", callback_data: "opt:1" });

  const menu = await say(press(consent.buttons[0]!.callback_data));
  expect(menu.map((m) => m.text).join("\n")).toContain("sudah setuju");

  const kamus = await say(
    textUpdate(
      siti,
      "jalan depan rumah rusak parah di RT 03 RW 05 Sukakarya, panjang 200 m lebar 3 m, mohon dibangun rabat beton",
    ),
  );
  const choices = kamus.find((m) => m.buttons.length)!;
  const rabat = choices.buttons.find((b) => b.text.includes("Rabat Beton"))!;
  expect(rabat).toBeDefined();

  const volume = await say(press(rabat.callback_data));
  expect(volume.map((m) => m.text).join("\n")).toMatch(/manfaat/);

  await say(textUpdate(siti, "sekitar 150 orang"));
  const jpeg = Buffer.from("\xff\xd8\xff\xe0 foto jalan rusak", "latin1");
  api.files.set("photos/jalan.jpg", { bytes: jpeg });
  const photo = await say(
    messageUpdate(siti, {
      photo: [
        { file_id: "id-photos/jalan.jpg", file_unique_id: "j", width: 1280, height: 960, file_size: jpeg.length },
      ],
    }),
  );
  expect(photo.map((m) => m.text).join("\n")).toContain("Foto diterima");

  const summary = await say(textUpdate(siti, "nama saya Siti Aminah"));
  expect(summary.map((m) => m.text).join("\n")).toContain("Ketik YA");

  const done = await say(textUpdate(siti, "YA"));
  const code = /U\d{2}-[A-Z0-9]{4}/.exec(done.map((m) => m.text).join("\n"))?.[0];
  expect(code).toBeDefined();

  const proposal = await bot.store.db.proposal.findUnique({
    where: { code: code! },
    include: { attachments: true, village: true },
  });
  expect(proposal).toMatchObject({
    channel: "telegram",
    rt: "03",
    rw: "05",
    volume: 600,
    beneficiaries: 150,
    proposerName: "Siti Aminah",
  });
  expect(proposal!.village.name).toBe("Sukakarya");
  expect(proposal!.attachments).toHaveLength(1);
  expect(proposal!.attachments[0]!.size).toBe(jpeg.length);
  const identity = await bot.store.db.channelIdentity.findFirst({
    where: { channel: "telegram", externalId: String(siti.id) },
  });
  expect(identity?.residentId).toBe(proposal!.proposerId);
  expect(await bot.store.db.outboxMessage.count({ where: { status: { not: "SENT" } } })).toBe(0);
});

it("a re-delivered update after a restart of the channel runs no second turn", async () => {
  const update = textUpdate(siti, "halo");
  const first = await say(update);
  expect(first.length).toBeGreaterThan(0);
  // A new channel (fresh in-memory state) gets the same update again: the host recognises its message id.
  await channel.stop();
  channel = startTelegram({ config: { telegram: { token: TOKEN, apiRoot: api.url } }, host, groups, logger });
  await channel.ready;
  const turnsBefore = turns;
  const again = await say(update);
  expect(turns).toBe(turnsBefore + 1); // the update did reach the host...
  expect(again).toEqual([]); // ...which ran no second turn
  expect(await bot.store.db.inboundMessage.count()).toBe(1);
});
