// Per-resident message rate limit (sliding window, in memory): a flood gets one polite notice per window.

export interface RateLimitConfig {
  /** Messages allowed per window. */
  max: number;
  windowMs: number;
}

export const defaultRateLimit: RateLimitConfig = { max: 30, windowMs: 60_000 };

/** What to do with one message: process it, or refuse it (telling the resident only the first time). */
export type RateDecision = "allow" | "refuse_and_notify" | "refuse";

export class ResidentRateLimiter {
  private readonly hits = new Map<string, { times: number[]; notifiedAt?: number }>();

  constructor(private readonly config: RateLimitConfig) {}

  check(key: string, nowMs: number): RateDecision {
    const entry = this.hits.get(key) ?? { times: [] };
    const from = nowMs - this.config.windowMs;
    while (entry.times.length && entry.times[0]! <= from) entry.times.shift();
    this.hits.set(key, entry);
    if (entry.times.length < this.config.max) {
      entry.times.push(nowMs);
      return "allow";
    }
    if (entry.notifiedAt !== undefined && entry.notifiedAt > from) return "refuse";
    entry.notifiedAt = nowMs;
    return "refuse_and_notify";
  }

  /** Gives back the hit of an allowed message that turned out to be a repeat (it ran no turn). */
  refund(key: string, nowMs: number): void {
    const times = this.hits.get(key)?.times;
    if (!times) return;
    const i = times.lastIndexOf(nowMs);
    if (i >= 0) times.splice(i, 1);
  }

  /** Drops idle entries (called now and then so the map does not grow forever). */
  sweep(nowMs: number): void {
    for (const [key, e] of this.hits)
      if (!e.times.length || e.times.at(-1)! <= nowMs - this.config.windowMs) this.hits.delete(key);
  }
}
