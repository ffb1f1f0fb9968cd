// startChannels, wired with the group commands and the outbox worker as main.ts wires them. Telegram against
// the fake Bot API, WhatsApp with a fake client, a reply the host left in the outbox delivered on each, and a
// Telegram group answer delivered by the outbox.
import { afterEach, expect, it } from "vitest";
import { pino } from "pino";
import { startChannels, type Channels, type StartChannelsOptions } from "../../src/channels/start.ts";
import { groupCommands } from "../../src/host/group-commands.ts";
import { whatsappPolicy } from "../../src/outbox/rate-limit.ts";
import { startOutbox } from "../../src/outbox/worker.ts";
import { createOutboxQueue } from "../../src/store/outbox.ts";
import type { Store } from "../../src/store/client.ts";
import { freshSqlite } from "../support/stores.ts";
import { RecordingHandler } from "./recording-handler.ts";
import { FakeBotApi, TOKEN, groupChat, textUpdate, user } from "./telegram/fake-bot-api.ts";
import { FakeWaClient } from "./whatsapp/fake-client.ts";

let api: FakeBotApi | undefined;
let store: Store | undefined;
let channels: Channels | undefined;
let outbox: ReturnType<typeof startOutbox> | undefined;
afterEach(async () => {
  await outbox?.stop();
  outbox = undefined;
  await channels?.stop();
  await api?.close();
  await store?.db.$disconnect();
});

/** What main.ts does: group commands that poke the outbox, the channels, and the outbox worker with their senders. */
function startAsMain(store: Store, options: Omit<StartChannelsOptions, "groups" | "logger">): Channels {
  const logger = pino({ level: "silent" });
  const groups = groupCommands({ db: store.db, logger, onQueued: () => outbox?.poke() });
  const started = startChannels({ ...options, groups, logger });
  if (started.senders.length)
    outbox = startOutbox({
      queue: createOutboxQueue(store.db, store.flavour),
      senders: started.senders,
      logger,
      policies: { whatsapp: whatsappPolicy(options.config.whatsapp.maxPerMinute) },
    });
  return started;
}

it("starts nothing when no channel is configured", async () => {
  store = await freshSqlite();
  channels = startAsMain(store, {
    config: {
      telegram: { apiRoot: "http://127.0.0.1:9" },
      whatsapp: { enabled: false, authDir: "x", chromiumPath: "x", maxPerMinute: 40 },
    },
    host: new RecordingHandler(),
  });
  expect(channels.telegram).toBeUndefined();
  expect(channels.whatsapp).toBeUndefined();
  expect(channels.senders).toEqual([]);
});

it("starts Telegram and WhatsApp and delivers pending replies on both", async () => {
  api = await new FakeBotApi().start();
  store = await freshSqlite();
  const wa = new FakeWaClient();
  const pending = [
    { channel: "telegram", chatId: "42", text: "balasan telegram" },
    { channel: "whatsapp", chatId: "6281@c.us", text: "balasan whatsapp" },
  ];
  await store.db.outboxMessage.createMany({
    data: pending.map((m) => ({ channel: m.channel, chatId: m.chatId, payload: JSON.stringify(m) })),
  });
  channels = startAsMain(store, {
    config: {
      telegram: { token: TOKEN, apiRoot: api.url },
      whatsapp: { enabled: true, authDir: "x", chromiumPath: "x", maxPerMinute: 40 },
    },
    host: new RecordingHandler(),
    createWhatsAppClient: () => wa,
  });
  await channels.telegram!.ready;
  expect((await api.waitFor("sendMessage")).body).toMatchObject({ chat_id: "42", text: "balasan telegram" });
  expect(wa.sent).toEqual([]); // not connected yet: the reply waits
  wa.emit("ready");
  for (let i = 0; i < 100 && wa.sent.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
  expect(wa.sent).toEqual([{ chatId: "6281@c.us", content: "balasan whatsapp" }]);
});

it("delivers a Telegram group answer through the outbox", async () => {
  api = await new FakeBotApi().start();
  store = await freshSqlite();
  channels = startAsMain(store, {
    config: {
      telegram: { token: TOKEN, apiRoot: api.url },
      whatsapp: { enabled: false, authDir: "x", chromiumPath: "x", maxPerMinute: 40 },
    },
    host: new RecordingHandler(),
  });
  await channels.telegram!.ready;
  const group = groupChat();
  api.push(textUpdate(user(42, "Siti"), "/usul", group));
  const sent = await api.waitFor("sendMessage", (b) => b.chat_id === String(group.id));
  expect(sent.body.reply_markup!.inline_keyboard![0]![0]!.url).toContain("?start=usul");
  for (let i = 0; i < 100 && (await store.db.outboxMessage.count({ where: { status: "SENT" } })) === 0; i++)
    await new Promise((r) => setTimeout(r, 20));
  expect(await store.db.outboxMessage.findMany({ select: { chatId: true, status: true } })).toEqual([
    { chatId: String(group.id), status: "SENT" },
  ]);
});
