// The words the conversation reads answers with (intents/answer-words.yaml), checked with zod: what says an
// activity, what describes nothing, what says "I do not know".
import { join } from "node:path";
import { z } from "zod";
import { readDataFile } from "../config/data-file.ts";
import { projectRoot } from "../config/paths.ts";
import { normalizeText, normalizeTokens } from "../kamus/normalize.ts";

const word = z
  .string()
  .trim()
  .min(1)
  .regex(/^[a-z]+$/, "one word in lower-case letters");
const words = z.array(word).min(1);

/** intents/answer-words.yaml, e.g. `{ version: 1, activity: { words: ["diaspal"], prefixes: ["perbaik"] }, ... }`. */
export const AnswerWordsFile = z
  .object({
    version: z.literal(1),
    activity: z.object({ words, prefixes: words }).strict(),
    filler: words,
    dontKnow: z.object({ not: words, know: words }).strict(),
  })
  .strict();
export type AnswerWordsFile = z.infer<typeof AnswerWordsFile>;

/** Questions about a resident's words, answered from the file. */
export interface AnswerWords {
  /** "jalan rusak minta diaspal" → true: the message says what should be done. */
  namesActivity(text: string): boolean;
  /** "mau", "usul", "pak": a word that describes nothing. */
  isFiller(word: string): boolean;
  /** "gak tau pak", "belum yakin ukurannya" → true. */
  saysDontKnow(text: string): boolean;
}

/** Builds the questions from a checked file. */
export function answerWords(file: AnswerWordsFile): AnswerWords {
  const activity = new Set(file.activity.words);
  const filler = new Set(file.filler);
  const not = new Set(file.dontKnow.not.map(normalizeText));
  const know = new Set(file.dontKnow.know.map(normalizeText));
  return {
    namesActivity: (text) =>
      (text.toLowerCase().match(/[a-z0-9_]+/g) ?? []).some(
        (w) => activity.has(w) || file.activity.prefixes.some((p) => w.startsWith(p)),
      ),
    isFiller: (w) => filler.has(w.toLowerCase()),
    saysDontKnow: (text) => {
      const tokens = normalizeTokens(text);
      return tokens.some((t, i) => not.has(t) && know.has(tokens[i + 1] ?? ""));
    },
  };
}

/** Reads and checks an answer-words file (default: the project's intents/answer-words.yaml). */
export function loadAnswerWords(path = join(projectRoot, "intents", "answer-words.yaml")): AnswerWords {
  return answerWords(readDataFile(path, AnswerWordsFile));
}

let cached: AnswerWords | undefined;
/** The project's answer words, loaded once per process. */
export function defaultAnswerWords(): AnswerWords {
  cached ??= loadAnswerWords();
  return cached;
}
