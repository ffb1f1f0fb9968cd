// The outbox: replies waiting for delivery. The host enqueues inside its turn transaction; the delivery
// worker (src/outbox/worker.ts) reads and marks rows through createOutboxQueue(db).
import type { Channel, OutboundMessage } from "../messages/message.ts";
import type { OutboxQueue, OutboxRow } from "../outbox/queue.ts";
import type { DatabaseFlavour } from "../config/database-url.ts";
import type { Db, Tx } from "./client.ts";
import type { Sql, SqlParam } from "./sql.ts";

/** How long a claimed row is hidden from other claims while it is being sent. */
const CLAIM_LEASE_MS = 60_000;

/** The columns one queued reply fills, with its placeholders and their values (`outboxRow`). */
export const OUTBOX_COLUMNS = `"channel", "chatId", "payload", "status", "attempts", "nextAttemptAt", "createdAt", "sentAt"`;
export const OUTBOX_PLACEHOLDERS = "(?, ?, ?, ?, 0, ?, ?, ?)";

/** The values of one queued reply for OUTBOX_PLACEHOLDERS; `sent` stores it as already delivered. */
export function outboxRow(m: OutboundMessage, now: Date, sent = false): SqlParam[] {
  return [m.channel, m.chatId, JSON.stringify(m), sent ? "SENT" : "PENDING", now, now, sent ? now : null];
}

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
  const rows = messages.map(() => OUTBOX_PLACEHOLDERS).join(", ");
  const params = messages.flatMap((m) => outboxRow(m, now, options.sent));
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
 * row is held back while an older row of the same chat is not yet due or is claimed by another worker.
 * Several copies of the bot may claim at once: on PostgreSQL the rows are read `FOR UPDATE SKIP LOCKED`, so
 * each row goes to one worker; on SQLite claims are serialised by the database's single writer.
 * Pinned by test/outbox/store-backed.test.ts and test/deploy/two-processes.test.ts.
 */
export function createOutboxQueue(db: Db, flavour: DatabaseFlavour = "sqlite"): OutboxQueue {
  return {
    async claimDue(channel: Channel, now: Date, limit: number): Promise<OutboxRow[]> {
      return db.$transaction(async (tx) => {
        const where = { channel, status: "PENDING" as const, nextAttemptAt: { lte: now } };
        const due =
          flavour === "postgres"
            ? await tx.outboxMessage.findMany({
                where: {
                  id: {
                    in: (
                      await tx.$queryRawUnsafe<{ id: number }[]>(
                        `SELECT "id" FROM "OutboxMessage" WHERE "channel" = $1 AND "status" = 'PENDING'
                         AND "nextAttemptAt" <= $2::timestamp ORDER BY "id" LIMIT $3 FOR UPDATE SKIP LOCKED`,
                        channel,
                        now.toISOString(),
                        limit,
                      )
                    ).map((r) => r.id),
                  },
                },
                orderBy: { id: "asc" },
              })
            : await tx.outboxMessage.findMany({ where, orderBy: { id: "asc" }, take: limit });
        if (due.length === 0) return [];
        // A chat whose older reply is not ours to send now (a retry later, leased to a sender that may have
        // crashed, or claimed this instant by another copy) gets nothing newer until that one is out:
        // replies arrive in the order they were written, even after a restart.
        const mine = new Set(due.map((r) => r.id));
        const older = await tx.outboxMessage.findMany({
          where: {
            channel,
            status: "PENDING",
            chatId: { in: [...new Set(due.map((r) => r.chatId))] },
            id: { lt: due[due.length - 1]!.id },
          },
          select: { id: true, chatId: true },
        });
        const firstBlocked = new Map<string, number>();
        for (const o of older) {
          if (!mine.has(o.id)) firstBlocked.set(o.chatId, Math.min(o.id, firstBlocked.get(o.chatId) ?? Infinity));
        }
        const rows = due.filter((r) => r.id < (firstBlocked.get(r.chatId) ?? Infinity));
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
