// intents/ is data checked twice: structure (zod) and meaning (unique names, every reply key the code uses).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../src/config/paths.ts";
import { REPLY_KEYS } from "../../src/texts/reply-keys.ts";
import { trainClassifier } from "../../src/nlu/classifier.ts";
import { loadIntentData } from "../../src/nlu/files.ts";

function copyWith(change: { intents?: (s: string) => string; replies?: (s: string) => string }): string {
  const dir = mkdtempSync(join(tmpdir(), "intents-"));
  const read = (f: string) => readFileSync(join(projectRoot, "intents", f), "utf8");
  writeFileSync(join(dir, "intents.yaml"), (change.intents ?? ((s) => s))(read("intents.yaml")));
  writeFileSync(join(dir, "replies.yaml"), (change.replies ?? ((s) => s))(read("replies.yaml")));
  return dir;
}

describe("intent data", () => {
  it("loads the project's files", () => {
    const data = loadIntentData();
    expect(data.intents.map((i) => i.name)).toContain("greet");
    for (const key of REPLY_KEYS) expect(data.replies[key], key).toBeTruthy();
  });

  it("names the file and path of a structural error", () => {
    const dir = copyWith({ intents: (s) => s.replace("threshold: 0.6", "threshold: 7") });
    expect(() => loadIntentData(dir)).toThrow(/intents\.yaml: at threshold: /);
  });

  it("refuses a duplicate intent name", () => {
    const dir = copyWith({ intents: (s) => s.replace("- name: thanks", "- name: greet") });
    expect(() => loadIntentData(dir)).toThrow(
      /intents\.yaml: at intents\.\d+\.name: "greet" is already used by intents\.0/,
    );
  });

  it("refuses a missing reply key the code uses", () => {
    const dir = copyWith({ replies: (s) => s.replace(/^ {2}ask\.village: .*$/m, "") });
    expect(() => loadIntentData(dir)).toThrow(/replies\.yaml: at replies\.ask\.village: missing/);
  });

  it("refuses YAML that does not parse, naming the file", () => {
    const dir = copyWith({ replies: () => "replies: [unclosed" });
    expect(() => loadIntentData(dir)).toThrow(/replies\.yaml: not valid YAML/);
  });
});

describe("intent classifier", () => {
  const c = trainClassifier(loadIntentData());
  it.each([
    ["selamat pagi pak", "greet"],
    ["assalamualaikum", "greet"],
    ["saya mau usul perbaikan jalan", "new_proposal"],
    ["usulan saya sudah sampai mana", "status"],
    ["saya bingung caranya", "help"],
    ["makasih banyak", "thanks"],
  ])("%s → %s", (text, intent) => expect(c.classify(text).intent).toBe(intent));

  it("falls back below the threshold", () => {
    expect(c.classify("qwerty zxcvb").intent).toBe("fallback");
    expect(c.classify("Budi Santoso").intent).toBe("fallback");
  });
});
