// Exponential backoff for transient delivery failures (network errors, 5xx).

export interface RetryPolicy {
  /** Delay after the first failure. */
  baseMs: number;
  /** Longest delay between attempts. */
  maxMs: number;
  /** After this many failed attempts the message is marked FAILED (with its last error) for an officer to see. */
  maxAttempts: number;
}

/** 2 s, 4 s, 8 s ... up to 10 min; 20 attempts span about 2.5 hours. */
export const defaultRetryPolicy: RetryPolicy = { baseMs: 2000, maxMs: 10 * 60_000, maxAttempts: 20 };

/** The delay before attempt `failedAttempts + 1`, with ±20 % jitter so a burst of failures does not retry in step. */
export function backoffMs(failedAttempts: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exp = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, failedAttempts - 1));
  return Math.round(exp * (0.8 + 0.4 * random()));
}
