import { describe, expect, it } from "vitest";
import { fill } from "../../src/texts/fill.ts";

describe("fill", () => {
  it("fills placeholders and leaves unknown ones visible", () => {
    expect(fill("Desa {village} ({x})", { village: "Sukamaju" })).toBe("Desa Sukamaju ({x})");
  });

  it("fills numbers and the same placeholder twice", () => {
    expect(fill("{n} usulan, {n} dukungan", { n: 0 })).toBe("0 usulan, 0 dukungan");
  });
});
