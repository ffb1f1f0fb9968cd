// The kamus matcher: indexes the entries (BM25F over name, sub-kegiatan, kegiatan, program, agency, requirements
// and learned phrases) and ranks them for a resident's message, or decides that nothing fits. Building takes a
// few milliseconds per hundred entries; `match` is synchronous and well under a millisecond.
import { Analyzer } from "./analyzer.ts";
import { packIndex, unpackIndex, type PackedIndex } from "./index-transfer.ts";
import { KamusIndex } from "./kamus-index.ts";
import { defaultLanguageData } from "./language-data.ts";
import { decideNothingFits, type FitFeatures } from "./nothing-fits.ts";
import { defaultMatcherOptions, type MatcherOptions } from "./options.ts";
import { Scorer } from "./scorer.ts";
import type { KamusDoc, KamusMatch, KamusMatcher, LearnedPhraseDoc, MatchResult } from "./types.ts";

export { defaultMatcherOptions, type FieldName, type MatcherOptions } from "./options.ts";

/** A matcher that can also show the numbers behind its answers (for the bench, tuning and officers' questions). */
export interface InspectableMatcher extends KamusMatcher {
  /** The best `top` entries without the "nothing fits" decision, and the features that decision uses. */
  inspect(text: string, top?: number): { matches: KamusMatch[]; features: FitFeatures };
  /** Why an entry scores what it scores: each message term's and concept's share, e.g. `{ "pju": 4.1, "+darkness": 2 }`. */
  explain(text: string, kode: string): Record<string, number>;
}

let sharedAnalyzer: Analyzer | undefined;

/** Messages that exercise every step of a query (typo, concept, landmark, sizes, cue), used to warm up. */
const WARM_UP = [
  "jln gg kami rusak parah blm prnh diaspal, kl ujan becek, pjg 60 m lbr 1,5 m",
  "lampu jalan depan masjid mati, gelap bgt",
  "plthn menjahit buat ibu2 yg pengen usaha",
  "hp saya rusak minta dibeliin",
];

/** How much of a message `match` reads (characters). */
export const maxTextLength = 2000;

/**
 * Builds a matcher over `entries` and their learned phrases, e.g.
 * `buildMatcher(entries, learned).match("gang kami becek, minta dicor", { top: 3 })`. Scores are in units of one
 * typical word found in an entry's name; a later entry with the same kode replaces an earlier one.
 */
export function buildMatcher(
  entries: readonly KamusDoc[],
  learned: readonly LearnedPhraseDoc[] = [],
  options: Partial<MatcherOptions> = {},
): InspectableMatcher {
  const opts: MatcherOptions = { ...defaultMatcherOptions, ...options };
  const analyzer = analyzerFor(opts);
  return matcherOver(new KamusIndex(entries, learned, analyzer, opts), analyzer, opts);
}

/** The index of a kamus with the default options, packed to be sent to another thread (a worker builds it). */
export function packedKamusIndex(entries: readonly KamusDoc[], learned: readonly LearnedPhraseDoc[]): PackedIndex {
  return packIndex(new KamusIndex(entries, learned, analyzerFor(defaultMatcherOptions), defaultMatcherOptions));
}

/** The matcher over an index `packedKamusIndex` built in another thread. */
export function matcherFromPacked(data: PackedIndex): InspectableMatcher {
  const analyzer = analyzerFor(defaultMatcherOptions);
  return matcherOver(unpackIndex(data, analyzer, defaultMatcherOptions), analyzer, defaultMatcherOptions);
}

function analyzerFor(opts: MatcherOptions): Analyzer {
  return (
    opts.analyzer ??
    (opts.language ? new Analyzer(opts.language) : (sharedAnalyzer ??= new Analyzer(defaultLanguageData())))
  );
}

function matcherOver(k: KamusIndex, analyzer: Analyzer, opts: MatcherOptions): InspectableMatcher {
  const scorer = new Scorer(k, opts);
  // A proposal fits in a few sentences; a 10,000-character paste is read up to this length to keep `match` fast.
  const query = (text: string) =>
    analyzer.query(text.length > maxTextLength ? text.slice(0, maxTextLength) : text, k.correct);
  const toMatch = (r: { doc: number; score: number }): KamusMatch => ({
    entry: k.docs[r.doc]!,
    score: r.score / k.unit,
  });

  // Run the query path a few times now, so the first resident does not pay for the JIT compiling it.
  for (const text of WARM_UP) scorer.features(query(text), scorer.rank(query(text), 3));

  return {
    match(text: string, { top = 3 }: { top?: number } = {}): MatchResult {
      const q = query(text);
      const ranked = scorer.rank(q, Math.max(1, top));
      if (!ranked.length) return { matches: [] };
      if (opts.nothingFits && decideNothingFits(scorer.features(q, ranked), opts.nothingFits)) return { matches: [] };
      return { matches: ranked.map(toMatch) };
    },
    learn(phrase: LearnedPhraseDoc): void {
      k.learn(phrase);
    },
    entry(kode: string): KamusDoc | undefined {
      const d = k.positionOf(kode);
      return d === undefined ? undefined : k.docs[d];
    },
    size: k.docs.length,
    explain(text: string, kode: string): Record<string, number> {
      const d = k.positionOf(kode);
      return d === undefined ? {} : scorer.shares(query(text), d);
    },
    inspect(text: string, top = 5) {
      const q = query(text);
      const ranked = scorer.rank(q, top);
      return { matches: ranked.map(toMatch), features: scorer.features(q, ranked) };
    },
  };
}
