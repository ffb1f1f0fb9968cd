// Loads the language data under intents/ (lexicon.yaml and kamus/*.yaml), checked with zod.
// A mistake in a file is reported with the file and the path inside it, e.g.
// `intents/kamus/concepts.yaml: concepts.3.weight: Too big: expected number to be <=2`.
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parse } from "yaml";
import type { z } from "zod";
import { projectRoot } from "../config/paths.ts";
import { ConceptsFile, LexiconFile, ModesFile, ScopeFile, SynonymsFile } from "./lexicon-schema.ts";

/** All language data the normaliser and the matcher use. */
export interface LanguageData {
  lexicon: LexiconFile;
  synonyms: SynonymsFile;
  concepts: ConceptsFile;
  scope: ScopeFile;
  modes: ModesFile;
}

/** The project's intents/ folder. */
export const intentsDir = join(projectRoot, "intents");

/** Reads one YAML file and checks it against `schema`; throws one line naming the file and the path. */
export function readDataFile<S extends z.ZodType>(path: string, schema: S): z.infer<S> {
  const shown = relative(projectRoot, path) || path;
  let raw: unknown;
  try {
    raw = parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`${shown}: ${(error as Error).message.split("\n")[0]}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? issue.path.join(".") : "(top level)";
    throw new Error(`${shown}: ${where}: ${issue.message}`);
  }
  return parsed.data;
}

/** Loads and checks every language file from `dir` (default: the project's intents/). */
export function loadLanguageData(dir: string = intentsDir): LanguageData {
  return {
    lexicon: readDataFile(join(dir, "lexicon.yaml"), LexiconFile),
    synonyms: readDataFile(join(dir, "kamus", "synonyms.yaml"), SynonymsFile),
    concepts: readDataFile(join(dir, "kamus", "concepts.yaml"), ConceptsFile),
    scope: readDataFile(join(dir, "kamus", "scope.yaml"), ScopeFile),
    modes: readDataFile(join(dir, "kamus", "modes.yaml"), ModesFile),
  };
}

let cached: LanguageData | undefined;

/** The project's language data, loaded once per process. */
export function defaultLanguageData(): LanguageData {
  cached ??= loadLanguageData();
  return cached;
}
