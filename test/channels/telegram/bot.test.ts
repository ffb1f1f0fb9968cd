// The real telegraf against a fake Bot API on 127.0.0.1: what residents and groups send becomes the right
// InboundMessage (or the right group answer, put in the outbox and delivered by the outbox worker ticked on
// a fake clock), and nothing else reaches the host.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { pino } from "pino";
import { startTelegram, type TelegramChannel } from "../../../src/channels/telegram/start.ts";
import { groupCommands } from "../../../src/host/group-commands.ts";
import { createOutboxWorker, type OutboxWorker } from "../../../src/outbox/worker.ts";
import type { Store } from "../../../src/store/client.ts";
import { createOutboxQueue, enqueueWithPrisma } from "../../../src/store/outbox.ts";
import { FakeClock } from "../../outbox/fake-clock.ts";
import { freshSqlite } from "../../support/stores.ts";
import { RecordingHandler } from "../recording-handler.ts";
import { BOT, FakeBotApi, TOKEN, groupChat, messageUpdate, textUpdate, user, type ApiBody } from "./fake-bot-api.ts";

const logger = pino({ level: "silent" });
const siti = user(42, "Siti", { last_name: "Aminah" });

let api: FakeBotApi;
let store: Store;
let handler: RecordingHandler;
let channel: TelegramChannel;
let clock: FakeClock;
let worker: OutboxWorker;
/** Group answers put in the outbox so far, and tests waiting for a count. */
let queued: number;
let queuedWaiters: { count: number; resolve: () => void }[];

/** The channel as main.ts starts it, with the test's clock; its outbox worker runs only when ticked. */
function start(): TelegramChannel {
  const started = startTelegram({
    config: { telegram: { token: TOKEN, apiRoot: api.url } },
    host: handler,
    groups: groupCommands({
      db: store.db,
      logger,
      now: () => new Date(clock.now()),
      onQueued: () => {
        queued++;
        for (const w of queuedWaiters.filter((w) => queued >= w.count)) {
          queuedWaiters.splice(queuedWaiters.indexOf(w), 1);
          w.resolve();
        }
      },
    }),
    logger,
    clock,
  });
  worker = createOutboxWorker({
    queue: createOutboxQueue(store.db),
    senders: [started.sender],
    logger,
    clock,
    random: () => 0.5,
  });
  return started;
}

/** Resolves once `count` group answers in all are in the outbox (the poller itself runs over real HTTP). */
function answersQueued(count: number, timeoutMs = 5000): Promise<void> {
  if (queued >= count) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`only ${queued} of ${count} group answers queued`)), timeoutMs);
    queuedWaiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
  });
}

/** Ticks the outbox worker, one fake second apart, until nothing is pending; returns what was sent meanwhile and when. */
async function deliver(maxTicks = 150): Promise<{ at: number; body: ApiBody }[]> {
  const seen = api.callsOf("sendMessage").length;
  const sent: { at: number; body: ApiBody }[] = [];
  for (let i = 0; i < maxTicks; i++) {
    await worker.tick();
    for (const call of api.callsOf("sendMessage").slice(seen + sent.length))
      sent.push({ at: clock.now(), body: call.body });
    if ((await store.db.outboxMessage.count({ where: { status: "PENDING" } })) === 0) break;
    clock.advance(1000);
  }
  return sent;
}

/** Waits until `count` group answers in all are queued, delivers them, and returns the messages sent now. */
async function groupAnswers(count: number): Promise<ApiBody[]> {
  await answersQueued(count);
  return (await deliver()).map((s) => s.body);
}

beforeEach(async () => {
  api = await new FakeBotApi().start();
  store = await freshSqlite();
  await store.db.district.create({ data: { code: "3216010", name: "Setu", searchName: "setu" } });
  await store.db.village.createMany({
    data: [
      { code: "3216010001", name: "Sukamaju", searchName: "sukamaju", districtCode: "3216010" },
      { code: "3216010002", name: "Sukamulya", searchName: "sukamulya", districtCode: "3216010" },
      { code: "3216010003", name: "Tamansari", searchName: "tamansari", districtCode: "3216010" },
    ],
  });
  handler = new RecordingHandler();
  clock = new FakeClock();
  queued = 0;
  queuedWaiters = [];
  channel = start();
  await channel.ready;
});

afterEach(async () => {
  await channel.stop();
  await api.close();
  await store.db.$disconnect();
});

