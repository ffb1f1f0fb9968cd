// Delivers the outbox: every tick it takes the due replies of each channel, sends what the rate limits
// allow right now (one reply per chat per tick, oldest first, so a chat's replies stay in order) and
// records the outcome. Nothing lives only in memory: a reply not yet sent is still PENDING in the
// database and goes out after a restart. Tests: test/outbox/worker.test.ts (fake clock, bursts, restart).
import type { Logger } from "../logger.ts";
import { DeliveryError, type ChannelSender } from "../messages/channel.ts";
import { OutboundMessage, type Channel } from "../messages/message.ts";
import { backoffMs, defaultRetryPolicy, type RetryPolicy } from "./backoff.ts";
import { systemClock, type Clock } from "./clock.ts";
import type { OutboxQueue, OutboxRow } from "./queue.ts";
import { RateLimiter, telegramPolicy, whatsappPolicy, type RatePolicy } from "./rate-limit.ts";

export interface OutboxOptions {
  queue: OutboxQueue;
  senders: ChannelSender[];
  logger: Logger;
  clock?: Clock;
  random?: () => number;
  /** Per-channel limits; defaults: telegramPolicy, whatsappPolicy(). */
  policies?: Partial<Record<Channel, RatePolicy>>;
  retry?: RetryPolicy;
  /** Rows read per channel and tick. */
  batchSize?: number;
  /** Pause between ticks when idle. */
  pollMs?: number;
}

/** What a tick did, per outcome. */
export interface TickResult {
  sent: number;
  retried: number;
  failed: number;
  deferred: number;
  /** The earliest time (ms) a deferred reply may go; undefined when nothing waits. */
  nextAt?: number;
}

/** The worker: `tick()` for tests and `run()`/`stop()` for the process. */
export interface OutboxWorker {
  tick(): Promise<TickResult>;
  run(): Promise<void>;
  /** Wakes the loop at once (e.g. after the host queued replies). */
  poke(): void;
  stop(): Promise<void>;
}

const defaultPolicies: Record<Channel, RatePolicy> = {
  telegram: telegramPolicy,
  whatsapp: whatsappPolicy(),
  web: { rules: [] },
};

