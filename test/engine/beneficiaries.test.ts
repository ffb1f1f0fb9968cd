import { describe, expect, it } from "vitest";
import { readBeneficiaries } from "../../src/engine/beneficiaries.ts";

describe("beneficiaries", () => {
  it.each([
    ["sekitar 150 orang", 150],
    ["150", 150],
    ["50 KK", 200],
    ["40 kepala keluarga", 160],
    ["20 rumah", 80],
    ["dua ratus warga", 200],
  ])("answer %s → %d people", (text, people) => expect(readBeneficiaries(text)).toBe(people));

  it.each([
    ["gang becek, untuk 40 KK", 160],
    ["dipakai 300 warga setiap hari", 300],
    ["20 rumah tangga belum punya jamban", 80],
    ["jalan 200 meter di RT 3", undefined],
    ["gang 5 rumah no 12", undefined],
    ["kemarin 2 orang jatuh di sini", undefined],
  ])("first message %s → %s", (text, people) => expect(readBeneficiaries(text, { counted: true })).toBe(people));

  it("refuses an answer without a believable number", () => {
    expect(readBeneficiaries("banyak")).toBeUndefined();
    expect(readBeneficiaries("99999999999")).toBeUndefined();
  });
});
