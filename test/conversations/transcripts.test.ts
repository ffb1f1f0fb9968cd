// Every test/conversations/*.txt transcript runs through the real host, engine, matcher and SQLite.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "vitest";
import { parseTranscript, runTranscript } from "./transcript.ts";

const dir = fileURLToPath(new URL(".", import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".txt"))
  .sort();

describe("conversation transcripts", () => {
  it.each(files)("%s", async (file) => {
    await runTranscript(parseTranscript(join(dir, file)));
  });
});
