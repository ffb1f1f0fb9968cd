import { describe, expect, it } from "vitest";
import { regionKey, similarity, withoutRegionPrefix } from "../../src/regions/region-key.ts";

describe("withoutRegionPrefix", () => {
  it("removes the prefix word before a name, with or without its dot", () => {
    expect(withoutRegionPrefix("Desa Taman Sari")).toBe("Taman Sari");
    expect(withoutRegionPrefix("Kel. Setu")).toBe("Setu");
    expect(withoutRegionPrefix("kecamatan Cikarang Selatan")).toBe("Cikarang Selatan");
    expect(withoutRegionPrefix("Kp Cibatu")).toBe("Cibatu");
  });

  it("leaves a name that only starts like a prefix", () => {
    expect(withoutRegionPrefix("Kelapa Dua")).toBe("Kelapa Dua");
    expect(withoutRegionPrefix("Desamulya")).toBe("Desamulya");
  });
});

describe("regionKey and similarity", () => {
  it("compares names by their letters only", () => {
    expect(regionKey("Taman-Sari")).toBe(regionKey("taman sari"));
    expect(similarity("cileduk", "ciledug")).toBeCloseTo(6 / 7);
    expect(similarity("setu", "cikarangselatan")).toBe(0);
  });
});
