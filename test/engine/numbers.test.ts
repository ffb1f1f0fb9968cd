import { describe, expect, it } from "vitest";
import { firstNumber, parseDigits } from "../../src/engine/numbers.ts";
import { parseQuantity, resolveVolume } from "../../src/engine/volume.ts";
import { canonicalUnit } from "../../src/engine/units.ts";
import { parseRtRw } from "../../src/engine/place.ts";

describe("numbers", () => {
  it.each([
    ["200", 200],
    ["1.500", 1500],
    ["1,5", 1.5],
    ["2.5", 2.5],
    ["dua ratus", 200],
    ["seratus lima puluh", 150],
    ["dua ratus lima puluh tiga", 253],
    ["sebelas", 11],
    ["tujuh belas", 17],
    ["seribu dua ratus", 1200],
    ["dua ribu", 2000],
    ["2 ribu", 2000],
    ["1,5 juta", 1_500_000],
    ["setengah", 0.5],
    ["sekitar 50 KK", 50],
  ])("%s → %d", (text, value) => expect(firstNumber(text)).toBe(value));

  it("refuses things that are not one number", () => {
    expect(parseDigits("1.2.3")).toBeUndefined();
    expect(parseDigits("12a")).toBeUndefined();
    expect(firstNumber("tidak tahu")).toBeUndefined();
  });
});

describe("volume", () => {
  it.each([
    ["200 m", { kind: "amount", value: 200, unit: "m" }],
    ["200m", { kind: "amount", value: 200, unit: "m" }],
    ["dua ratus meter", { kind: "amount", value: 200, unit: "m" }],
    ["300 m2", { kind: "amount", value: 300, unit: "m2" }],
    ["300 m²", { kind: "amount", value: 300, unit: "m2" }],
    ["300 meter persegi", { kind: "amount", value: 300, unit: "m2" }],
    ["5 titik", { kind: "amount", value: 5, unit: "titik" }],
    ["panjang 100 lebar 3", { kind: "area", length: 100, width: 3 }],
    ["pjg 60 m lbr 1,5 m", { kind: "area", length: 60, width: 1.5 }],
    ["100 x 3 m", { kind: "area", length: 100, width: 3 }],
    ["sepanjang 150 meter", { kind: "amount", value: 150, unit: "m" }],
    ["kira2 50 meter lebar 2 meter", { kind: "area", length: 50, width: 2 }],
    ["lebar 3 meter panjang 80 meter", { kind: "area", length: 80, width: 3 }],
    ["50m x 2m", { kind: "area", length: 50, width: 2 }],
    ["50 lebar 2", { kind: "area", length: 50, width: 2 }],
    ["30 KK", { kind: "amount", value: 30, unit: "kk" }],
    ["sudah 5 tahun", { kind: "amount", value: 5, unit: "tahun" }],
    ["rusak 5 tahun, panjangnya 100", { kind: "amount", value: 100, unit: "m" }],
  ])("%s", (text, q) => expect(parseQuantity(text)).toEqual(q));

  it("takes households, time and a lone width in a free message for no size", () => {
    expect(parseQuantity("jalan rusak untuk 30 KK", { requireUnit: true })).toBeUndefined();
    expect(parseQuantity("sudah 5 tahun rusak", { requireUnit: true })).toBeUndefined();
    expect(parseQuantity("gang 5 lebar 2 meter", { requireUnit: true })).toBeUndefined();
    expect(parseQuantity("untuk 30 KK, jalan 200 meter", { requireUnit: true })).toEqual({
      kind: "amount",
      value: 200,
      unit: "m",
    });
  });

  it("explains households and time instead of recording them as the volume", () => {
    expect(resolveVolume({ kind: "amount", value: 30, unit: "kk" }, "m2")).toEqual({
      ok: false,
      reason: "unit_mismatch",
      given: "kk",
      wanted: "m2",
    });
    expect(resolveVolume({ kind: "amount", value: 5, unit: "tahun" }, undefined)).toEqual({
      ok: false,
      reason: "not_a_volume",
      given: "tahun",
    });
  });

  it("needs a unit inside a free message", () => {
    expect(parseQuantity("gang 5 rumah no 12", { requireUnit: true })).toBeUndefined();
    expect(parseQuantity("jalan rusak panjang 200 m", { requireUnit: true })).toEqual({
      kind: "amount",
      value: 200,
      unit: "m",
    });
  });

  it("fits the entry's unit", () => {
    expect(resolveVolume({ kind: "area", length: 100, width: 3 }, "m2")).toEqual({ ok: true, volume: 300, unit: "m2" });
    expect(resolveVolume({ kind: "area", length: 100, width: 3 }, "m")).toEqual({ ok: true, volume: 100, unit: "m" });
    expect(resolveVolume({ kind: "amount", value: 200 }, "m2")).toEqual({ ok: true, volume: 200, unit: "m2" });
    expect(resolveVolume({ kind: "amount", value: 200, unit: "m" }, "m2")).toMatchObject({
      ok: false,
      reason: "need_width",
    });
    expect(resolveVolume({ kind: "amount", value: 5, unit: "titik" }, "m2")).toMatchObject({
      ok: false,
      reason: "unit_mismatch",
    });
    expect(resolveVolume({ kind: "amount", value: 2, unit: "buah" }, "unit")).toMatchObject({ ok: true, volume: 2 });
    expect(resolveVolume({ kind: "amount", value: 0 }, "m")).toMatchObject({ ok: false, reason: "not_positive" });
    expect(resolveVolume({ kind: "amount", value: 3, unit: "paket" }, undefined)).toEqual({
      ok: true,
      volume: 3,
      unit: "paket",
    });
  });

  it("reads kamus satuan", () => {
    expect(canonicalUnit("m²")).toBe("m2");
    expect(canonicalUnit("orang/kegiatan")).toBe("orang");
    expect(canonicalUnit("titik/lokasi")).toBe("titik");
    expect(canonicalUnit("UM/bulan")).toBe("usaha");
    expect(canonicalUnit(null)).toBeUndefined();
  });
});

describe("RT/RW", () => {
  it.each([
    ["RT 03 RW 05", "03", "05"],
    ["rt.3/rw.5", "03", "05"],
    ["rt 3/5", "03", "05"],
    ["RT/RW 003/005", "03", "05"],
    ["rt03 rw05", "03", "05"],
    ["di rt 7", "07", undefined],
  ])("%s", (text, rt, rw) => {
    const r = parseRtRw(text);
    expect([r.rt, r.rw]).toEqual([rt, rw]);
  });
});
