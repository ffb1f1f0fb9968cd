// Loads the language data under intents/ (lexicon.yaml and kamus/*.yaml), checked with zod.
// A mistake in a file is reported with the file and the path inside it, e.g.
// `intents/kamus/concepts.yaml: at concepts.3.weight: Too big: expected number to be <=2`.
import { join } from "node:path";
import { projectRoot } from "../config/paths.ts";
import { readDataFile } from "../config/data-file.ts";
import { ConceptsFile, ContextFile, LexiconFile, ModesFile, ScopeFile, SynonymsFile } from "./lexicon-schema.ts";

/** All language data the normaliser and the matcher use. */
export interface LanguageData {
  lexicon: LexiconFile;
  synonyms: SynonymsFile;
  concepts: ConceptsFile;
  scope: ScopeFile;
  modes: ModesFile;
  context: ContextFile;
}

/** The project's intents/ folder. */
export const intentsDir = join(projectRoot, "intents");

/** Loads and checks every language file from `dir` (default: the project's intents/). */
export function loadLanguageData(dir: string = intentsDir): LanguageData {
  return {
    lexicon: readDataFile(join(dir, "lexicon.yaml"), LexiconFile),
    synonyms: readDataFile(join(dir, "kamus", "synonyms.yaml"), SynonymsFile),
    concepts: readDataFile(join(dir, "kamus", "concepts.yaml"), ConceptsFile),
    scope: readDataFile(join(dir, "kamus", "scope.yaml"), ScopeFile),
    modes: readDataFile(join(dir, "kamus", "modes.yaml"), ModesFile),
    context: readDataFile(join(dir, "kamus", "context.yaml"), ContextFile),
  };
}

let cached: LanguageData | undefined;

/** The project's language data, loaded once per process. */
export function defaultLanguageData(): LanguageData {
  cached ??= loadLanguageData();
  return cached;
}
