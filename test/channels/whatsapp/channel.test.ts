// WhatsApp through the narrow port: translation, groups, idempotent intake, reconnect and LOGOUT.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { pino } from "pino";
import type wweb from "whatsapp-web.js";
import { MessageTypes } from "../../../src/channels/whatsapp/port.ts";
import { CHROMIUM_ARGS, startWhatsApp, type WhatsAppChannel } from "../../../src/channels/whatsapp/start.ts";
import { FakeClock } from "../../outbox/fake-clock.ts";
import { RecordingHandler } from "../recording-handler.ts";
import { FakeWaClient, waImage, waMessage } from "./fake-client.ts";

const logger = pino({ level: "silent" });
const flush = () => new Promise((r) => setTimeout(r, 10));
const config = {
  whatsapp: { enabled: true, authDir: "/tmp/wa-auth-test", chromiumPath: "/usr/bin/chromium", maxPerMinute: 40 },
};

let clients: FakeWaClient[];
let handler: RecordingHandler;
let clock: FakeClock;
let qrs: string[];
let channel: WhatsAppChannel;
const client = () => clients.at(-1)!;

beforeEach(async () => {
  clients = [];
  qrs = [];
  handler = new RecordingHandler();
  clock = new FakeClock();
  channel = startWhatsApp({
    config,
    host: handler,
    logger,
    clock,
    createClient: () => {
      const c = new FakeWaClient();
      clients.push(c);
      return c;
    },
    showQr: (qr) => qrs.push(qr),
    reconnectMs: { first: 5000, max: 60_000 },
  });
  await flush();
  client().emit("qr", "2@QR-DATA");
  client().emit("ready");
});
afterEach(() => channel.stop());

describe("whatsapp inbound", () => {
  it("shows the QR code, then is ready to send", () => {
    expect(qrs).toEqual(["2@QR-DATA"]);
    expect(channel.status()).toBe("ready");
    expect(channel.sender.ready()).toBe(true);
  });

  it("turns text into an InboundMessage keyed by the chat id, @c.us and @lid alike", async () => {
    const a = waMessage("6281234567890@c.us", { body: "jalan rusak di RT 03" });
    client().emit("message", a);
    client().emit("message", waMessage("123456789012345@lid", { body: "halo" }));
    expect(await handler.nth(1)).toEqual({
      channel: "whatsapp",
      chatId: "6281234567890@c.us",
      messageId: a.id._serialized,
      kind: "text",
      text: "jalan rusak di RT 03",
    });
    expect(await handler.nth(2)).toMatchObject({ chatId: "123456789012345@lid", text: "halo" });
  });

  it("downloads an image into media, with its caption", async () => {
    const bytes = Buffer.from("\xff\xd8\xff jpeg", "latin1");
    client().emit("message", waImage("6281@c.us", bytes, "ini fotonya"));
    const inbound = await handler.nth(1);
    expect(inbound).toMatchObject({ kind: "photo", text: "ini fotonya", media: { mimeType: "image/jpeg" } });
    expect(Buffer.from(inbound.media!.data)).toEqual(bytes);
  });

  it("asks for the photo again when the download fails", async () => {
    client().emit("message", waMessage("6281@c.us", { type: MessageTypes.IMAGE, hasMedia: true }));
    await flush();
    expect(handler.received).toHaveLength(0);
    expect(client().sent[0]).toMatchObject({ chatId: "6281@c.us" });
    expect(client().sent[0]?.content).toContain("foto");
  });

  it("reads a location pin", async () => {
    const location = { latitude: "-6.2349", longitude: "107.1035", name: "Balai Desa" } as unknown as wweb.Location;
    client().emit("message", waMessage("6281@c.us", { type: MessageTypes.LOCATION, location }));
    expect(await handler.nth(1)).toMatchObject({
      kind: "location",
      location: { latitude: -6.2349, longitude: 107.1035 },
      text: "Balai Desa",
    });
  });

  it("marks voice notes as voice so the engine answers politely", async () => {
    client().emit("message", waMessage("6281@c.us", { type: MessageTypes.VOICE, hasMedia: true }));
    expect((await handler.nth(1)).kind).toBe("voice");
  });

  it("takes group messages only when they start with #usul or /usul, continuing with the author privately", async () => {
    const group = "120363025555555555@g.us";
    client().emit("message", waMessage(group, { author: "6281111@c.us", body: "selamat pagi bapak ibu" }));
    client().emit("message", waMessage(group, { author: "6281111@c.us", body: "usul dong" }));
    client().emit("message", waMessage(group, { author: "6281111@c.us", body: "#usul lampu jalan mati di gang 5" }));
    client().emit("message", waMessage(group, { author: "99887766@lid", body: "/USUL" }));
    expect(await handler.nth(1)).toMatchObject({
      chatId: "6281111@c.us",
      kind: "text",
      text: "/usul lampu jalan mati di gang 5",
    });
    expect(await handler.nth(2)).toMatchObject({ chatId: "99887766@lid", text: "/usul" });
    await flush();
    expect(handler.received).toHaveLength(2);
  });

  it("ignores its own messages and status broadcasts", async () => {
    client().emit("message", waMessage("6281@c.us", { fromMe: true, body: "balasan bot" }));
    client().emit("message", waMessage("status@broadcast", { isStatus: true, body: "story" }));
    await flush();
    expect(handler.received).toHaveLength(0);
  });

  it("runs no second turn for a re-delivered message", async () => {
    const m = waMessage("6281@c.us", { body: "halo" });
    client().emit("message", m);
    await handler.nth(1);
    client().emit("message", m);
    client().emit("message", waMessage("6281@c.us", { body: "lagi" }));
    await handler.nth(2);
    await flush();
    expect(handler.received.map((r) => r.text)).toEqual(["halo", "lagi"]);
  });

  it("apologises when the turn fails", async () => {
    handler.failNext = new Error("database is locked");
    client().emit("message", waMessage("6281@c.us", { body: "halo" }));
    await flush();
    expect(client().sent[0]!.content).toContain("gangguan");
  });
});

