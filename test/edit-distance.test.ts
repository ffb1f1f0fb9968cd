import { describe, expect, it } from "vitest";
import { editDistance } from "../src/edit-distance.ts";

describe("editDistance", () => {
  it("counts an adjacent swap as one edit", () => {
    expect(editDistance("pelatihan", "pelaithan", 2)).toBe(1);
    expect(editDistance("cileduk", "ciledug", 2)).toBe(1);
  });

  it("counts insertions and deletions", () => {
    expect(editDistance("pasirranji", "pasiranji", 2)).toBe(1);
    expect(editDistance("sukamaju", "sukamulya", 9)).toBe(4);
  });

  it("says only 'more than max' beyond the bound", () => {
    expect(editDistance("tamansari", "sukamaju", 2)).toBeGreaterThan(2);
    expect(editDistance("desa", "kecamatanbaru", 3)).toBeGreaterThan(3);
  });

  it("gives the exact distance when the bound is the longer length", () => {
    expect(editDistance("kitten", "sitting", 7)).toBe(3);
    expect(editDistance("", "abc", 3)).toBe(3);
    expect(editDistance("same", "same", 4)).toBe(0);
  });

  it("gives the same answer after a long word grew its rows", () => {
    const long = "a".repeat(100);
    expect(editDistance(long, `${long}b`, 2)).toBe(1);
    expect(editDistance("pelatihan", "pelaithan", 2)).toBe(1);
  });
});
