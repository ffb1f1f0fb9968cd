import { describe, expect, it } from "vitest";
import { normalizeTokens } from "../../src/kamus/normalize.ts";
import { fitOf, limitsOf, quantitiesOf } from "../../src/kamus/quantities.ts";

const q = (text: string) => quantitiesOf(normalizeTokens(text));

describe("sizes in a message", () => {
  it("reads length, width and the area they make", () => {
    expect(q("pjg kurleb 60 m lbr 1,5 m")).toEqual({ length: 60, width: 1.5, area: 90 });
    expect(q("panjangnya dua ratus meter, lebar semeter")).toEqual({ length: 200, width: 1, area: 200 });
  });

  it("reads an explicit area, floors and households", () => {
    expect(q("luas sekitar 300 meter persegi")).toEqual({ area: 300 });
    expect(q("gedung 3 lantai")).toEqual({ floors: 3 });
    expect(q("untuk 60 KK")).toEqual({ households: 60 });
  });
});

describe("limits of an entry", () => {
  it("reads the requirement phrasing of a kamus", () => {
    expect(limitsOf("Pavingisasi", "lebar minimal 1m dan Paving dengan volume luas total kurang dari 200 m².")).toEqual(
      {
        width: { min: 1 },
        area: { max: 200 },
      },
    );
    expect(limitsOf("Saluran", "dengan minimal total panjang saluran 100m")).toEqual({ length: { min: 100 } });
    expect(limitsOf("Gedung", "Bangunan maksimal 2 lantai-Luas maksimal 500 m2")).toEqual({
      floors: { max: 2 },
      area: { max: 500 },
    });
    expect(limitsOf("Tangki Septik Komunal kapasitas 5 -10 KK", null)).toEqual({ households: { min: 5, max: 10 } });
  });

  it("scores how well a proposal meets them", () => {
    expect(fitOf({ area: 90 }, { area: { max: 200 } })).toBe(1);
    expect(fitOf({ area: 300 }, { area: { max: 200 } })).toBe(-1);
    expect(fitOf({ length: 60 }, { area: { min: 200 } })).toBe(0);
  });
});
