import { describe, expect, it } from "vitest";
import { intakeState, relevantCycle } from "../../src/cycles/intake.ts";

const c2026 = { year: 2026, opensAt: new Date("2026-01-05T00:00:00Z"), closesAt: new Date("2026-02-28T16:59:59Z") };
const c2027 = { year: 2027, opensAt: new Date("2027-01-04T00:00:00Z"), closesAt: new Date("2027-02-28T16:59:59Z") };

describe("intake window", () => {
  it("is open with no cycles at all, and inside a cycle's window", () => {
    expect(intakeState(relevantCycle([], new Date("2026-06-01")), new Date("2026-06-01")).open).toBe(true);
    const now = new Date("2026-02-01T00:00:00Z");
    expect(intakeState(relevantCycle([c2027, c2026], now), now)).toEqual({ open: true, cycle: c2026 });
  });

  it("before the first window says when it opens", () => {
    const now = new Date("2025-12-01T00:00:00Z");
    expect(intakeState(relevantCycle([c2026, c2027], now), now)).toEqual({
      open: false,
      cycle: c2026,
      reason: "not_open",
    });
  });

  it("between two windows points at the next opening, after the last one at its closing", () => {
    const between = new Date("2026-06-01T00:00:00Z");
    expect(intakeState(relevantCycle([c2026, c2027], between), between)).toMatchObject({
      reason: "not_open",
      cycle: { year: 2027 },
    });
    const after = new Date("2027-06-01T00:00:00Z");
    expect(intakeState(relevantCycle([c2027, c2026], after), after)).toMatchObject({
      reason: "closed",
      cycle: { year: 2027 },
    });
  });

  it("counts the first and the last second of a window as open", () => {
    expect(intakeState(c2026, c2026.opensAt).open).toBe(true);
    expect(intakeState(c2026, c2026.closesAt).open).toBe(true);
    expect(intakeState(c2026, new Date(c2026.closesAt.getTime() + 1000)).open).toBe(false);
  });
});