describe("telegram private chat", () => {
  it("sets the command menu at start", async () => {
    const [privateScope] = api.callsOf("setMyCommands");
    expect(privateScope!.body.commands!.map((c) => c.command)).toEqual(["start", "usul", "status", "bantuan", "batal"]);
    expect(privateScope!.body.scope).toEqual({ type: "all_private_chats" });
    expect(api.callsOf("setMyCommands").map((c) => c.body.scope!.type)).toContain("all_chat_administrators");
  });

  it("starts polling even when the command menu cannot be set", async () => {
    await channel.stop();
    api.failNext("setMyCommands", { status: 400, description: "Bad Request: BOT_COMMAND_INVALID" });
    channel = start();
    await channel.ready;
    api.push(textUpdate(siti, "halo"));
    expect((await handler.nth(1)).text).toBe("halo");
  });

  it("passes /start with its deep-link payload", async () => {
    const update = api.push(textUpdate(siti, "/start desa_3216010001"));
    expect(await handler.nth(1)).toEqual({
      channel: "telegram",
      chatId: "42",
      messageId: `42:${update.message.message_id}`,
      kind: "text",
      text: "/start desa_3216010001",
      startPayload: "desa_3216010001",
    });
  });

  it("passes text through, and commands without our @username", async () => {
    api.push(textUpdate(siti, "jalan depan rumah rusak parah"));
    api.push(textUpdate(siti, "/status@MusrenbangBot U25-7K3Q"));
    api.push(textUpdate(siti, "/batal"));
    expect((await handler.nth(1)).text).toBe("jalan depan rumah rusak parah");
    expect((await handler.nth(2)).text).toBe("/status U25-7K3Q");
    expect((await handler.nth(3)).text).toBe("/batal");
  });

  it("downloads the largest size of a photo via getFile into media, with the caption as text", async () => {
    const bytes = Buffer.from("\xff\xd8\xff fake jpeg bytes", "latin1");
    api.files.set("photos/file_7.jpg", { bytes });
    api.files.set("photos/small.jpg", { bytes: Buffer.from("small") });
    api.push(
      messageUpdate(siti, {
        caption: "jalan berlubang",
        photo: [
          { file_id: "id-photos/small.jpg", file_unique_id: "s", width: 90, height: 60, file_size: 5 },
          { file_id: "id-photos/file_7.jpg", file_unique_id: "b", width: 1280, height: 960, file_size: bytes.length },
        ],
      }),
    );
    const inbound = await handler.nth(1);
    expect(inbound).toMatchObject({
      kind: "photo",
      text: "jalan berlubang",
      media: { mimeType: "image/jpeg", fileName: "file_7.jpg" },
    });
    expect(Buffer.from(inbound.media!.data)).toEqual(bytes);
    expect(api.callsOf("getFile").map((c) => c.body.file_id)).toEqual(["id-photos/file_7.jpg"]);
  });

  it("reads the photo from disk when a local Bot API server answers with an absolute path", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tg-local-"));
    const path = join(dir, "photo.jpg");
    writeFileSync(path, "local jpeg");
    api.files.set(path, { bytes: Buffer.from("unused") });
    api.push(messageUpdate(siti, { photo: [{ file_id: `id-${path}`, file_unique_id: "l", width: 10, height: 10 }] }));
    expect(Buffer.from((await handler.nth(1)).media!.data).toString()).toBe("local jpeg");
  });

  it("asks for the photo again when it cannot be downloaded, without running a turn", async () => {
    api.push(
      messageUpdate(siti, {
        photo: [{ file_id: "id-photos/missing.jpg", file_unique_id: "m", width: 10, height: 10 }],
      }),
    );
    const apology = await api.waitFor("sendMessage");
    expect(apology.body.chat_id).toBe(42);
    expect(apology.body.text).toContain("foto");
    expect(handler.received).toHaveLength(0);
  });

  it("turns a location pin into a location", async () => {
    api.push(messageUpdate(siti, { location: { latitude: -6.2349, longitude: 107.1035 } }));
    expect(await handler.nth(1)).toMatchObject({
      kind: "location",
      location: { latitude: -6.2349, longitude: 107.1035 },
    });
  });

  it("marks voice notes and stickers so the engine can answer them politely", async () => {
    api.push(messageUpdate(siti, { voice: { file_id: "v", file_unique_id: "v", duration: 3 } }));
    api.push(
      messageUpdate(siti, {
        sticker: {
          file_id: "s",
          file_unique_id: "s",
          type: "regular",
          width: 1,
          height: 1,
          is_animated: false,
          is_video: false,
        },
      }),
    );
    expect((await handler.nth(1)).kind).toBe("voice");
    expect((await handler.nth(2)).kind).toBe("sticker");
  });

  it("counts a button press of the resident as the option key, answers the callback, ignores other people", async () => {
    const chat = { id: 42, type: "private", first_name: "Siti" };
    api.push({
      callback_query: {
        id: "cb-1",
        from: siti,
        chat_instance: "x",
        data: "opt:2",
        message: { message_id: 5, date: 0, chat, text: "Pilih" },
      },
    });
    expect(await handler.nth(1)).toMatchObject({ kind: "text", text: "2", chatId: "42", messageId: "cb:cb-1" });
    await api.waitFor("answerCallbackQuery", (b) => b.callback_query_id === "cb-1");
    await api.waitFor("editMessageReplyMarkup", (b) => b.chat_id === 42 && b.message_id === 5);

    const stranger = user(77, "Budi");
    api.push({
      callback_query: {
        id: "cb-2",
        from: stranger,
        chat_instance: "x",
        data: "opt:1",
        message: { message_id: 5, date: 0, chat, text: "Pilih" },
      },
    });
    const answer = await api.waitFor("answerCallbackQuery", (b) => b.callback_query_id === "cb-2");
    expect(answer.body.text).toContain("bukan untuk");
    expect(handler.received).toHaveLength(1);
  });

  it("runs no second turn for a re-delivered update", async () => {
    const update = api.push(textUpdate(siti, "halo"));
    await handler.nth(1);
    api.push(update);
    api.push(textUpdate(siti, "lagi"));
    await handler.nth(2);
    expect(handler.received.map((m) => m.text)).toEqual(["halo", "lagi"]);
  });

  it("apologises when the turn fails, and keeps polling", async () => {
    handler.failNext = new Error("database is locked");
    api.push(textUpdate(siti, "halo"));
    const apology = await api.waitFor("sendMessage");
    expect(apology.body.text).toContain("gangguan");
    api.push(textUpdate(siti, "halo lagi"));
    expect((await handler.nth(2)).text).toBe("halo lagi");
  });
});

