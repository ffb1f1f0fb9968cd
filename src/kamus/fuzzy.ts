// Typo and abbreviation repair against a known vocabulary: a word the index has never seen is mapped to a
// known word when it is a vowel-less abbreviation of it ("plthn" → "pelatihan", "drnse" → "drainase") or
// within a small edit distance ("pelatiahn", "dreinase"); failing both, to the known word that shares most of its
// character trigrams (Dice ≥ `NGRAM_MIN`: "udith" → "uditch", "pavingnisasi" → "paving"), a spelling heard
// rather than read. Candidates come from a character-trigram index.
import { editDistance } from "../edit-distance.ts";

/** Share of character trigrams (Dice) a word must have in common with a known word to be read as it. */
const NGRAM_MIN = 0.5;
/** The best n-gram candidate must beat the next one (another stem) by this much, or the word stays unknown. */
const NGRAM_MARGIN = 0.05;

/** Known surface words (lower case) with the stem each stands for. */
export type Vocabulary = ReadonlyMap<string, string>;

function skeleton(word: string): string {
  return word.replace(/[aiueo]/g, "");
}

function trigrams(word: string): string[] {
  const padded = `^${word}$`;
  const out: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3));
  return out;
}

/** Repairs unknown words; results (also "no repair") are cached per word. */
export class FuzzyVocabulary {
  private readonly bySkeleton = new Map<string, Set<string>>();
  private readonly byTrigram = new Map<string, string[]>();
  private readonly cache = new Map<string, string | null>();

  constructor(private readonly vocabulary: Vocabulary) {
    for (const [surface, stem] of vocabulary) {
      if (surface.length < 4) continue;
      const sk = skeleton(surface);
      if (sk.length >= 3) {
        const set = this.bySkeleton.get(sk) ?? new Set<string>();
        set.add(stem);
        this.bySkeleton.set(sk, set);
      }
      for (const g of new Set(trigrams(surface))) {
        const list = this.byTrigram.get(g) ?? [];
        list.push(surface);
        this.byTrigram.set(g, list);
      }
    }
  }

  /** The stem of the known word `word` most likely stands for, or undefined. */
  repair(word: string): string | undefined {
    const hit = this.cache.get(word);
    if (hit !== undefined) return hit ?? undefined;
    const found = this.compute(word);
    this.cache.set(word, found ?? null);
    return found;
  }

  private compute(word: string): string | undefined {
    if (this.vocabulary.has(word)) return this.vocabulary.get(word);
    // A vowel-less abbreviation names exactly one known stem.
    if (!/[aiueo]/.test(word) && word.length >= 3) {
      const stems = this.bySkeleton.get(word);
      if (stems && stems.size === 1) return [...stems][0];
      return undefined;
    }
    if (word.length < 5) return undefined;
    const max = word.length >= 8 ? 2 : 1;
    const grams = new Set(trigrams(word));
    // One edit changes at most three trigrams; demand enough shared ones before computing any distance.
    const need = Math.max(2, grams.size - 3 * max);
    const shared = new Map<string, number>();
    for (const g of grams) for (const s of this.byTrigram.get(g) ?? []) shared.set(s, (shared.get(s) ?? 0) + 1);
    let best: string | undefined;
    let bestDistance = max + 1;
    for (const [surface, n] of shared) {
      if (n < need || Math.abs(surface.length - word.length) > max) continue;
      const d = editDistance(word, surface, max);
      // On a tie the longer word wins (it explains more of the spelling: "udith" is "uditch", not "dith").
      const better =
        best !== undefined && (surface.length > best.length || (surface.length === best.length && surface < best));
      if (d < bestDistance || (d === bestDistance && better)) {
        best = surface;
        bestDistance = d;
      }
    }
    if (best !== undefined) return this.vocabulary.get(best);
    return this.closestByTrigrams(grams, shared);
  }

  /** The stem of the known word sharing the largest share of trigrams, when that share is high and clear. */
  private closestByTrigrams(grams: Set<string>, shared: Map<string, number>): string | undefined {
    let best: { stem: string; dice: number } | undefined;
    let runnerUp = 0;
    for (const [surface, n] of shared) {
      const dice = (2 * n) / (grams.size + new Set(trigrams(surface)).size);
      const stem = this.vocabulary.get(surface)!;
      if (!best || dice > best.dice) {
        if (best && best.stem !== stem) runnerUp = Math.max(runnerUp, best.dice);
        best = { stem, dice };
      } else if (stem !== best.stem) runnerUp = Math.max(runnerUp, dice);
    }
    if (!best || best.dice < NGRAM_MIN || best.dice - runnerUp < NGRAM_MARGIN) return undefined;
    return best.stem;
  }
}
