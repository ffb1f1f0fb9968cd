// How many new web chat residents may appear (issue #13): made-up identities inflated support and the database,
// so a new identity is issued only within a global and a per-address budget per hour (sliding window, in memory).

export interface NewResidentBudget {
  /** New web residents per hour across all addresses. */
  perHour: number;
  /** New web residents per hour from one client address (a village office shares one address). */
  perAddressPerHour: number;
}

export const defaultNewResidentBudget: NewResidentBudget = { perHour: 600, perAddressPerHour: 30 };

const HOUR = 3_600_000;

/** Remembers issue times; `take` says whether one more may be issued now and, if not, when. */
export class NewResidentLimiter {
  private readonly global: number[] = [];
  private readonly byAddress = new Map<string, number[]>();

  constructor(
    private readonly budget: NewResidentBudget,
    private readonly clock: () => number = Date.now,
  ) {}

  /** `{ ok: true }` (and counts it) or `{ ok: false, retryAfterS }`. */
  take(address: string): { ok: true } | { ok: false; retryAfterS: number } {
    const now = this.clock();
    const from = now - HOUR;
    while (this.global.length && this.global[0]! <= from) this.global.shift();
    const mine = (this.byAddress.get(address) ?? []).filter((t) => t > from);
    const full =
      this.global.length >= this.budget.perHour
        ? this.global[0]!
        : mine.length >= this.budget.perAddressPerHour
          ? mine[0]!
          : undefined;
    if (full !== undefined) return { ok: false, retryAfterS: Math.max(1, Math.ceil((full + HOUR - now) / 1000)) };
    this.global.push(now);
    mine.push(now);
    this.byAddress.set(address, mine);
    if (this.byAddress.size > 10_000) this.sweep(from);
    return { ok: true };
  }

  private sweep(from: number): void {
    for (const [address, times] of this.byAddress) if (!times.some((t) => t > from)) this.byAddress.delete(address);
  }
}
