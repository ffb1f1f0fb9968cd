// The intake window ("tepat waktu"): residents may submit proposals between a cycle's opensAt and closesAt.
// The engine asks the store for the window that matters now and this module decides; no Cycle row: always open.

/** One cycle's window, e.g. `{ year: 2027, opensAt: 2027-01-04T17:00Z, closesAt: 2027-02-28T16:59Z }`. */
export interface CycleWindow {
  year: number;
  opensAt: Date;
  closesAt: Date;
}

/** Whether intake is open at `now`; when closed, the next opening (if one is set) or the last closing. */
export type IntakeState =
  { open: true; cycle?: CycleWindow } | { open: false; cycle: CycleWindow; reason: "not_open" | "closed" };

/**
 * The cycle that matters at `now`: the one whose window holds it, else the next one to open, else the one that
 * closed last. Undefined when there are no cycles at all.
 */
export function relevantCycle<T extends CycleWindow>(cycles: readonly T[], now: Date): T | undefined {
  const t = now.getTime();
  const current = cycles.find((c) => c.opensAt.getTime() <= t && t <= c.closesAt.getTime());
  if (current) return current;
  const next = cycles
    .filter((c) => c.opensAt.getTime() > t)
    .sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime())[0];
  if (next) return next;
  return [...cycles].sort((a, b) => b.closesAt.getTime() - a.closesAt.getTime())[0];
}

/** Decides intake at `now` from the relevant cycle's window (undefined: no cycles set, always open). */
export function intakeState(window: CycleWindow | undefined, now: Date): IntakeState {
  if (!window) return { open: true };
  if (now < window.opensAt) return { open: false, cycle: window, reason: "not_open" };
  if (now > window.closesAt) return { open: false, cycle: window, reason: "closed" };
  return { open: true, cycle: window };
}
