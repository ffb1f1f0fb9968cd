// The worker over the real outbox store (src/store/outbox.ts) on SQLite (and PostgreSQL when configured):
// replies pending at a crash go out after the restart, each exactly once.
import { describe, expect, it } from "vitest";
import { pino } from "pino";
import { DeliveryError } from "../../src/messages/channel.ts";
import type { OutboundMessage } from "../../src/messages/message.ts";
import { openStore, type Db } from "../../src/store/client.ts";
import { createOutboxQueue } from "../../src/store/outbox.ts";
import { createOutboxWorker } from "../../src/outbox/worker.ts";
import { storeCases } from "../support/stores.ts";
import { FakeClock } from "./fake-clock.ts";
import { RecordingSender } from "./recording-sender.ts";

const logger = pino({ level: "silent" });

/** Rows as the host writes them (PENDING, due now). */
async function enqueue(db: Db, messages: OutboundMessage[], now: Date) {
  await db.outboxMessage.createMany({
    data: messages.map((m) => ({
      channel: m.channel,
      chatId: m.chatId,
      payload: JSON.stringify(m),
      nextAttemptAt: now,
      createdAt: now,
    })),
  });
}

describe.each(storeCases())("outbox on $name", ({ name, open }) => {
  it("delivers what was pending before a restart, once each, in order per chat", async () => {
    const { db } = await open();
    const clock = new FakeClock();
    const now = new Date(clock.now());
    await enqueue(
      db,
      [1, 2, 3].map((i) => ({ channel: "telegram" as const, chatId: "42", text: `balasan ${i}` })),
      now,
    );
    await enqueue(db, [{ channel: "whatsapp", chatId: "6281@c.us", text: "halo wa" }], now);
    const telegram = new RecordingSender("telegram", clock);
    const whatsapp = new RecordingSender("whatsapp", clock);
    const queue = createOutboxQueue(db, name);

    const first = createOutboxWorker({ queue, senders: [telegram], logger, clock });
    await first.tick(); // sends "balasan 1", holds the rest in memory, and the process dies

    const second = createOutboxWorker({ queue, senders: [telegram, whatsapp], logger, clock });
    for (let i = 0; i < 90; i++) {
      await second.tick();
      clock.advance(1000);
    }
    expect(telegram.sent.map((s) => s.text)).toEqual(["balasan 1", "balasan 2", "balasan 3"]);
    expect(whatsapp.sent.map((s) => s.text)).toEqual(["halo wa"]);
    const rows = await db.outboxMessage.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => r.status)).toEqual(["SENT", "SENT", "SENT", "SENT"]);

    // A third start finds nothing left to send.
    const third = createOutboxWorker({ queue, senders: [telegram, whatsapp], logger, clock });
    clock.advance(120_000);
    await third.tick();
    expect(telegram.sent).toHaveLength(3);
    await db.$disconnect();
  });

  it("keeps a chat's replies in order when the first one waits for a retry across a restart", async () => {
    const { db } = await open();
    const clock = new FakeClock();
    await enqueue(db, [{ channel: "telegram", chatId: "42", text: "balasan 1" }], new Date(clock.now()));
    const queue = createOutboxQueue(db, name);
    const telegram = new RecordingSender("telegram", clock);
    telegram.failures = [new DeliveryError("502: Bad Gateway", "transient")];
    await createOutboxWorker({ queue, senders: [telegram], logger, clock, random: () => 0.5 }).tick(); // retry in 2 s; the process dies

    // The resident wrote again; the new process finds the newer reply due before the older one.
    await enqueue(db, [{ channel: "telegram", chatId: "42", text: "balasan 2" }], new Date(clock.now()));
    const restarted = createOutboxWorker({ queue, senders: [telegram], logger, clock, random: () => 0.5 });
    for (let i = 0; i < 10; i++) {
      await restarted.tick();
      clock.advance(1000);
    }
    expect(telegram.sent.map((s) => s.text)).toEqual(["balasan 1", "balasan 2"]);
    await db.$disconnect();
  });

  it("records a permanent failure and a retry in the table", async () => {
    const { db } = await open();
    const clock = new FakeClock();
    await enqueue(
      db,
      [
        { channel: "telegram", chatId: "42", text: "a" },
        { channel: "telegram", chatId: "43", text: "b" },
      ],
      new Date(clock.now()),
    );
    const sender = new RecordingSender("telegram", clock);
    sender.failures = [
      new DeliveryError("403: Forbidden: bot was blocked by the user", "permanent"),
      new DeliveryError("502: Bad Gateway", "transient"),
    ];
    await createOutboxWorker({
      queue: createOutboxQueue(db, name),
      senders: [sender],
      logger,
      clock,
      random: () => 0.5,
    }).tick();
    const rows = await db.outboxMessage.findMany({ orderBy: { id: "asc" } });
    expect(rows[0]).toMatchObject({
      status: "FAILED",
      attempts: 1,
      lastError: "403: Forbidden: bot was blocked by the user",
    });
    expect(rows[1]).toMatchObject({ status: "PENDING", attempts: 1, lastError: "502: Bad Gateway" });
    expect(rows[1]!.nextAttemptAt.getTime()).toBe(clock.now() + 2000);
    await db.$disconnect();
  });

  // Two copies of the bot on one PostgreSQL: their workers claim at the same moment.
  it.runIf(name === "postgres")("gives each due row to one of two workers claiming at once", async () => {
    const first = await open();
    const second = openStore(first.url);
    const now = new Date();
    const chats = Array.from({ length: 40 }, (_, i) => `chat-${i}`);
    await enqueue(
      first.db,
      [1, 2, 3, 4, 5].flatMap((n) =>
        chats.map((chatId) => ({ channel: "telegram" as const, chatId, text: `balasan ${n}` })),
      ),
      now,
    );
    const queues = [createOutboxQueue(first.db, name), createOutboxQueue(second.db, name)];
    const claimed = (
      await Promise.all(Array.from({ length: 8 }, (_, i) => queues[i % 2]!.claimDue("telegram", now, 30)))
    ).flat();
    const ids = claimed.map((r) => r.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    // What one worker got of a chat starts at the chat's oldest reply: no claim jumps ahead of another's.
    const rows = await first.db.outboxMessage.findMany({ orderBy: { id: "asc" } });
    for (const chatId of chats) {
      const all = rows.filter((r) => r.chatId === chatId).map((r) => r.id);
      const got = claimed.filter((r) => r.chatId === chatId).map((r) => r.id);
      expect(got.sort((a, b) => a - b)).toEqual(all.slice(0, got.length));
    }
    await second.db.$disconnect();
    await first.db.$disconnect();
  });
});
