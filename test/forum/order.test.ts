import { describe, expect, it } from "vitest";
import { agreedRanks, moveCode, sameCodes } from "../../src/forum/order.ts";

describe("forum list order", () => {
  it("moves a row one place and leaves the ends alone", () => {
    expect(moveCode(["A", "B", "C"], "C", -1)).toEqual(["A", "C", "B"]);
    expect(moveCode(["A", "B", "C"], "A", -1)).toEqual(["A", "B", "C"]);
    expect(moveCode(["A", "B", "C"], "C", 1)).toEqual(["A", "B", "C"]);
    expect(moveCode(["A", "B"], "X", 1)).toEqual(["A", "B"]);
  });

  it("accepts a new order only with the same codes, each once", () => {
    expect(sameCodes(["A", "B"], ["B", "A"])).toBe(true);
    expect(sameCodes(["A", "B"], ["A", "A"])).toBe(false);
    expect(sameCodes(["A", "B"], ["A", "B", "C"])).toBe(false);
  });

  it("numbers the agreed rows in list order, skipping the others", () => {
    const ranks = agreedRanks([
      { code: "C", position: 3, agreed: true },
      { code: "A", position: 1, agreed: true },
      { code: "B", position: 2, agreed: false },
    ]);
    expect([...ranks]).toEqual([
      ["A", 1],
      ["C", 2],
    ]);
  });
});