describe("telegram village group", () => {
  const group = groupChat();
  const groupId = String(group.id);
  const admin = user(10, "Pak RT");

  it("answers /usul@OurBot through the outbox, in the same topic, with a deep link carrying the group's desa", async () => {
    await store.db.telegramGroupLink.create({ data: { chatId: groupId, villageCode: "3216010001" } });
    const update = api.push(
      textUpdate(siti, `/usul@${BOT.username} jalan rusak`, group, { message_thread_id: 17, is_topic_message: true }),
    );
    await answersQueued(1);
    expect(api.callsOf("sendMessage")).toHaveLength(0); // stored, not sent: the worker delivers it
    const [row] = await store.db.outboxMessage.findMany();
    expect(row).toMatchObject({ channel: "telegram", chatId: groupId, status: "PENDING" });
    expect(JSON.parse(row!.payload)).toMatchObject({ threadId: 17, replyTo: String(update.message.message_id) });

    const [sent] = await groupAnswers(1);
    expect(sent!.chat_id).toBe(groupId);
    expect(sent!.message_thread_id).toBe(17);
    expect(sent!.reply_parameters).toEqual({
      message_id: update.message.message_id,
      allow_sending_without_reply: true,
    });
    expect(sent!.text).toContain("Sukamaju");
    expect(sent!.reply_markup!.inline_keyboard).toEqual([
      [{ text: "Isi usulan di chat pribadi", url: `https://t.me/${BOT.username}?start=desa_3216010001` }],
    ]);
    expect(handler.received).toHaveLength(0);
    expect(await store.db.outboxMessage.count({ where: { status: "SENT" } })).toBe(1);
  });

  it("links to a plain private chat when the group has no desa yet; no topic outside forums", async () => {
    api.push(textUpdate(siti, "/usul", group));
    const [sent] = await groupAnswers(1);
    expect(sent!.message_thread_id).toBeUndefined();
    expect(sent!.reply_markup!.inline_keyboard![0]![0]!.url).toBe(`https://t.me/${BOT.username}?start=usul`);
  });

  it("delivers a group answer whose first send got a 500, after the retry, still in its topic with its button", async () => {
    api.failNext("sendMessage", { status: 500, description: "Internal Server Error" });
    const update = api.push(textUpdate(siti, "/usul", group, { message_thread_id: 4, is_topic_message: true }));
    await answersQueued(1);
    await worker.tick();
    expect(api.callsOf("sendMessage")).toHaveLength(1);
    expect(await store.db.outboxMessage.findFirst()).toMatchObject({
      status: "PENDING",
      attempts: 1,
      lastError: "500: Internal Server Error",
    });
    clock.advance(1999); // the first backoff is 2 s (random fixed at 0.5: no jitter)
    await worker.tick();
    expect(api.callsOf("sendMessage")).toHaveLength(1);
    clock.advance(1);
    await worker.tick();
    const [failed, retried] = api.callsOf("sendMessage").map((c) => c.body);
    expect(retried).toEqual(failed);
    expect(retried).toMatchObject({
      chat_id: groupId,
      message_thread_id: 4,
      reply_parameters: { message_id: update.message.message_id },
    });
    expect(retried!.reply_markup!.inline_keyboard![0]![0]!.url).toBe(`https://t.me/${BOT.username}?start=usul`);
    expect(await store.db.outboxMessage.findFirst()).toMatchObject({ status: "SENT", attempts: 2 });
  });

  it("answers every /usul of a burst, spread within 20 a minute per group, without holding up private replies", async () => {
    const burst = Array.from({ length: 25 }, (_, i) =>
      api.push(textUpdate(user(100 + i, `Warga ${i}`), "/usul", group)),
    );
    await answersQueued(25);
    await enqueueWithPrisma(
      store.db,
      [{ channel: "telegram", chatId: "42", text: "balasan pribadi" }],
      new Date(clock.now()),
    );
    const started = clock.now();
    const sent = await deliver();

    expect(sent.filter((s) => s.body.chat_id === "42").map((s) => s.at - started)).toEqual([0]);
    const answers = sent.filter((s) => s.body.chat_id === groupId);
    // Nothing dropped: one answer to each /usul.
    expect(answers.map((a) => a.body.reply_parameters!.message_id).sort((a, b) => a - b)).toEqual(
      burst.map((u) => u.message.message_id).sort((a, b) => a - b),
    );
    // One a second (per chat) for the first 20, then the group's minute is full until the first one is 60 s old.
    const seconds = answers.map((a) => (a.at - started) / 1000);
    expect(seconds).toEqual([...Array.from({ length: 20 }, (_, i) => i), 60, 61, 62, 63, 64]);
    for (let i = 20; i < answers.length; i++)
      expect(answers[i]!.at - answers[i - 20]!.at).toBeGreaterThanOrEqual(60_000);
    expect(await store.db.outboxMessage.count({ where: { status: { not: "SENT" } } })).toBe(0);
  });

  it("ignores /usul@OtherBot, other commands and ordinary chatter", async () => {
    api.push(textUpdate(siti, "/usul@OtherBot jalan rusak", group));
    api.push(textUpdate(siti, "/status", group));
    api.push(textUpdate(siti, "selamat pagi semua", group));
    api.push(textUpdate(siti, "/usul", group)); // a marker: answered
    await answersQueued(1);
    // A second marker arrives in a later batch, after every update above has been handled completely.
    api.push(textUpdate(siti, "/usul", group));
    await answersQueued(2);
    expect(await groupAnswers(2)).toHaveLength(2);
    expect(queued).toBe(2);
    expect(handler.received).toHaveLength(0);
  });

  it("lets a group admin link the group with /desa, and refuses others", async () => {
    api.memberStatus.set(admin.id, "administrator");
    api.push(textUpdate(siti, "/desa Sukamaju", group));
    const [refused] = await groupAnswers(1);
    expect(refused!.text).toContain("hanya admin");
    expect(await store.db.telegramGroupLink.count()).toBe(0);

    api.push(textUpdate(admin, "/desa ds. sukamaju", group));
    const [linked] = await groupAnswers(2);
    expect(linked!.text).toContain("terhubung");
    expect(linked!.text).toContain("Desa Sukamaju, Kecamatan Setu");
    expect(await store.db.telegramGroupLink.findUnique({ where: { chatId: groupId } })).toMatchObject({
      villageCode: "3216010001",
    });
  });

  it("finds a desa despite a typo", async () => {
    api.memberStatus.set(admin.id, "administrator");
    api.push(textUpdate(admin, "/desa tamansarii", group));
    const [linked] = await groupAnswers(1);
    expect(linked!.text).toContain("Desa Tamansari, Kecamatan Setu");
    expect((await store.db.telegramGroupLink.findFirst())?.villageCode).toBe("3216010003");
  });

  it("shows the candidates with their codes when a /desa name is ambiguous, and takes a code", async () => {
    api.memberStatus.set(admin.id, "creator");
    api.push(textUpdate(admin, "/desa suka", group));
    const [choices] = await groupAnswers(1);
    expect(choices!.text).toContain("3216010001 Sukamaju");
    expect(choices!.text).toContain("3216010002 Sukamulya");
    api.push(textUpdate(admin, "/desa 3216010002", group));
    const [linked] = await groupAnswers(2);
    expect(linked!.text).toContain("Sukamulya, Kecamatan");
    expect((await store.db.telegramGroupLink.findFirst())?.villageCode).toBe("3216010002");
  });
});
