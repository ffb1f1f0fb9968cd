// A resident completes a whole proposal over WhatsApp: the fake client (typed by the library), the real host
// and engine over a seeded SQLite, and the outbox delivering numbered menus as text (fake clock).
import { afterEach, beforeEach, expect, it } from "vitest";
import { pino } from "pino";
import type wweb from "whatsapp-web.js";
import { MessageTypes } from "../../../src/channels/whatsapp/port.ts";
import { startWhatsApp, type WhatsAppChannel } from "../../../src/channels/whatsapp/start.ts";
import { createOutboxQueue } from "../../../src/store/outbox.ts";
import { createOutboxWorker, type OutboxWorker } from "../../../src/outbox/worker.ts";
import { seededHost } from "../seeded-host.ts";
import { FakeClock } from "../../outbox/fake-clock.ts";
import { FakeWaClient, waImage, waMessage } from "./fake-client.ts";
import type { WaMessage } from "../../../src/channels/whatsapp/port.ts";

const logger = pino({ level: "silent" });
const resident = "6281234567890@c.us";

let bot: Awaited<ReturnType<typeof seededHost>>;
let client: FakeWaClient;
let channel: WhatsAppChannel;
let outbox: OutboxWorker;
let clock: FakeClock;
let turns = 0;

beforeEach(async () => {
  clock = new FakeClock();
  bot = await seededHost(clock);
  // Counts finished turns, so a test knows when the replies are in the outbox.
  const host = {
    handle: async (m: Parameters<typeof bot.host.handle>[0]) => {
      try {
        return await bot.host.handle(m);
      } finally {
        turns++;
      }
    },
  };
  channel = startWhatsApp({
    config: {
      whatsapp: { enabled: true, authDir: "/tmp/unused", chromiumPath: "/usr/bin/chromium", maxPerMinute: 40 },
    },
    host,
    logger,
    clock,
    createClient: () => (client = new FakeWaClient()),
  });
  await new Promise((r) => setTimeout(r, 10));
  client.emit("ready");
  outbox = createOutboxWorker({
    queue: createOutboxQueue(bot.store.db),
    senders: [channel.sender],
    logger,
    clock,
    random: () => 0,
  });
});

afterEach(async () => {
  await channel.stop();
  await bot.host.close();
  await bot.store.db.$disconnect();
});

/** Delivers a message, waits for its turn, drains the outbox, and returns what the bot sent, joined. */
async function say(message: WaMessage): Promise<string> {
  const before = turns;
  const seen = client.sent.length;
  client.emit("message", message);
  for (let i = 0; i < 500 && turns === before; i++) await new Promise((r) => setTimeout(r, 10));
  for (let i = 0; i < 30; i++) {
    await outbox.tick();
    clock.advance(1500);
    if ((await bot.store.db.outboxMessage.count({ where: { status: "PENDING" } })) === 0) break;
  }
  return client.sent
    .slice(seen)
    .map((s) => s.content)
    .join("\n\n");
}

const text = (body: string) => waMessage(resident, { body });

it("a resident goes from a greeting to a stored proposal, answering numbered menus by number", async () => {
  expect(await say(text("halo"))).toMatch(/setuju\?[\s\S]*1\. Setuju\n2\. Tidak setuju/i);
  expect(await say(text("1"))).toContain("sudah setuju");
  const kamus = await say(
    text("jalan depan rumah rusak parah di RT 03 RW 05 Sukakarya, panjang 200 m lebar 3 m, mohon dibangun rabat beton"),
  );
  const option = /^(\d+)\. .*Rabat Beton/m.exec(kamus);
  expect(option).not.toBeNull();
  expect(await say(text(option![1]!))).toMatch(/manfaat/);
  expect(await say(text("sekitar 150 orang"))).toMatch(/nama/i);
  // The summary invites a photo; one sent then is kept and the summary shown again.
  expect(await say(text("nama saya Budi Santoso"))).toMatch(/kirim fotonya sekarang[\s\S]*Ketik YA/);
  expect(await say(waImage(resident, Buffer.from("\xff\xd8\xff jalan", "latin1")))).toMatch(
    /Foto diterima[\s\S]*1 foto[\s\S]*Ketik YA/,
  );
  const done = await say(text("ya"));
  const code = /U\d{2}-[A-Z0-9]{4}/.exec(done)?.[0];
  expect(code).toBeDefined();

  const proposal = await bot.store.db.proposal.findUnique({ where: { code: code! }, include: { attachments: true } });
  expect(proposal).toMatchObject({
    channel: "whatsapp",
    volume: 600,
    beneficiaries: 150,
    proposerName: "Budi Santoso",
  });
  expect(proposal!.attachments).toHaveLength(1);
  expect(client.sent.every((s) => s.chatId === resident)).toBe(true);
});

it("answers a voice note politely, starts a proposal from #usul, takes a location pin", async () => {
  await say(text("halo"));
  await say(text("1"));
  const voice = await say(waMessage(resident, { type: MessageTypes.VOICE, hasMedia: true }));
  expect(voice).toContain("belum bisa mendengarkan pesan suara");
  const started = await say(text("#usul lampu jalan mati di desa Sukakarya"));
  expect(started).toContain("Desa Sukakarya");
  const location = { latitude: "-6.2", longitude: "107.1" } as unknown as wweb.Location;
  const pin = await say(waMessage(resident, { type: MessageTypes.LOCATION, location }));
  expect(pin).toContain("Lokasi diterima");
  expect(await bot.store.db.inboundMessage.count({ where: { channel: "whatsapp" } })).toBe(5);
});
