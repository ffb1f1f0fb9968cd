// Sliding-window rate limits per chat, per group and per channel, plus "hold this chat until t" for
// retry_after and backoff (which also keeps a chat's replies in order while one of them waits).
// Pinned by test/outbox/rate-limit.test.ts and the burst test in test/outbox/worker.test.ts.

/** At most `limit` messages in any `windowMs`, counted per chat, per group chat, or over the whole channel. */
export interface RateRule {
  scope: "chat" | "group" | "channel";
  limit: number;
  windowMs: number;
}

/** The limits of one channel; `jitterMs` adds 0..jitterMs of random spacing after each message to a chat. */
export interface RatePolicy {
  rules: RateRule[];
  jitterMs?: number;
}

/** Telegram's documented limits: 1 msg/s per chat, 20/min per group, 30/s per bot. */
export const telegramPolicy: RatePolicy = {
  rules: [
    { scope: "chat", limit: 1, windowMs: 1000 },
    { scope: "group", limit: 20, windowMs: 60_000 },
    { scope: "channel", limit: 30, windowMs: 1000 },
  ],
};

/** WhatsApp: 1 msg/s per chat with a little jitter (a steady machine rhythm looks like spam), a global cap a minute. */
export function whatsappPolicy(maxPerMinute = 40, jitterMs = 400): RatePolicy {
  return {
    rules: [
      { scope: "chat", limit: 1, windowMs: 1000 },
      { scope: "channel", limit: maxPerMinute, windowMs: 60_000 },
    ],
    jitterMs,
  };
}

/** Remembers recent sends of one channel and tells when the next message to a chat may go. */
export class RateLimiter {
  private readonly sent = new Map<string, number[]>();
  private readonly holds = new Map<string, number>();

  constructor(
    private readonly policy: RatePolicy,
    private readonly random: () => number = Math.random,
  ) {}

  /** The earliest time (ms) a message to `chatId` may be sent; `now` when it may go at once. */
  nextSlot(chatId: string, isGroup: boolean, now: number): number {
    let at = Math.max(now, this.holds.get(chatId) ?? 0);
    for (const rule of this.rulesFor(isGroup)) {
      const times = this.window(keyOf(rule, chatId), now - rule.windowMs);
      if (times.length >= rule.limit) at = Math.max(at, times[times.length - rule.limit]! + rule.windowMs);
    }
    return at;
  }

  /** Counts a message sent to `chatId` at `at`. */
  record(chatId: string, isGroup: boolean, at: number): void {
    for (const rule of this.rulesFor(isGroup)) {
      const key = keyOf(rule, chatId);
      const times = this.sent.get(key) ?? [];
      times.push(at);
      this.sent.set(key, times);
      if (rule.scope === "chat" && this.policy.jitterMs) {
        this.hold(chatId, at + rule.windowMs + Math.floor(this.random() * this.policy.jitterMs));
      }
    }
  }

  /** Nothing goes to `chatId` before `until` (a 429's retry_after, a backoff of an earlier reply). */
  hold(chatId: string, until: number): void {
    this.holds.set(chatId, Math.max(until, this.holds.get(chatId) ?? 0));
  }

  /** Forgets windows and holds that ended before `now`, so memory stays bounded by recent chats. */
  prune(now: number): void {
    const longest = Math.max(0, ...this.policy.rules.map((r) => r.windowMs));
    for (const [key, times] of this.sent) {
      const kept = times.filter((t) => t > now - longest);
      if (kept.length) this.sent.set(key, kept);
      else this.sent.delete(key);
    }
    for (const [chat, until] of this.holds) if (until <= now) this.holds.delete(chat);
  }

  private rulesFor(isGroup: boolean): RateRule[] {
    return this.policy.rules.filter((r) => r.scope !== "group" || isGroup);
  }

  private window(key: string, after: number): number[] {
    const times = (this.sent.get(key) ?? []).filter((t) => t > after);
    return times.sort((a, b) => a - b);
  }
}

function keyOf(rule: RateRule, chatId: string): string {
  return rule.scope === "channel" ? "*" : `${rule.scope}:${chatId}`;
}
