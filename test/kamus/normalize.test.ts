import { describe, expect, it } from "vitest";
import { contentWords, normalizeText } from "../../src/kamus/normalize.ts";

describe("normalizeText", () => {
  it("spells out chat abbreviations", () => {
    expect(normalizeText("Jln gg Melati yg rusak blm dibenerin, tdk bs lewat")).toBe(
      "jalan gang melati yang rusak belum diperbaiki tidak bisa lewat",
    );
  });

  it("reads Betawi, Sundanese and Javanese everyday words as Indonesian", () => {
    expect(normalizeText("gang kite kagak ada lampunya")).toBe("gang kita tidak ada lampunya");
    expect(normalizeText("jalan ka lembur abdi poek pisan")).toBe("jalan ke kampung saya gelap banget");
    expect(normalizeText("dalan e rusak, durung didandani")).toContain("jalan");
  });

  it("keeps 'kali' as 'times' after a count and 'sma' as the school next to school words", () => {
    expect(normalizeText("sudah dua kali diusulkan, beberapa kali banjir")).toBe(
      "sudah 2 kali diusulkan beberapa kali banjir",
    );
    expect(normalizeText("sampah dibuang ke kali")).toBe("sampah dibuang ke sungai");
    expect(normalizeText("lulusan SMA nganggur, rapat sma pak RT")).toBe("lulusan sma nganggur rapat sama pak rt");
    expect(normalizeText("terima kasih")).toBe("terima kasih");
  });

  it("expands repeated words written with 2", () => {
    expect(normalizeText("jalannya bolong2, anak2 sering jatuh")).toBe("jalannya bolong bolong anak anak sering jatuh");
  });

  it("keeps square metres as a unit instead of a repetition", () => {
    expect(normalizeText("luas 400m2")).toBe("luas 400 m2");
    expect(normalizeText("kira-kira 100 meter persegi")).toBe("kira 100 m2");
  });

  it("writes numbers as digits and splits them from units", () => {
    expect(normalizeText("panjang dua ratus lima puluh meter")).toBe("panjang 250 m");
    expect(normalizeText("pjg 1.000 m lbr 1,5m")).toBe("panjang 1000 m lebar 1.5 m");
    expect(normalizeText("PJU 40watt 10 titik")).toBe("pju 40 watt 10 titik");
  });

  it("reads smp as 'sampai' before a number and as the school elsewhere", () => {
    expect(normalizeText("rt 1 smp 4")).toBe("rt 1 sampai 4");
    expect(normalizeText("rehab smp swasta")).toBe("rehab smp swasta");
  });

  it("drops accents", () => {
    expect(normalizeText("panjangna kirang langkung 200 méter")).toBe("panjang kurang lebih 200 m");
  });
});

describe("contentWords", () => {
  it("stems and drops politeness, fillers and RT/RW labels", () => {
    expect(contentWords("Mohon pak, perbaikan jalan di RT 03 RW 05 yang berlubang")).toEqual([
      "baik",
      "jalan",
      "lubang",
    ]);
  });

  it("stems colloquial affixes Sastrawi does not know", () => {
    expect(contentWords("lampunya dipasangin")).toEqual(["lampu", "pasang"]);
    expect(contentWords("ngangkut sampah")).toEqual(["angkut", "sampah"]);
  });

  it("stems Sundanese and Javanese verb affixes", () => {
    expect(contentWords("ngarajut")).toEqual(["rajut"]);
    expect(contentWords("got dibersihkeun")).toEqual(["got", "bersih"]);
    expect(contentWords("dalan diaspalke")).toEqual(["jalan", "aspal"]);
  });

  it("does not mistake 'kerusakan' for a deer (rusa)", () => {
    expect(contentWords("kerusakan jalan")).toEqual(["rusak", "jalan"]);
  });
});
