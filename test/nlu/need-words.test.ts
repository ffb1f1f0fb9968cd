// intents/needs.yaml as the engine reads it: clauses, joiners, kept phrases, and the priority cues.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadNeedWords, priorityCue, splitClauses, withoutCues } from "../../src/nlu/need-words.ts";

describe("need words", () => {
  it("cuts at joiners and punctuation, not inside numbers or kept phrases", () => {
    expect(splitClauses("jalan rusak dan lampu mati, lebar 2,5 m. sama sekali gelap")).toEqual([
      { text: "jalan rusak", joined: false },
      { text: "lampu mati", joined: true },
      { text: "lebar 2,5 m", joined: false },
      { text: "sama sekali gelap", joined: false },
    ]);
  });

  it("reads which need comes first or can wait", () => {
    expect(priorityCue("tapi yang paling penting jalannya dulu")).toBe("first");
    expect(priorityCue("lampu jalan nanti saja")).toBe("later");
    expect(priorityCue("lampu jalan mati")).toBeUndefined();
    expect(withoutCues("yang paling penting jalannya dulu")).toBe("jalannya");
  });

  it("names the file and the field of a mistake", () => {
    const dir = mkdtempSync(join(tmpdir(), "needs-"));
    const file = join(dir, "needs.yaml");
    writeFileSync(file, "version: 1\njoiners: []\nfirst: [dulu]\n");
    expect(() => loadNeedWords(file)).toThrow(/needs\.yaml: (at )?joiners/);
  });
});
