import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCommandWords } from "../../src/nlu/command-words.ts";
import { parseCommand } from "../../src/nlu/commands.ts";
import { projectRoot } from "../../src/config/paths.ts";

const projectFile = join(projectRoot, "intents", "commands.yaml");

function fileWith(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "commands-")), "commands.yaml");
  writeFileSync(path, content);
  return path;
}

describe("intents/commands.yaml", () => {
  it("loads the project's file", () => {
    const words = loadCommandWords();
    expect(words.exact.get("menu")).toBe("menu");
    expect(words.slash.get("hapus")).toBe("erase");
  });

  it("names the file and the path of a mistake", () => {
    const path = fileWith(readFileSync(projectFile, "utf8").replace("exact:", "exakt:"));
    expect(() => loadCommandWords(path)).toThrow(/commands\.yaml: /);
  });

  it("refuses a phrase that reads as a phrase of another command once normalised", () => {
    // "gak" is "tidak" to the lexicon: it cannot mean "no" and "skip" at once.
    const path = fileWith(readFileSync(projectFile, "utf8").replace("skip: [lewati,", "skip: [gak, lewati,"));
    expect(() => loadCommandWords(path)).toThrow(
      /exact\.skip: "gak" reads as "tidak", which is already a phrase of no/,
    );
  });

  it("a changed file changes the commands: the words are data, not code", () => {
    const path = fileWith(readFileSync(projectFile, "utf8").replace("menu: [menu,", "menu: [daftar, menu,"));
    expect(parseCommand("daftar", loadCommandWords(path))).toEqual({ kind: "menu" });
    expect(parseCommand("daftar")).toEqual({ kind: "none" });
  });
});
