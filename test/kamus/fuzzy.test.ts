import { describe, expect, it } from "vitest";
import { FuzzyVocabulary } from "../../src/kamus/fuzzy.ts";

const vocabulary = new FuzzyVocabulary(
  new Map([
    ["pelatihan", "latih"],
    ["drainase", "drainase"],
    ["posyandu", "posyandu"],
    ["pemeliharaan", "pelihara"],
  ]),
);

describe("typo repair", () => {
  it("reads a spelling heard rather than read by the word sharing most of its letter triples", () => {
    const heard = new FuzzyVocabulary(
      new Map([
        ["paving", "paving"],
        ["uditch", "uditch"],
        ["dith", "dith"],
        ["kencana", "kencana"],
      ]),
    );
    expect(heard.repair("pavingnisasi")).toBe("paving");
    expect(heard.repair("udith")).toBe("uditch");
    expect(heard.repair("kenanga")).toBeUndefined();
  });

  it("maps a vowel-less abbreviation to the one word it can be", () => {
    expect(vocabulary.repair("plthn")).toBe("latih");
    expect(vocabulary.repair("drns")).toBe("drainase");
  });

  it("maps a misspelling within a small edit distance", () => {
    expect(vocabulary.repair("pelatiahn")).toBe("latih");
    expect(vocabulary.repair("posyandoo")).toBe("posyandu");
    expect(vocabulary.repair("pemelihraan")).toBe("pelihara");
  });

  it("leaves other words alone", () => {
    expect(vocabulary.repair("kambing")).toBeUndefined();
    expect(vocabulary.repair("xyz")).toBeUndefined();
  });
});
