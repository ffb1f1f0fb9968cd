// A clock that moves only when the test says so; sleepers wake when their time is reached.
import type { Clock } from "../../src/outbox/clock.ts";

export class FakeClock implements Clock {
  private sleepers: { until: number; wake: () => void }[] = [];

  constructor(private time = Date.UTC(2026, 10, 28, 8, 0, 0)) {}

  now(): number {
    return this.time;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const sleeper = { until: this.time + ms, wake: resolve };
      this.sleepers.push(sleeper);
      signal?.addEventListener("abort", () => resolve(), { once: true });
    });
  }

  /** Moves time forward and wakes every sleeper whose time came. */
  advance(ms: number): void {
    this.time += ms;
    const due = this.sleepers.filter((s) => s.until <= this.time);
    this.sleepers = this.sleepers.filter((s) => s.until > this.time);
    for (const s of due) s.wake();
  }
}
