// Several needs in one message: which clauses are separate needs, which one the resident puts first, and that
// one need described at length (sizes, reasons, places after commas) stays one.
import { describe, expect, it } from "vitest";
import { findNeeds, pickNeed } from "../../src/engine/needs.ts";
import { sampleWorld } from "./fixtures.ts";

describe("findNeeds", () => {
  it("follows the need the resident says matters most, wherever the cue stands", async () => {
    const { matcher } = await sampleWorld();
    const road = findNeeds("Jalan rusak dan lampunya mati, tapi yang paling penting jalannya dulu", matcher);
    expect(road?.needs).toEqual(["Jalan rusak", "lampunya mati"]);
    expect(road?.first).toBe(0);
    const light = findNeeds("sumur resapan nanti saja, yang penting lampu jalan", matcher);
    expect(light?.needs[light.first ?? -1]).toContain("lampu jalan");
  });

  it("gives a size said after the priority remark to the need it points at, not the last one named", async () => {
    const { matcher } = await sampleWorld();
    const r = findNeeds(
      "Selokannya mampet dan jalannya rusak, tapi yang paling penting selokannya. Panjang 40 meter",
      matcher,
    );
    expect(r?.needs).toEqual(["Selokannya mampet, Panjang 40 meter", "jalannya rusak"]);
    expect(r?.first).toBe(0);
  });

  it("names no first need when the resident does not say", async () => {
    const { matcher } = await sampleWorld();
    const r = findNeeds("jalan di RT 2 berlubang dan lampu jalan mati", matcher);
    expect(r?.needs).toHaveLength(2);
    expect(r?.first).toBeUndefined();
  });

  it.each([
    "jalan lingkungan rusak parah, minta dibangun rabat beton panjang 100 lebar 3",
    "saluran air mampet tiap hujan banjir, mohon pembangunan saluran gorong-gorong 50 meter",
    "lampu penerangan jalan mati semua, minta pemasangan lampu jalan 5 titik",
    "gang becek dan licin, minta dicor",
    "jalan depan rumah rusak parah di RT 03 RW 05 Sukakarya, panjang 200 m lebar 3 m, mohon dibangun rabat beton",
    "Mohon pembangunan drainase box 80 cm di Jalan Cikutra, karena belum ada saluran dan setiap hujan air meluap",
  ])("keeps one need as one: %s", async (text) => {
    const { matcher } = await sampleWorld();
    expect(findNeeds(text, matcher)).toBeUndefined();
  });
});

describe("pickNeed", () => {
  it("finds the option an answer in words names, and none on a tie", () => {
    const options = ["jalannya berlubang", "lampu jalan mati"];
    expect(pickNeed("yang lampu dulu pak", options)).toBe(1);
    expect(pickNeed("jalan berlubang", options)).toBe(0);
    expect(pickNeed("terserah", options)).toBeUndefined();
  });
});
