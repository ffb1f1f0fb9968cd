// Outbox → TelegramSender → real telegraf → fake Bot API: rendering, and how Bot API failures are retried.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { pino } from "pino";
import { Telegram } from "telegraf";
import { TelegramSender, splitText } from "../../../src/channels/telegram/sender.ts";
import { createOutboxWorker } from "../../../src/outbox/worker.ts";
import { FakeClock } from "../../outbox/fake-clock.ts";
import { MemoryQueue } from "../../outbox/memory-queue.ts";
import { FakeBotApi, TOKEN } from "./fake-bot-api.ts";

const logger = pino({ level: "silent" });
let api: FakeBotApi;
let clock: FakeClock;
let queue: MemoryQueue;
let worker: ReturnType<typeof createOutboxWorker>;

beforeEach(async () => {
  api = await new FakeBotApi().start();
  clock = new FakeClock();
  queue = new MemoryQueue();
  const sender = new TelegramSender(new Telegram(TOKEN, { apiRoot: api.url }));
  worker = createOutboxWorker({ queue, senders: [sender], logger, clock, random: () => 0.5 });
});
afterEach(() => api.close());

describe("telegram delivery", () => {
  it("renders options as numbered text plus one button per option", async () => {
    queue.add({
      channel: "telegram",
      chatId: "42",
      text: "Pilih kegiatan:",
      options: [
        { key: "1", label: "Rehabilitasi jalan" },
        { key: "2", label: "Tidak ada yang cocok" },
      ],
    });
    await worker.tick();
    const [sent] = api.callsOf("sendMessage");
    expect(sent!.body.text).toBe("Pilih kegiatan:\n\n1. Rehabilitasi jalan\n2. Tidak ada yang cocok");
    expect(sent!.body.reply_markup!.inline_keyboard).toEqual([
      [{ text: "1. Rehabilitasi jalan", callback_data: "opt:1" }],
      [{ text: "2. Tidak ada yang cocok", callback_data: "opt:2" }],
    ]);
    expect(queue.rows[0]!.status).toBe("SENT");
  });

  it("renders a group answer: options, then the link as a URL button, in the forum topic, as a reply", async () => {
    const link = { label: "Isi usulan di chat pribadi", url: "https://t.me/MusrenbangBot?start=desa_3216010001" };
    queue.add({
      channel: "telegram",
      chatId: "-100123",
      text: "Pilih:",
      options: [{ key: "1", label: "Ya" }],
      link,
      threadId: 17,
      replyTo: "88",
    });
    await worker.tick();
    const [sent] = api.callsOf("sendMessage");
    expect(sent!.body).toEqual({
      chat_id: "-100123",
      text: "Pilih:\n\n1. Ya",
      message_thread_id: 17,
      reply_parameters: { message_id: 88, allow_sending_without_reply: true },
      reply_markup: {
        inline_keyboard: [[{ text: "1. Ya", callback_data: "opt:1" }], [{ text: link.label, url: link.url }]],
      },
    });
    expect(queue.rows[0]!.status).toBe("SENT");
  });

  it("keeps every part of a long answer in the topic; only the first is the reply, only the last has the buttons", async () => {
    const link = { label: "Buka", url: "https://t.me/MusrenbangBot?start=usul" };
    const text = `${"a".repeat(3000)}\n${"b".repeat(3000)}`;
    queue.add({ channel: "telegram", chatId: "-100123", text, link, threadId: 5, replyTo: "9" });
    await worker.tick();
    const parts = api.callsOf("sendMessage").map((c) => c.body);
    expect(parts.map((p) => p.text)).toEqual(["a".repeat(3000), "b".repeat(3000)]);
    expect(parts.map((p) => p.message_thread_id)).toEqual([5, 5]);
    expect(parts.map((p) => p.reply_parameters?.message_id)).toEqual([9, undefined]);
    expect(parts.map((p) => p.reply_markup?.inline_keyboard)).toEqual([undefined, [[{ text: "Buka", url: link.url }]]]);
  });

  it("sends a plain reply without thread, reply or keyboard, as before", async () => {
    queue.add({ channel: "telegram", chatId: "42", text: "halo" });
    await worker.tick();
    expect(api.callsOf("sendMessage")[0]!.body).toEqual({ chat_id: "42", text: "halo" });
  });

  it("waits retry_after seconds after a 429", async () => {
    api.failNext("sendMessage", {
      status: 429,
      description: "Too Many Requests: retry after 3",
      parameters: { retry_after: 3 },
    });
    queue.add({ channel: "telegram", chatId: "42", text: "halo" });
    await worker.tick();
    expect(queue.rows[0]).toMatchObject({ status: "PENDING", attempts: 1, nextAttemptAt: clock.now() + 3000 });
    clock.advance(2999);
    await worker.tick();
    expect(api.callsOf("sendMessage")).toHaveLength(1);
    clock.advance(1);
    await worker.tick();
    expect(api.callsOf("sendMessage")).toHaveLength(2);
    expect(queue.rows[0]!.status).toBe("SENT");
  });

  it("retries a 500 with backoff, then succeeds", async () => {
    api.failNext("sendMessage", { status: 500, description: "Internal Server Error" });
    queue.add({ channel: "telegram", chatId: "42", text: "halo" });
    await worker.tick();
    expect(queue.rows[0]).toMatchObject({ status: "PENDING", attempts: 1, lastError: "500: Internal Server Error" });
    clock.advance(2000);
    await worker.tick();
    expect(queue.rows[0]!.status).toBe("SENT");
  });

  it("marks a resident who blocked the bot (403) and a missing chat (400) as failed, never retried", async () => {
    api.failNext("sendMessage", { status: 403, description: "Forbidden: bot was blocked by the user" });
    api.failNext("sendMessage", { status: 400, description: "Bad Request: chat not found" });
    queue.add({ channel: "telegram", chatId: "42", text: "halo" });
    queue.add({ channel: "telegram", chatId: "43", text: "halo" });
    await worker.tick();
    clock.advance(3_600_000);
    await worker.tick();
    expect(queue.rows.map((r) => [r.status, r.lastError])).toEqual([
      ["FAILED", "403: Forbidden: bot was blocked by the user"],
      ["FAILED", "400: Bad Request: chat not found"],
    ]);
    expect(api.callsOf("sendMessage")).toHaveLength(2);
  });

  it("retries when the Bot API cannot be reached at all", async () => {
    await api.close();
    queue.add({ channel: "telegram", chatId: "42", text: "halo" });
    await worker.tick();
    expect(queue.rows[0]).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(queue.rows[0]!.lastError).toMatch(/ECONNREFUSED|connect/);
    api = await new FakeBotApi().start(); // for afterEach
  });

  it("splits texts longer than Telegram's 4096 characters on line breaks", () => {
    const parts = splitText(`${"a".repeat(3000)}\n${"b".repeat(3000)}`);
    expect(parts).toEqual(["a".repeat(3000), "b".repeat(3000)]);
  });
});