/** Builds a worker; nothing runs until `run()` or `tick()`. */
export function createOutboxWorker(options: OutboxOptions): OutboxWorker {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const retry = options.retry ?? defaultRetryPolicy;
  const batchSize = options.batchSize ?? 100;
  const pollMs = options.pollMs ?? 250;
  const log = options.logger.child({ component: "outbox" });
  const limiters = new Map<Channel, RateLimiter>();
  /** Claimed rows waiting for their rate-limit slot, per channel. */
  const held = new Map<Channel, Map<number, OutboxRow>>();
  for (const sender of options.senders) {
    held.set(sender.channel, new Map());
    const policy = options.policies?.[sender.channel] ?? defaultPolicies[sender.channel];
    limiters.set(sender.channel, new RateLimiter(policy, random));
  }
  let stopping = false;
  let wake = new AbortController();
  let running: Promise<void> | undefined;

  async function deliver(sender: ChannelSender, limiter: RateLimiter, row: OutboxRow, result: TickResult) {
    const parsed = parsePayload(row);
    if (!parsed) {
      await options.queue.markFailed(row.id, "payload is not an OutboundMessage", true);
      log.error({ id: row.id }, "outbox row has an unreadable payload: marked FAILED");
      result.failed++;
      return;
    }
    try {
      await sender.send(parsed);
    } catch (error) {
      await recordFailure(sender, limiter, row, error, result);
      return;
    }
    result.sent++;
    await options.queue.markSent(row.id, new Date(clock.now()));
  }

  async function recordFailure(
    sender: ChannelSender,
    limiter: RateLimiter,
    row: OutboxRow,
    error: unknown,
    result: TickResult,
  ) {
    const failure = error instanceof DeliveryError ? error.failure : "transient";
    const message = error instanceof Error ? error.message : String(error);
    const context = { id: row.id, channel: sender.channel, chatId: row.chatId, attempts: row.attempts + 1 };
    if (failure === "permanent") {
      log.warn({ ...context, error: message }, "delivery failed permanently: not retried");
      await options.queue.markFailed(row.id, message, true);
      result.failed++;
      return;
    }
    if (failure === "transient" && row.attempts + 1 >= retry.maxAttempts) {
      log.error({ ...context, error: message }, "delivery kept failing: giving up");
      await options.queue.markFailed(row.id, message, true);
      result.failed++;
      return;
    }
    const delay =
      failure === "rate_limited" && error instanceof DeliveryError && error.retryAfterMs !== undefined
        ? error.retryAfterMs
        : backoffMs(row.attempts + 1, retry, random);
    const at = clock.now() + delay;
    // Holding the chat keeps its later replies behind this one.
    limiter.hold(row.chatId, at);
    log.warn({ ...context, error: message, retryInMs: delay }, "delivery failed: will retry");
    await options.queue.reschedule(row.id, new Date(at), message);
    result.retried++;
  }

  async function tickChannel(sender: ChannelSender, result: TickResult) {
    const limiter = limiters.get(sender.channel)!;
    const mine = held.get(sender.channel)!;
    if (!sender.ready()) return;
    const now = clock.now();
    limiter.prune(now);
    // claimDue leases rows (hides them for a while); rows the limits do not let go yet stay here in memory,
    // so a reply is claimed once and never pushed back by the lease. After a crash the lease runs out and
    // the next process claims them again.
    if (mine.size < batchSize) {
      for (const row of await options.queue.claimDue(sender.channel, new Date(now), batchSize - mine.size)) {
        if (!mine.has(row.id)) mine.set(row.id, row);
      }
    }
    const chats = new Set<string>();
    const batch: OutboxRow[] = [];
    for (const row of [...mine.values()].sort((a, b) => a.id - b.id)) {
      const isGroup = sender.isGroupChat(row.chatId);
      // One reply per chat per tick, oldest first: the next one of the same chat must wait the per-chat gap anyway.
      const slot = limiter.nextSlot(row.chatId, isGroup, now);
      if (chats.has(row.chatId) || slot > now) {
        chats.add(row.chatId);
        result.deferred++;
        result.nextAt = Math.min(result.nextAt ?? Infinity, Math.max(slot, now + 1));
        continue;
      }
      chats.add(row.chatId);
      limiter.record(row.chatId, isGroup, now);
      batch.push(row);
    }
    await Promise.all(
      batch.map((row) =>
        deliver(sender, limiter, row, result)
          .catch((error: unknown) => {
            // The store failed while recording an outcome; the row stays PENDING and is claimed again later.
            log.error({ err: error, id: row.id }, "outbox store failed while recording a delivery");
          })
          .finally(() => mine.delete(row.id)),
      ),
    );
  }

  async function tick(): Promise<TickResult> {
    const result: TickResult = { sent: 0, retried: 0, failed: 0, deferred: 0 };
    for (const sender of options.senders) {
      try {
        await tickChannel(sender, result);
      } catch (error) {
        log.error({ err: error, channel: sender.channel }, "outbox tick failed; will try again");
      }
    }
    return result;
  }

  async function loop() {
    while (!stopping) {
      const result = await tick();
      if (stopping) break;
      // Come back when the first deferred reply may go (at most pollMs later); idle: poll (or wake on poke()).
      const pause = result.nextAt !== undefined ? Math.max(10, Math.min(pollMs, result.nextAt - clock.now())) : pollMs;
      await clock.sleep(pause, wake.signal);
      if (wake.signal.aborted) wake = new AbortController();
    }
  }

  return {
    tick,
    run() {
      running ??= loop();
      return running;
    },
    poke() {
      wake.abort();
    },
    async stop() {
      stopping = true;
      wake.abort();
      await running;
    },
  };
}

/** Starts delivering in the background; `stop()` waits for the current tick to finish. */
export function startOutbox(options: OutboxOptions): { stop(): Promise<void>; poke(): void } {
  const worker = createOutboxWorker(options);
  void worker.run();
  options.logger.info({ channels: options.senders.map((s) => s.channel) }, "outbox delivery started");
  return { stop: () => worker.stop(), poke: () => worker.poke() };
}

function parsePayload(row: OutboxRow): OutboundMessage | undefined {
  try {
    const raw = (typeof row.payload === "string" ? JSON.parse(row.payload) : row.payload) as object;
    const parsed = OutboundMessage.safeParse({ channel: row.channel, chatId: row.chatId, ...raw });
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
