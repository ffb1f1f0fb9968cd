// Indonesian stemming: natural's StemmerId (a Sastrawi port) with a cache, our overrides, and the
// colloquial forms Sastrawi does not know (Jakarta "-in": "dipasangin"; nasal prefixes: "ngangkut", "nyebrang").
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
// The stemmer module alone: importing all of natural costs about 0.4 s at start-up.
const sastrawi = require("natural/lib/natural/stemmers/indonesian/stemmer_id.js") as { stem(word: string): string };
const rootWords = new Set<string>(require("natural/lib/natural/stemmers/indonesian/data/kata-dasar.json") as string[]);

/** Words Sastrawi may change: a standard prefix (di-, ke-, se-, be-, me-, pe-, te-) or suffix. */
const AFFIXED = /^(?:di|ke|se|be|me|pe|te)|(?:i|kan|an|lah|kah|tah|pun|ku|mu|nya)$/;
/**
 * Colloquial affixes this module handles itself: Jakarta "-in", nasal "nge-", "ng-", "ny-", Sundanese "nga-" and
 * "-keun" ("ngarajut", "dibersihkeun"), Javanese passive "di-...-(a)ke" ("dipasangke", "diaspalake").
 */
const COLLOQUIAL = /in$|^ng|^ny|keun$|^di.*ke$/;

/** True when `word` is in Sastrawi's dictionary of Indonesian root words. */
export function isRootWord(word: string): boolean {
  return rootWords.has(word);
}

/** Colloquial spellings to try when Sastrawi finds no root, most specific first. */
function colloquialCandidates(word: string): string[] {
  const out: string[] = [];
  const bases = [word];
  if (word.length > 5 && word.endsWith("in")) {
    const b = word.slice(0, -2);
    bases.push(`${b}kan`, `${b}i`, b);
  }
  // Sundanese "-keun" and Javanese passive "di-...-ake", "di-...-ke" play the part of Indonesian "-kan": drop them.
  for (const suffix of ["keun", "ake", "ke"]) {
    if (word.length > suffix.length + 3 && word.endsWith(suffix) && (suffix === "keun" || word.startsWith("di"))) {
      bases.push(word.slice(0, -suffix.length));
      break;
    }
  }
  for (const b of bases) {
    if (b !== word) out.push(b);
    if (b.startsWith("nge") && b.length > 5) out.push(b.slice(3));
    if (/^ng[aiueo]/.test(b)) out.push(b.slice(2), `k${b.slice(2)}`);
    // Sundanese "nga-" before a consonant: "ngarajut" → "rajut", "ngabersihan" → "bersihan".
    if (/^nga[^aiueo]/.test(b) && b.length > 6) out.push(b.slice(3));
    if (/^ny[aiueo]/.test(b)) out.push(`s${b.slice(2)}`, `c${b.slice(2)}`);
  }
  return out;
}

/** A caching stemmer; `overrides` (word → stem) wins over the algorithm. */
export class Stemmer {
  private readonly cache = new Map<string, string>();

  constructor(private readonly overrides: Readonly<Record<string, string>> = {}) {}

  /** The stem of one lower-case token; numbers and short words are kept as they are. */
  stem(word: string): string {
    const hit = this.cache.get(word);
    if (hit !== undefined) return hit;
    const stem = this.compute(word);
    this.cache.set(word, stem);
    return stem;
  }

  private compute(word: string): string {
    const override = this.overrides[word];
    if (override) return override;
    if (word.length <= 3 || /\d/.test(word)) return word;
    if (rootWords.has(word)) return word;
    // Sastrawi only strips these prefixes and suffixes; anything else (most names) it returns unchanged, slowly.
    if (!AFFIXED.test(word) && !COLLOQUIAL.test(word)) return word;
    const stem = sastrawi.stem(word);
    if (stem !== word) return stem;
    for (const candidate of colloquialCandidates(word)) {
      if (rootWords.has(candidate)) return candidate;
      const s = sastrawi.stem(candidate);
      if (s !== candidate && rootWords.has(s)) return s;
    }
    return word;
  }
}