describe("whatsapp connection", () => {
  it("reconnects with a new client after a disconnect, with growing pauses", async () => {
    const first = client();
    first.emit("disconnected", "CONFLICT");
    expect(channel.sender.ready()).toBe(false);
    expect(channel.status()).toBe("reconnecting");
    await flush();
    expect(first.destroyed).toBe(1);
    clock.advance(4999);
    await flush();
    expect(clients).toHaveLength(1);
    clock.advance(1);
    await flush();
    expect(clients).toHaveLength(2);
    expect(client().initialized).toBe(1);

    // The second attempt fails to start: the next pause is twice as long.
    client().emit("disconnected", "TIMEOUT");
    clock.advance(5000);
    await flush();
    expect(clients).toHaveLength(2);
    clock.advance(5000);
    await flush();
    expect(clients).toHaveLength(3);
    client().emit("ready");
    expect(channel.sender.ready()).toBe(true);
    // Events of an old client no longer count.
    first.emit("message", waMessage("6281@c.us", { body: "dari klien lama" }));
    await flush();
    expect(handler.received).toHaveLength(0);
  });

  it("retries when the browser cannot start", async () => {
    await channel.stop();
    const made: FakeWaClient[] = [];
    channel = startWhatsApp({
      config,
      host: handler,
      logger,
      clock,
      createClient: () => {
        const c = new FakeWaClient();
        if (made.length === 0) c.failInitialize = new Error("net::ERR_NAME_NOT_RESOLVED");
        made.push(c);
        return c;
      },
      reconnectMs: { first: 1000, max: 10_000 },
    });
    await flush();
    expect(channel.status()).toBe("reconnecting");
    clock.advance(1000);
    await flush();
    expect(made).toHaveLength(2);
  });

  it("does not reconnect after LOGOUT and says a new QR scan is needed", async () => {
    client().emit("disconnected", "LOGOUT");
    expect(channel.status()).toBe("logged_out");
    expect(channel.sender.ready()).toBe(false);
    clock.advance(60 * 60_000);
    await flush();
    expect(clients).toHaveLength(1);
    // The library shows a new QR code on the same page; scanning it brings the channel back.
    client().emit("qr", "2@NEW-QR");
    expect(qrs.at(-1)).toBe("2@NEW-QR");
    client().emit("ready");
    expect(channel.status()).toBe("ready");
  });

  it("sends numbered menus as text, without sendSeen", async () => {
    await channel.sender.send({
      channel: "whatsapp",
      chatId: "6281@c.us",
      text: "Setuju?",
      options: [
        { key: "1", label: "Setuju" },
        { key: "2", label: "Tidak setuju" },
      ],
    });
    expect(client().sent).toEqual([{ chatId: "6281@c.us", content: "Setuju?\n\n1. Setuju\n2. Tidak setuju" }]);
  });

  it("writes a link as a line of the text, since WhatsApp has no URL buttons", async () => {
    const link = { label: "Isi usulan di chat pribadi", url: "https://t.me/MusrenbangBot?start=usul" };
    await channel.sender.send({
      channel: "whatsapp",
      chatId: "6281@c.us",
      text: "Terima kasih!",
      link,
      replyTo: "ABC",
      threadId: 3,
    });
    expect(client().sent).toEqual([
      {
        chatId: "6281@c.us",
        content: "Terima kasih!\n\nIsi usulan di chat pribadi: https://t.me/MusrenbangBot?start=usul",
      },
    ]);
  });

  it("reports send failures so the outbox retries, except for ids that are not WhatsApp accounts", async () => {
    const reply = { channel: "whatsapp" as const, chatId: "6281@c.us", text: "halo" };
    client().failSend = new Error("Protocol error (Runtime.callFunctionOn): Target closed");
    await expect(channel.sender.send(reply)).rejects.toMatchObject({ failure: "transient" });
    client().failSend = new Error("Evaluation failed: Error: invalid wid");
    await expect(channel.sender.send(reply)).rejects.toMatchObject({ failure: "permanent" });
  });

  it("uses the server Chromium flags", () => {
    expect(CHROMIUM_ARGS).toEqual(["--no-sandbox", "--disable-gpu", "--disable-background-networking"]);
  });
});
