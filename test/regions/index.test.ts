import { describe, expect, it } from "vitest";
import { sampleRegions } from "./sample-regions.ts";

const regions = sampleRegions();
const name = (r: ReturnType<typeof regions.searchAnswer>) =>
  r.kind === "found" ? r.village.name : r.kind === "ambiguous" ? r.candidates.map((c) => c.name).sort() : null;

describe("region search", () => {
  it.each([
    ["sukamaju", "Sukamaju"],
    ["Desa Sukamaju", "Sukamaju"],
    ["ds. suka maju", "Sukamaju"],
    ["sukamju", "Sukamaju"],
    ["taman sari", "Taman Sari"],
    ["tamansari", "Taman Sari"],
    ["kel. jatimulya", "Jatimulya"],
    ["srimukt", "Srimukti"],
  ])("%s → %s", (text, village) => expect(name(regions.searchAnswer(text))).toBe(village));

  it("returns close names in different kecamatan as ambiguous, and the kecamatan picks one", () => {
    const r = regions.searchAnswer("sukaraha");
    expect(name(r)).toEqual(["Sukaraja", "Sukaraya"]);
    if (r.kind !== "ambiguous") throw new Error("expected ambiguous");
    expect(regions.pickDistrict(r.candidates, "kec tambelang")?.name).toBe("Sukaraja");
    expect(regions.pickDistrict(r.candidates, "karang bahagia")?.name).toBe("Sukaraya");
  });

  it("finds a desa mentioned in a longer message, and nothing in plain words", () => {
    expect(name(regions.searchMention("jalan depan rumah rusak di rt 3 desa sukamaju"))).toBe("Sukamaju");
    expect(name(regions.searchMention("gang mawar banjir terus kalau hujan"))).toBeNull();
  });

  it("reads the words after 'kec' as the kecamatan only, not as a desa sharing part of its name", () => {
    // Tambun Selatan has a desa Tambun: "kec Tambun Selatan" names the kecamatan, the desa named is Jatimulya.
    expect(name(regions.searchAnswer("desa Jatimulya kec Tambun Selatan"))).toBe("Jatimulya");
    expect(name(regions.searchAnswer("jalan rusak di rt 1 rw 1 desa Jatimulya kec Tambun Selatan"))).toBe("Jatimulya");
  });

  it("says none for a name far from every desa", () => {
    expect(regions.searchAnswer("qwxz").kind).toBe("none");
  });
});
