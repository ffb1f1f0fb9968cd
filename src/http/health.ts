// What GET /healthz checks once the app is up: the database answers, every started chat channel is
// connected, and the outbox is not falling behind. A failed check names itself in the JSON, e.g.
// `{ "status": "failing", "failed": ["channels"], "checks": { "channels": { "ok": false, "whatsapp": "not connected" }, ... } }`.
// Tests: test/http/health.test.ts.
import type { ChannelSender } from "../messages/channel.ts";
import type { Db } from "../store/client.ts";

/** One check's outcome with what an operator needs to see, e.g. `{ ok: true, pending: 3, oldestDueSeconds: 0 }`. */
export type CheckResult = { ok: boolean } & Record<string, unknown>;

/** The checks by name, e.g. `{ database: { ok: true }, channels: { ok: true }, outbox: { ok: true, pending: 0 } }`. */
export type HealthChecks = Record<string, CheckResult>;

export interface HealthOptions {
  db: Db;
  /** The senders of the channels this copy started (none: the check passes). */
  senders: () => ChannelSender[];
  /** The outbox fails the check when a reply has been due for longer than this (default 10 min). */
  maxOutboxDelayMs?: number;
  /** A database that does not answer within this fails its check (default 2 s). */
  timeoutMs?: number;
  clock?: () => Date;
}

function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Builds the function /healthz calls; every call runs all checks (two small queries). */
export function healthChecks(options: HealthOptions): () => Promise<HealthChecks> {
  const maxDelay = options.maxOutboxDelayMs ?? 10 * 60_000;
  const timeoutMs = options.timeoutMs ?? 2000;
  const clock = options.clock ?? (() => new Date());
  return async () => {
    const now = clock();
    const channels: CheckResult = { ok: true };
    for (const sender of options.senders()) {
      const ready = sender.ready();
      channels[sender.channel] = ready ? "connected" : "not connected";
      channels.ok &&= ready;
    }
    let database: CheckResult;
    let outbox: CheckResult;
    try {
      await within(timeoutMs, options.db.$queryRawUnsafe("SELECT 1"));
      database = { ok: true };
      // Web replies wait for the resident's next message by design: only pushed channels can fall behind.
      const pending = await within(
        timeoutMs,
        options.db.outboxMessage.aggregate({
          where: { status: "PENDING", channel: { not: "web" } },
          _count: { _all: true },
          _min: { nextAttemptAt: true },
        }),
      );
      const oldest = pending._min.nextAttemptAt;
      const late = oldest ? Math.max(0, now.getTime() - oldest.getTime()) : 0;
      outbox = { ok: late <= maxDelay, pending: pending._count._all, oldestDueSeconds: Math.round(late / 1000) };
    } catch (error) {
      const message = error instanceof Error ? error.message.split("\n")[0]! : String(error);
      database = { ok: false, error: message };
      outbox = { ok: false, error: "database unreachable" };
    }
    return { database, channels, outbox };
  };
}
