import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scoreProposals } from "../../src/forum/score.ts";
import { loadForumData } from "../../src/forum/forum-data.ts";

const now = new Date("2027-03-01T00:00:00Z");
const p = (code: string, supporters: number, beneficiaries: number | null, cost: number | null, day: number) => ({
  code,
  supporters,
  beneficiaries,
  estimatedCost: cost,
  createdAt: new Date(Date.UTC(2027, 0, day)),
});

describe("suggested order", () => {
  const weights = { supporters: 3, beneficiaries: 3, costPerBeneficiary: 2, age: 1 };

  it("puts the proposal best on every factor first with 100 points, and explains each factor", () => {
    const [first, second] = scoreProposals(
      [p("B", 1, 50, 10_000_000, 20), p("A", 4, 200, 10_000_000, 5)],
      weights,
      now,
    );
    expect(first!.item.code).toBe("A");
    expect(first!.score).toBe(100);
    expect(first!.factors.map((f) => [f.key, f.points])).toEqual([
      ["supporters", 33.3],
      ["beneficiaries", 33.3],
      ["costPerBeneficiary", 22.2],
      ["age", 11.1],
    ]);
    // B: 1/4 of the supporters, 1/4 of the beneficiaries, 4× the cost per person, 40 of 55 days.
    expect(second!.factors.find((f) => f.key === "costPerBeneficiary")).toMatchObject({ value: 200_000, points: 5.6 });
    expect(second!.score).toBeCloseTo((100 * (3 / 4 + 3 / 4 + 2 / 4 + 40 / 55)) / 9, 1);
  });

  it("follows the weights: with only supporters counting, the most supported wins", () => {
    const only = { supporters: 1, beneficiaries: 0, costPerBeneficiary: 0, age: 0 };
    const order = scoreProposals([p("A", 1, 900, 1, 1), p("B", 3, 1, 9e9, 60)], only, now).map((s) => s.item.code);
    expect(order).toEqual(["B", "A"]);
  });

  it("gives an unknown beneficiaries count or cost no points instead of failing, and breaks ties by age", () => {
    const scored = scoreProposals(
      [p("Y", 0, null, null, 9), p("X", 0, null, null, 9), p("Z", 0, null, null, 2)],
      weights,
      now,
    );
    expect(scored.map((s) => s.item.code)).toEqual(["Z", "X", "Y"]);
    expect(scored[1]!.factors.find((f) => f.key === "beneficiaries")).toMatchObject({ value: null, points: 0 });
  });

  it("reads the project's weights from intents/forum.yaml and refuses a file where every weight is 0", () => {
    expect(loadForumData().weights.supporters).toBeGreaterThan(0);
    const file = join(mkdtempSync(join(tmpdir(), "forum-")), "forum.yaml");
    writeFileSync(
      file,
      "weights: {supporters: 0, beneficiaries: 0, costPerBeneficiary: 0, age: 0}\nelements: {}\ntexts: {}\n",
    );
    expect(() => loadForumData(file)).toThrow(/forum\.yaml: at weights/);
    writeFileSync(
      file,
      "weights: {supporters: -1, beneficiaries: 0, costPerBeneficiary: 0, age: 0}\nelements: {}\ntexts: {}\n",
    );
    expect(() => loadForumData(file)).toThrow(/at weights\.supporters/);
  });
});
