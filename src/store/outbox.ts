// The outbox: replies waiting for delivery. The host enqueues inside its turn transaction; the delivery
// worker (src/outbox/worker.ts) reads and marks rows through createOutboxQueue(db).
import type { Channel, OutboundMessage } from "../messages/message.ts";
import type { OutboxQueue, OutboxRow } from "../outbox/queue.ts";
import type { Db, Tx } from "./client.ts";
import type { Sql } from "./sql.ts";

/** How long a claimed row is hidden from other claims while it is being sent. */
const CLAIM_LEASE_MS = 60_000;

const OUTBOX_COLUMNS = `"channel", "chatId", "payload", "status", "attempts", "nextAttemptAt", "createdAt", "sentAt"`;

/**
 * Puts replies in the outbox (the host's fast path, inside the turn's transaction). `sent` (web chat: the
 * reply went back in the HTTP response) stores them as SENT. One statement for all rows of a turn.
 */
export async function enqueue(
  sql: Sql,
  messages: OutboundMessage[],
  now: Date,
  options: { sent?: boolean } = {},
): Promise<void> {
  if (messages.length === 0) return;
  const rows = messages.map(() => "(?, ?, ?, ?, 0, ?, ?, ?)").join(", ");
  const params = messages.flatMap((m) => [
    m.channel,
    m.chatId,
    JSON.stringify(m),
    options.sent ? "SENT" : "PENDING",
    now,
    now,
    options.sent ? now : null,
  ]);
  await sql.run(`INSERT INTO "OutboxMessage" (${OUTBOX_COLUMNS}) VALUES ${rows}`, params);
}

/** The same through Prisma, for code that already holds a Prisma transaction (status changes). */
export async function enqueueWithPrisma(
  db: Tx,
  messages: OutboundMessage[],
  now: Date,
  options: { sent?: boolean } = {},
): Promise<void> {
  if (messages.length === 0) return;
  await db.outboxMessage.createMany({
    data: messages.map((m) => ({
      channel: m.channel,
      chatId: m.chatId,
      payload: JSON.stringify(m),
      status: options.sent ? "SENT" : "PENDING",
      nextAttemptAt: now,
      createdAt: now,
      sentAt: options.sent ? now : null,
    })),
  });
}

/**
 * The worker's view of the outbox. `claimDue` hands out due PENDING rows oldest first and pushes their
 * next attempt one lease ahead, so a row whose send crashed the process is retried after the lease; a
 * row is held back while an older row of the same chat is not yet due.
 */
export function createOutboxQueue(db: Db): OutboxQueue {
  return {
    async claimDue(channel: Channel, now: Date, limit: number): Promise<OutboxRow[]> {
      return db.$transaction(async (tx) => {
        const due = await tx.outboxMessage.findMany({
          where: { channel, status: "PENDING", nextAttemptAt: { lte: now } },
          orderBy: { id: "asc" },
          take: limit,
        });
        // A chat whose older reply waits (a retry later, or leased to a sender that may have crashed) gets
        // nothing newer until that one is out: replies arrive in the order they were written, even after a restart.
        const waiting = await tx.outboxMessage.groupBy({
          by: ["chatId"],
          where: {
            channel,
            status: "PENDING",
            nextAttemptAt: { gt: now },
            chatId: { in: [...new Set(due.map((r) => r.chatId))] },
          },
          _min: { id: true },
        });
        const firstWaiting = new Map(waiting.map((w) => [w.chatId, w._min.id ?? Infinity]));
        const rows = due.filter((r) => r.id < (firstWaiting.get(r.chatId) ?? Infinity));
        if (rows.length) {
          await tx.outboxMessage.updateMany({
            where: { id: { in: rows.map((r) => r.id) } },
            data: { nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS) },
          });
        }
        return rows.map((r) => ({
          id: r.id,
          channel: r.channel,
          chatId: r.chatId,
          payload: r.payload,
          attempts: r.attempts,
        }));
      });
    },
    async markSent(id, at) {
      await db.outboxMessage.update({
        where: { id },
        data: { status: "SENT", sentAt: at, attempts: { increment: 1 } },
      });
    },
    async markFailed(id, error, permanent) {
      await db.outboxMessage.update({
        where: { id },
        data: {
          attempts: { increment: 1 },
          lastError: error.slice(0, 1000),
          ...(permanent ? { status: "FAILED" } : {}),
        },
      });
    },
    async reschedule(id, at, error) {
      await db.outboxMessage.update({
        where: { id },
        data: { attempts: { increment: 1 }, nextAttemptAt: at, lastError: error.slice(0, 1000) },
      });
    },
  };
}
