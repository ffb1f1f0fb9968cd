import { mkdtempSync, mkdirSync, writeFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { intentsDir, loadLanguageData } from "../../src/kamus/language-data.ts";

function copyWith(file: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), "intents-"));
  cpSync(intentsDir, dir, { recursive: true });
  mkdirSync(join(dir, "kamus"), { recursive: true });
  writeFileSync(join(dir, file), content);
  return dir;
}

describe("language data under intents/", () => {
  it("loads and passes its schema", () => {
    const data = loadLanguageData();
    expect(Object.keys(data.lexicon.replacements)).toContain("abbreviations");
    expect(data.concepts.concepts.length).toBeGreaterThan(50);
    expect(Object.keys(data.synonyms.groups)).toContain("pju");
  });

  it("names the file and the path of a mistake", () => {
    const dir = copyWith(
      "kamus/concepts.yaml",
      "version: 1\nconcepts:\n  - name: x\n    when: [banjir]\n    suggest: []\n",
    );
    expect(() => loadLanguageData(dir)).toThrow(/concepts\.yaml: at concepts\.0\.suggest: /);
  });

  it("names the file of a YAML syntax error", () => {
    const dir = copyWith("lexicon.yaml", "version: 1\nreplacements: {abbreviations: {jln: jalan}\n");
    expect(() => loadLanguageData(dir)).toThrow(/lexicon\.yaml: /);
  });

  it("rejects unknown keys, so a typo in a key is not silently ignored", () => {
    const dir = copyWith("kamus/synonyms.yaml", "version: 1\ngroup: {pju: [lampu jalan]}\n");
    expect(() => loadLanguageData(dir)).toThrow(/synonyms\.yaml: /);
  });
});
