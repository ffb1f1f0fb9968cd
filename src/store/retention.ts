// Retention: rows that only serve delivery and de-duplication are deleted after RETENTION_DAYS, so the
// database does not grow with every message forever. Proposals, residents, conversations and supports are
// never touched here. Deletes go in small batches so a copy of the bot serving residents is never held up
// for long. Tests: test/store/retention.test.ts.
import type { Logger } from "../logger.ts";
import type { Db } from "./client.ts";

/** How many rows one statement deletes. */
const BATCH = 2000;

/** What one run deleted, e.g. `{ outbox: 1200, inbound: 3400 }`. */
export interface Pruned {
  outbox: number;
  inbound: number;
}

/** Deletes what `where` matches, BATCH rows (by id) per statement. */
async function inBatches(
  find: (take: number) => Promise<{ id: number }[]>,
  remove: (upToId: number) => Promise<{ count: number }>,
): Promise<number> {
  let total = 0;
  for (;;) {
    const ids = await find(BATCH);
    if (ids.length === 0) return total;
    total += (await remove(ids[ids.length - 1]!.id)).count;
    if (ids.length < BATCH) return total;
  }
}

/**
 * Deletes outbox rows that are done (SENT, or FAILED and no longer retried) and inbound message records
 * older than `days` before `now`. A message re-delivered after that is no longer recognised as a repeat.
 */
export async function pruneOldRows(db: Db, days: number, now = new Date()): Promise<Pruned> {
  const before = new Date(now.getTime() - days * 86_400_000);
  const done = {
    OR: [
      { status: "SENT" as const, sentAt: { lt: before } },
      { status: "FAILED" as const, createdAt: { lt: before } },
    ],
  };
  const outbox = await inBatches(
    (take) => db.outboxMessage.findMany({ where: done, select: { id: true }, orderBy: { id: "asc" }, take }),
    (upTo) => db.outboxMessage.deleteMany({ where: { ...done, id: { lte: upTo } } }),
  );
  const old = { receivedAt: { lt: before } };
  const inbound = await inBatches(
    (take) => db.inboundMessage.findMany({ where: old, select: { id: true }, orderBy: { id: "asc" }, take }),
    (upTo) => db.inboundMessage.deleteMany({ where: { ...old, id: { lte: upTo } } }),
  );
  return { outbox, inbound };
}

/**
 * Runs `pruneOldRows` shortly after start and then every `intervalMs` (default 6 h); `days` 0 turns it off.
 * Several copies of the bot may all run it: a row already deleted by another is simply not found.
 */
export function scheduleRetention(options: { db: Db; days: number; logger: Logger; intervalMs?: number }): {
  stop(): void;
} {
  const { db, days, logger } = options;
  if (days <= 0) return { stop: () => undefined };
  const run = () =>
    pruneOldRows(db, days).then(
      (pruned) => {
        if (pruned.outbox || pruned.inbound) logger.info({ ...pruned, days }, "retention: old rows deleted");
      },
      (error: unknown) => logger.warn({ err: error }, "retention run failed; will try again at the next interval"),
    );
  const first = setTimeout(() => void run(), 60_000);
  const timer = setInterval(() => void run(), options.intervalMs ?? 6 * 3_600_000);
  first.unref();
  timer.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
