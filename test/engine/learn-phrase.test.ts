import { describe, expect, it } from "vitest";
import { learnablePhrase } from "../../src/engine/learn-phrase.ts";
import { MAX_LEARNED_PHRASE_LENGTH } from "../../src/kamus/types.ts";

const sukamaju = { name: "Sukamaju", districtName: "Tambelang" };

describe("learnablePhrase", () => {
  it("keeps what is asked and drops where and how much", () => {
    expect(learnablePhrase("lampu jalan di rt 5 rw 2 desa sukamaju mati semua minta dipasang baru", sukamaju)).toBe(
      "lampu jalan di mati semua minta dipasang baru",
    );
    expect(learnablePhrase("Kec. Tambelang ds Sukamaju: got mampet 80m, lebar 1 meter", sukamaju)).toBe("got mampet");
    expect(learnablePhrase("RT 03/RW 05 pavingisasi 60 x 2 m kurang lebih", sukamaju)).toBe("pavingisasi");
  });

  it("keeps what is counted when it is not a unit", () => {
    expect(learnablePhrase("pasang 5 lampu jalan di gang 3", sukamaju)).toBe("pasang lampu jalan di gang");
  });

  it("leaves a message without place or size as it is", () => {
    expect(learnablePhrase("gang kami becek kalau hujan, minta dicor")).toBe(
      "gang kami becek kalau hujan, minta dicor",
    );
  });

  it("is empty when the message only said where", () => {
    expect(learnablePhrase("desa sukamaju rt 3", sukamaju)).toBe("");
  });

  it("drops every spelling of a size unit but keeps a unit that names what is asked", () => {
    expect(learnablePhrase("saluran 100 meter persegi mampet")).toBe("saluran mampet");
    expect(learnablePhrase("jalan rusak 200 m² di gang")).toBe("jalan rusak di gang");
    expect(learnablePhrase("pelatihan 20 peserta menjahit")).toBe("pelatihan menjahit");
    expect(learnablePhrase("pembuatan 1 aplikasi layanan surat")).toBe("pembuatan aplikasi layanan surat");
  });

  it("cuts a letter-long description to the longest phrase the store keeps", () => {
    const phrase = learnablePhrase("saluran air tersumbat sampah ".repeat(20));
    expect(phrase.length).toBe(MAX_LEARNED_PHRASE_LENGTH);
    expect(phrase.startsWith("saluran air tersumbat sampah saluran")).toBe(true);
  });
});
