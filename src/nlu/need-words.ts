// The words of intents/needs.yaml: where a message divides into clauses ("Jalan rusak dan lampunya mati, tapi
// yang paling penting jalannya dulu" → three clauses), which clauses may name a need of their own, and which
// words say that a need comes first or can wait. What a clause asks for is the matcher's business
// (src/engine/needs.ts); this file only reads words.
import { join } from "node:path";
import { z } from "zod";
import { readDataFile } from "../config/data-file.ts";
import { projectRoot } from "../config/paths.ts";

const phrase = z.string().trim().toLowerCase().min(1);

/** intents/needs.yaml, e.g. `{ version: 1, joiners: ["dan"], contrast: ["tapi"], keep: ["sama sekali"], also: ["juga"], attached: ["karena"], first: ["dulu"], later: ["nanti saja"] }`. */
export const NeedWordsFile = z
  .object({
    version: z.literal(1),
    joiners: z.array(phrase).min(1),
    contrast: z.array(phrase).default([]),
    keep: z.array(phrase).default([]),
    also: z.array(phrase).default([]),
    attached: z.array(phrase).default([]),
    first: z.array(phrase).min(1),
    later: z.array(phrase).default([]),
  })
  .strict();
export type NeedWords = z.infer<typeof NeedWordsFile>;

/** Reads and checks intents/needs.yaml (or `path`); an error names the file and the path inside it. */
export function loadNeedWords(path = join(projectRoot, "intents", "needs.yaml")): NeedWords {
  return readDataFile(path, NeedWordsFile);
}

let cached: NeedWords | undefined;

/** The project's need words, read once per process. */
export function defaultNeedWords(): NeedWords {
  cached ??= loadNeedWords();
  return cached;
}

/** One piece of a message: its words, and whether a joiner ("dan", "terus") came right before it. */
export interface Clause {
  text: string;
  joined: boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Letters and digits, and "-" and "_" that keep a word whole ("sama-sama", a kept phrase). */
const WORD = "[\\p{L}\\p{N}_-]";

/** A whole-word, case-insensitive pattern for any of the phrases; `^`-anchored with `atStart`. */
function anyOf(phrases: string[], options: { global?: boolean; atStart?: boolean } = {}): RegExp | undefined {
  if (!phrases.length) return undefined;
  const alternatives = [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.split(/\s+/).map(escape).join("\\s+"))
    .join("|");
  const symbolic = phrases.every((p) => !/[\p{L}\p{N}]/u.test(p));
  const before = options.atStart ? "^" : symbolic ? "" : `(?<!${WORD})`;
  return new RegExp(`${before}(?:${alternatives})(?!${WORD})`, options.global ? "giu" : "iu");
}

interface Patterns {
  joiner: RegExp;
  contrast: RegExp | undefined;
  symbol: RegExp | undefined;
  keep: RegExp | undefined;
  also: RegExp | undefined;
  attached: RegExp | undefined;
  first: RegExp | undefined;
  later: RegExp | undefined;
}
const patterns = new WeakMap<NeedWords, Patterns>();

function patternsOf(words: NeedWords): Patterns {
  let p = patterns.get(words);
  if (!p) {
    const symbols = words.joiners.filter((j) => !/[\p{L}\p{N}]/u.test(j));
    p = {
      joiner: anyOf(
        words.joiners.filter((j) => /[\p{L}\p{N}]/u.test(j)),
        { global: true },
      )!,
      contrast: anyOf(words.contrast, { global: true }),
      symbol: symbols.length ? new RegExp(symbols.map(escape).join("|"), "g") : undefined,
      keep: anyOf(words.keep, { global: true }),
      also: anyOf(words.also),
      attached: anyOf(words.attached, { atStart: true }),
      first: anyOf(words.first, { global: true }),
      later: anyOf(words.later, { global: true }),
    };
    patterns.set(words, p);
  }
  return p;
}

const JOIN = "\u0001";

/**
 * The clauses of a message, in order: cut at sentence punctuation, at commas (not inside "2,5") and at the
 * joiners; empty pieces dropped. `"jalan rusak dan lampu mati, terutama jalannya"` →
 * `[{ text: "jalan rusak", joined: false }, { text: "lampu mati", joined: true }, { text: "terutama jalannya", joined: false }]`.
 */
export function splitClauses(text: string, words: NeedWords = defaultNeedWords()): Clause[] {
  const p = patternsOf(words);
  let s = text.replace(/[\n\r]+/g, "\n");
  if (p.keep) s = s.replace(p.keep, (m) => m.replace(/\s+/g, "_"));
  if (p.symbol) s = s.replace(p.symbol, `\n${JOIN}`);
  if (p.contrast) s = s.replace(p.contrast, (m) => `\n${m}`);
  s = s
    .replace(p.joiner, `\n${JOIN}`)
    .replace(/(?<!\d),|,(?!\d)/g, "\n")
    .replace(/[.;!?]+(?=\s|$)/g, "\n");
  const clauses: Clause[] = [];
  let joined = false;
  for (const piece of s.split("\n")) {
    if (piece.includes(JOIN)) joined = true;
    const clean = piece
      .replaceAll(JOIN, " ")
      .replace(/_/g, " ")
      .replace(/^[\s\-–—:]+|[\s\-–—:]+$/g, "")
      .replace(/\s+/g, " ");
    if (!/\p{L}/u.test(clean)) continue;
    clauses.push({ text: clean, joined });
    joined = false;
  }
  return clauses;
}

/** Whether a clause says its need comes first ("yang paling penting", "dulu") or can wait ("nanti saja"). */
export function priorityCue(clause: string, words: NeedWords = defaultNeedWords()): "first" | "later" | undefined {
  const p = patternsOf(words);
  if (p.later && new RegExp(p.later.source, "iu").test(clause)) return "later";
  if (p.first && new RegExp(p.first.source, "iu").test(clause)) return "first";
  return undefined;
}

/** The clause without its priority words: "yang paling penting jalannya dulu" → "jalannya". */
export function withoutCues(clause: string, words: NeedWords = defaultNeedWords()): string {
  const p = patternsOf(words);
  let rest = clause;
  if (p.later) rest = rest.replace(p.later, " ");
  if (p.first) rest = rest.replace(p.first, " ");
  return rest.replace(/\s+/g, " ").trim();
}

/** A clause that adds to what came before ("selokan juga mampet"): it may be a need of its own. */
export function addsNeed(clause: string, words: NeedWords = defaultNeedWords()): boolean {
  return !!patternsOf(words).also?.test(clause);
}

/** A clause that explains the one before ("karena belum ada saluran", "panjang 100 meter"). */
export function explainsBefore(clause: string, words: NeedWords = defaultNeedWords()): boolean {
  return !!patternsOf(words).attached?.test(clause.trim());
}
