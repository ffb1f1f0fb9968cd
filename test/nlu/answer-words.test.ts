import { describe, expect, it } from "vitest";
import { defaultAnswerWords } from "../../src/nlu/answer-words.ts";

describe("intents/answer-words.yaml", () => {
  const words = defaultAnswerWords();

  it.each([
    ["jalan rusak minta diaspal", true],
    ["saluran mampet, mohon dinormalisasi", true],
    ["perbaikan jembatan", true],
    ["Rehabilitasi balai warga", true],
    ["jalan rusak parah", false],
    ["lampu jalan mati buat warga", false],
  ])("%s names an activity: %s", (text, expected) => expect(words.namesActivity(text)).toBe(expected));

  it.each([
    ["gak tau pak", true],
    ["gatau", true],
    ["belum yakin ukurannya", true],
    ["teu terang", true],
    ["ndak ngerti", true],
    ["kurang lebih 100 meter", false],
    ["tahu tempe", false],
  ])("%s says the resident does not know: %s", (text, expected) => expect(words.saysDontKnow(text)).toBe(expected));

  it("fillers describe nothing", () => {
    expect(["mau", "USUL", "pak"].every((w) => words.isFiller(w))).toBe(true);
    expect(words.isFiller("jalan")).toBe(false);
  });
});
