import { describe, expect, it } from "vitest";
import { matchNames } from "../../src/import/match-names.ts";

const named = (...names: string[]) => names.map((name, i) => ({ code: String(i), name }));

describe("matchNames", () => {
  it("pairs the same name first, then a close spelling", () => {
    const m = matchNames(named("Setu", "Cileduk", "Pasirranji"), named("Ciledug", "SETU", "Desa Pasiranji"));
    expect(m.pairs.map((p) => [p.left.name, p.right.name, p.how])).toEqual([
      ["Setu", "SETU", "same"],
      ["Cileduk", "Ciledug", "spelling"],
      ["Pasirranji", "Desa Pasiranji", "spelling"],
    ]);
    expect(m.leftOnly).toEqual([]);
    expect(m.rightOnly).toEqual([]);
  });

  it("leaves a name unpaired when two others are equally close, rather than guessing", () => {
    const m = matchNames(named("Sukaraja"), named("Sukaraya", "Sukarajo"));
    expect(m.pairs).toEqual([]);
    expect(m.leftOnly.map((l) => l.name)).toEqual(["Sukaraja"]);
  });

  it("does not pair names that differ by more than a slip", () => {
    const m = matchNames(named("Sumberreja"), named("Sumberurip"));
    expect(m.pairs).toEqual([]);
  });
});
