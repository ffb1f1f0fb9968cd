// The real telegraf against a fake Bot API on 127.0.0.1: what residents and groups send becomes the right
// InboundMessage (or the right group answer), and nothing else reaches the host.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { pino } from "pino";
import { startTelegram, type TelegramChannel } from "../../../src/channels/telegram/start.ts";
import type { Store } from "../../../src/store/client.ts";
import { freshSqlite } from "../../support/stores.ts";
import { RecordingHandler } from "../recording-handler.ts";
import { BOT, FakeBotApi, TOKEN, groupChat, messageUpdate, textUpdate, user } from "./fake-bot-api.ts";

const logger = pino({ level: "silent" });
const siti = user(42, "Siti", { last_name: "Aminah" });
const tick = () => new Promise((r) => setTimeout(r, 100));

let api: FakeBotApi;
let store: Store;
let handler: RecordingHandler;
let channel: TelegramChannel;

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
  channel = startTelegram({ config: { telegram: { token: TOKEN, apiRoot: api.url } }, host: handler, store, logger });
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
    expect(privateScope!.body.commands.map((c: { command: string }) => c.command)).toEqual(["start", "usul", "status", "bantuan", "batal"]);
    expect(privateScope!.body.scope).toEqual({ type: "all_private_chats" });
    expect(api.callsOf("setMyCommands").map((c) => c.body.scope.type)).toContain("all_chat_administrators");
  });

  it("starts polling even when the command menu cannot be set", async () => {
    await channel.stop();
    api.failNext("setMyCommands", { status: 400, description: "Bad Request: BOT_COMMAND_INVALID" });
    channel = startTelegram({ config: { telegram: { token: TOKEN, apiRoot: api.url } }, host: handler, store, logger });
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
      displayName: "Siti Aminah",
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
    expect(inbound).toMatchObject({ kind: "photo", text: "jalan berlubang", media: { mimeType: "image/jpeg", fileName: "file_7.jpg" } });
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
    api.push(messageUpdate(siti, { photo: [{ file_id: "id-photos/missing.jpg", file_unique_id: "m", width: 10, height: 10 }] }));
    const apology = await api.waitFor("sendMessage");
    expect(apology.body).toMatchObject({ chat_id: 42, text: expect.stringContaining("foto") });
    expect(handler.received).toHaveLength(0);
  });

  it("turns a location pin into a location", async () => {
    api.push(messageUpdate(siti, { location: { latitude: -6.2349, longitude: 107.1035 } }));
    expect(await handler.nth(1)).toMatchObject({ kind: "location", location: { latitude: -6.2349, longitude: 107.1035 } });
  });

  it("marks voice notes and stickers so the engine can answer them politely", async () => {
    api.push(messageUpdate(siti, { voice: { file_id: "v", file_unique_id: "v", duration: 3 } }));
    api.push(messageUpdate(siti, { sticker: { file_id: "s", file_unique_id: "s", type: "regular", width: 1, height: 1, is_animated: false, is_video: false } }));
    expect((await handler.nth(1)).kind).toBe("voice");
    expect((await handler.nth(2)).kind).toBe("sticker");
  });

  it("counts a button press of the resident as the option key, answers the callback, ignores other people", async () => {
    const chat = { id: 42, type: "private", first_name: "Siti" };
    api.push({ callback_query: { id: "cb-1", from: siti, chat_instance: "x", data: "opt:2", message: { message_id: 5, date: 0, chat, text: "Pilih" } } });
    expect(await handler.nth(1)).toMatchObject({ kind: "text", text: "2", chatId: "42", messageId: "cb:cb-1" });
    await api.waitFor("answerCallbackQuery", (b) => b.callback_query_id === "cb-1");
    await api.waitFor("editMessageReplyMarkup", (b) => b.chat_id === 42 && b.message_id === 5);

    const stranger = user(77, "Budi");
    api.push({ callback_query: { id: "cb-2", from: stranger, chat_instance: "x", data: "opt:1", message: { message_id: 5, date: 0, chat, text: "Pilih" } } });
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
  const admin = user(10, "Pak RT");

  it("answers /usul@OurBot in the same topic with a deep link carrying the group's desa", async () => {
    await store.db.telegramGroupLink.create({ data: { chatId: String(group.id), villageCode: "3216010001" } });
    const update = api.push(textUpdate(siti, `/usul@${BOT.username} jalan rusak`, group, { message_thread_id: 17, is_topic_message: true }));
    const sent = await api.waitFor("sendMessage", (b) => b.chat_id === group.id);
    expect(sent.body.message_thread_id).toBe(17);
    expect(sent.body.reply_parameters.message_id).toBe(update.message.message_id);
    expect(sent.body.text).toContain("Sukamaju");
    expect(sent.body.reply_markup.inline_keyboard[0][0].url).toBe(`https://t.me/${BOT.username}?start=desa_3216010001`);
    expect(handler.received).toHaveLength(0);
  });

  it("links to a plain private chat when the group has no desa yet; no topic outside forums", async () => {
    api.push(textUpdate(siti, "/usul", group));
    const sent = await api.waitFor("sendMessage", (b) => b.chat_id === group.id);
    expect(sent.body.message_thread_id).toBeUndefined();
    expect(sent.body.reply_markup.inline_keyboard[0][0].url).toBe(`https://t.me/${BOT.username}?start=usul`);
  });

  it("spaces answers in a busy group without holding up other chats", async () => {
    api.push(textUpdate(siti, "/usul", group));
    await api.waitFor("sendMessage", (b) => b.chat_id === group.id);
    const started = Date.now();
    api.push(textUpdate(user(51, "Budi"), "/usul", group));
    api.push(textUpdate(siti, "halo dari chat pribadi"));
    await handler.nth(1);
    expect(api.callsOf("sendMessage")).toHaveLength(1); // the second group answer waits for its slot...
    await api.waitFor("sendMessage", () => api.callsOf("sendMessage").length === 2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900); // ...about a second after the first
  });

  it("ignores /usul@OtherBot, other commands and ordinary chatter", async () => {
    api.push(textUpdate(siti, "/usul@OtherBot jalan rusak", group));
    api.push(textUpdate(siti, "/status", group));
    api.push(textUpdate(siti, "selamat pagi semua", group));
    api.push(textUpdate(siti, "/usul", group)); // a marker: answered, so everything before was processed
    await api.waitFor("sendMessage");
    await tick();
    expect(api.callsOf("sendMessage")).toHaveLength(1);
    expect(handler.received).toHaveLength(0);
  });

  it("lets a group admin link the group with /desa, and refuses others", async () => {
    api.memberStatus.set(admin.id, "administrator");
    api.push(textUpdate(siti, "/desa Sukamaju", group));
    const refused = await api.waitFor("sendMessage");
    expect(refused.body.text).toContain("hanya admin");
    expect(await store.db.telegramGroupLink.count()).toBe(0);

    api.push(textUpdate(admin, "/desa ds. sukamaju", group));
    const linked = await api.waitFor("sendMessage", (b) => b.text.includes("terhubung"));
    expect(linked.body.text).toContain("Desa Sukamaju, Kecamatan Setu");
    expect(await store.db.telegramGroupLink.findUnique({ where: { chatId: String(group.id) } })).toMatchObject({ villageCode: "3216010001" });
  });

  it("finds a desa despite a typo", async () => {
    api.memberStatus.set(admin.id, "administrator");
    api.push(textUpdate(admin, "/desa tamansarii", group));
    await api.waitFor("sendMessage", (b) => b.text.includes("Desa Tamansari, Kecamatan Setu"));
    expect((await store.db.telegramGroupLink.findFirst())?.villageCode).toBe("3216010003");
  });

  it("shows the candidates with their codes when a /desa name is ambiguous, and takes a code", async () => {
    api.memberStatus.set(admin.id, "creator");
    api.push(textUpdate(admin, "/desa suka", group));
    const choices = await api.waitFor("sendMessage");
    expect(choices.body.text).toContain("3216010001 Sukamaju");
    expect(choices.body.text).toContain("3216010002 Sukamulya");
    api.push(textUpdate(admin, "/desa 3216010002", group));
    await api.waitFor("sendMessage", (b) => b.text.includes("Sukamulya, Kecamatan"));
    expect((await store.db.telegramGroupLink.findFirst())?.villageCode).toBe("3216010002");
  });
});
