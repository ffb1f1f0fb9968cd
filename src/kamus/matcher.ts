// The kamus matcher: indexes the entries (BM25F over name, sub-kegiatan, kegiatan, program, agency,
// requirements and learned phrases) and ranks them for a resident's message, or decides nothing fits.
// Building takes a few milliseconds per hundred entries; `match` is synchronous and sub-millisecond.
import { Analyzer, type AnalyzedQuery, type FiredConcept } from "./analyzer.ts";
import { Bm25fIndex, type FieldSpec } from "./bm25f.ts";
import { FuzzyVocabulary } from "./fuzzy.ts";
import { defaultLanguageData, type LanguageData } from "./language-data.ts";
import { decideNothingFits, defaultNothingFits, type FitFeatures, type NothingFitsOptions } from "./nothing-fits.ts";
import { fitOf, limitsOf } from "./quantities.ts";
import type { KamusDoc, KamusMatch, KamusMatcher, LearnedPhraseDoc, MatchResult } from "./types.ts";

/** Tuning of the matcher; every field has a default (see `defaultMatcherOptions`). */
export interface MatcherOptions {
  /** Score change per requirement a proposal meets (+) or breaks (−), e.g. a 90 m² road vs "minimal 200 m²". */
  fit: { meet: number; break: number };
  /** Field weights and length normalisation; `learned` holds confirmed phrases. */
  fields: Record<FieldName, { weight: number; b: number }>;
  /** BM25 term-frequency saturation. */
  k1: number;
  /** Multiplies every concept weight of intents/kamus/concepts.yaml (0 turns concept expansion off). */
  conceptScale: number;
  /** Score down entries of a kind of activity the message does not ask for (intents/kamus/modes.yaml). */
  modes: boolean;
  /** Repair unknown words against the kamus vocabulary (typos, vowel-less abbreviations). */
  fuzzy: boolean;
  /** The "nothing fits" decision; `false` always returns the best entries. */
  nothingFits: NothingFitsOptions | false;
  /** Language data; default: the project's intents/ files. */
  language?: LanguageData;
  /** A shared analyser (saves rebuilding it for every matcher); must match `language`. */
  analyzer?: Analyzer;
}

/** The indexed fields, strongest first. */
export type FieldName = "name" | "parts" | "subKegiatan" | "kegiatan" | "program" | "agency" | "requirements" | "learned";

/** Defaults tuned on half of the dev set and checked on the other half (see bench/match.ts). */
export const defaultMatcherOptions: MatcherOptions = {
  fields: {
    name: { weight: 3, b: 0.5 },
    parts: { weight: 1, b: 0.5 },
    subKegiatan: { weight: 1, b: 0.5 },
    kegiatan: { weight: 0.6, b: 0.5 },
    program: { weight: 0.3, b: 0.5 },
    agency: { weight: 0.3, b: 0.3 },
    requirements: { weight: 0.3, b: 0.75 },
    learned: { weight: 3, b: 0 },
  },
  k1: 1.2,
  fit: { meet: 0.05, break: 0.25 },
  conceptScale: 1.5,
  modes: true,
  fuzzy: true,
  nothingFits: defaultNothingFits,
};

const FIELD_ORDER: FieldName[] = ["name", "parts", "subKegiatan", "kegiatan", "program", "agency", "requirements", "learned"];
const LEARNED = FIELD_ORDER.indexOf("learned");

function fieldTexts(e: KamusDoc): string[] {
  return [
    e.nama,
    e.subKegiatan ?? "",
    e.kegiatan ?? "",
    e.program ?? "",
    [e.agency, e.urusan].filter(Boolean).join(" "),
    e.requirements ?? "",
  ];
}

let sharedAnalyzer: Analyzer | undefined;

/**
 * The score of one typical word found once in an entry's name: the median idf times the saturated weight of a
 * name hit. "Nothing fits" thresholds are in this unit, so they hold for a 60-entry and a 3,000-entry kamus.
 */
function scoreUnit(index: Bm25fIndex, opts: MatcherOptions): number {
  const idfs = [...index.terms()].map((t) => index.idf(t)).sort((a, b) => a - b);
  const median = idfs[Math.floor(idfs.length / 2)] ?? 1;
  const w = opts.fields.name.weight;
  return (median * (w * (opts.k1 + 1))) / (w + opts.k1);
}

/** A matcher that can also show the numbers behind its "nothing fits" decision (for the bench and tuning). */
export interface InspectableMatcher extends KamusMatcher {
  /** The best `top` entries without the "nothing fits" decision, and the features that decision uses. */
  inspect(text: string, top?: number): { matches: KamusMatch[]; features: FitFeatures };
  /** Why an entry scores what it scores: each query term's share, e.g. `{ "pju": 4.1, "jalan": 0.8 }`. */
  explain(text: string, kode: string): Record<string, number>;
}

/** Builds a matcher over `entries` (a later entry with the same kode replaces an earlier one). */
export function buildMatcher(
  entries: readonly KamusDoc[],
  learned: readonly LearnedPhraseDoc[] = [],
  options: Partial<MatcherOptions> = {},
): InspectableMatcher {
  const opts: MatcherOptions = { ...defaultMatcherOptions, ...options };
  const analyzer =
    opts.analyzer ?? (opts.language ? new Analyzer(opts.language) : (sharedAnalyzer ??= new Analyzer(defaultLanguageData())));
  const byKode = new Map<string, KamusDoc>();
  for (const e of entries) byKode.set(e.kode, e);
  const docs = [...byKode.values()];
  const docIndex = new Map(docs.map((e, i) => [e.kode, i]));

  const specs: FieldSpec[] = FIELD_ORDER.map((name) => ({ name, ...opts.fields[name] }));
  const index = new Bm25fIndex(specs, opts.k1);
  // Each learned word counts once per entry, however many phrases repeat it.
  const learnedTerms: Set<string>[] = docs.map(() => new Set());
  for (const l of learned) {
    const d = docIndex.get(l.kode);
    if (d !== undefined) for (const t of analyzer.documentTerms(l.phrase)) learnedTerms[d]!.add(t);
  }
  const surfaces = new Map(analyzer.knownSurfaces);
  // Agency, program, kegiatan and requirements repeat across entries: analyse each distinct text once.
  const analysed = new Map<string, string[]>();
  const termsOf = (text: string) => {
    let terms = analysed.get(text);
    if (!terms) analysed.set(text, (terms = analyzer.documentTerms(text)));
    return terms;
  };
  const seen = new Set<string>();
  docs.forEach((e, d) => {
    const texts = fieldTexts(e);
    for (const text of texts.slice(0, 2)) {
      if (seen.has(text)) continue;
      seen.add(text);
      for (const [s, stem] of analyzer.surfaces(text)) surfaces.set(s, stem);
    }
    const [name, ...rest] = texts.map(termsOf);
    index.add([name!, analyzer.phraseParts(name!), ...rest, [...learnedTerms[d]!]]);
  });
  index.finish();
  const unit = scoreUnit(index, opts);
  // Entries per kind of activity their name announces (training, upkeep...), scored down unless asked for.
  const modeDocs = new Map<string, { factor: number; docs: number[] }>();
  docs.forEach((e, d) => {
    for (const { mode, factor } of analyzer.entryModes(e.nama)) {
      const m = modeDocs.get(mode) ?? { factor, docs: [] };
      m.docs.push(d);
      modeDocs.set(mode, m);
    }
  });
  const limits = docs.map((e) => limitsOf(e.nama, e.requirements));
  const limited = limits.flatMap((l, d) => (Object.keys(l).length ? [d] : []));

  const fuzzy = opts.fuzzy ? new FuzzyVocabulary(surfaces) : undefined;
  const correct = fuzzy
    ? (surface: string, stem: string) => (index.has(stem) ? undefined : fuzzy.repair(surface))
    : undefined;
  const scores = new Float64Array(docs.length);
  const phraseScore = new Float64Array(docs.length);
  const conceptScore = new Float64Array(docs.length);

  /** A concept phrase's value for one document: the mean of its terms' idf × saturated tf. */
  function phraseValue(phrase: readonly string[], doc: number): number {
    let sum = 0;
    for (const t of phrase) sum += index.idf(t) * index.value(t, doc);
    return sum / phrase.length;
  }

  /** A fired concept's value for one document: its best phrase. */
  function conceptValue(c: FiredConcept, doc: number): number {
    let best = 0;
    for (const p of c.phrases) best = Math.max(best, phraseValue(p, doc));
    return best;
  }

  /**
   * A concept's value for every entry (its best phrase), computed on first use and kept: it depends on the
   * index, not on the message. `learn` changes the index, so it empties this cache.
   */
  const conceptCache = new Map<number, { docs: Int32Array; values: Float64Array }>();
  function conceptVector(c: FiredConcept): { docs: Int32Array; values: Float64Array } {
    const cached = conceptCache.get(c.id);
    if (cached) return cached;
    const inConcept: number[] = [];
    for (const phrase of c.phrases) {
      const inPhrase: number[] = [];
      for (const term of phrase) {
        const p = index.posting(term);
        if (!p) continue;
        const idf = p.idf / phrase.length;
        const { docs: ds, values } = p;
        for (let i = 0; i < ds.length; i++) {
          const d = ds[i]!;
          if (phraseScore[d] === 0) inPhrase.push(d);
          phraseScore[d]! += idf * values[i]!;
        }
      }
      for (const d of inPhrase) {
        if (phraseScore[d]! > conceptScore[d]!) {
          if (conceptScore[d] === 0) inConcept.push(d);
          conceptScore[d] = phraseScore[d]!;
        }
        phraseScore[d] = 0;
      }
    }
    inConcept.sort((a, b) => a - b);
    const vector = { docs: Int32Array.from(inConcept), values: Float64Array.from(inConcept, (d) => conceptScore[d]!) };
    for (const d of inConcept) conceptScore[d] = 0;
    conceptCache.set(c.id, vector);
    return vector;
  }

  // Computed now rather than on a resident's first message that fires them: the build has the time budget.
  for (const c of analyzer.allConcepts()) conceptVector(c);

  /**
   * Adds every fired concept's weight × best-phrase value to `scores`; modifiers (damage level, new or existing)
   * last, and only to entries that already have a score, so "jebol" alone never pulls up "Rehab SD".
   */
  function addConcepts(q: AnalyzedQuery): void {
    for (const modifiers of [false, true]) {
      for (const c of q.concepts) {
        const w = c.weight * opts.conceptScale;
        if (w <= 0 || c.modifier !== modifiers) continue;
        const { docs: ds, values } = conceptVector(c);
        for (let i = 0; i < ds.length; i++) if (!modifiers || scores[ds[i]!]! > 0) scores[ds[i]!]! += w * values[i]!;
      }
    }
  }

  function rank(q: AnalyzedQuery, top: number): { doc: number; score: number }[] {
    scores.fill(0);
    for (const [term, weight] of q.terms) index.accumulate(term, weight, scores);
    addConcepts(q);
    if (opts.modes) {
      for (const [mode, { factor, docs: ds }] of modeDocs) {
        if (!q.modes.has(mode)) for (const d of ds) scores[d]! *= factor;
      }
    }
    if (Object.keys(q.quantities).length) {
      for (const d of limited) {
        const fit = fitOf(q.quantities, limits[d]!);
        if (fit > 0) scores[d]! *= 1 + opts.fit.meet * fit;
        else if (fit < 0) scores[d]! *= Math.max(0.2, 1 + opts.fit.break * fit);
      }
    }
    // Keep the best `top` in order while scanning; ties keep catalogue order.
    const best: { doc: number; score: number }[] = [];
    let floor = 0;
    for (let d = 0; d < scores.length; d++) {
      const s = scores[d]!;
      if (s <= floor) continue;
      let i = best.length;
      while (i > 0 && best[i - 1]!.score < s) i--;
      best.splice(i, 0, { doc: d, score: s });
      if (best.length > top) best.pop();
      if (best.length === top) floor = best[top - 1]!.score;
    }
    return best;
  }

  function features(q: AnalyzedQuery, ranked: { doc: number; score: number }[]): FitFeatures {
    const top = ranked[0];
    const explainedSources = new Set<string>();
    if (top) {
      for (const term of q.terms.keys()) if (index.value(term, top.doc) > 0) explainedSources.add(term);
      for (const c of q.concepts) if (conceptValue(c, top.doc) > 0) c.sources.forEach((s) => explainedSources.add(s));
    }
    let total = 0;
    let explained = 0;
    let unknown = 0;
    for (const [t, weight] of q.terms) {
      if (/^\d/.test(t)) continue;
      // A word nobody knows (not in the kamus, the language data or the dictionary) is most likely a name.
      if (!index.has(t) && !analyzer.isKnown(t)) {
        unknown++;
        continue;
      }
      const idf = index.idf(t) * weight;
      total += idf;
      if (explainedSources.has(t)) explained += idf;
    }
    return {
      score: (top?.score ?? 0) / unit,
      second: (ranked[1]?.score ?? 0) / unit,
      coverage: total > 0 ? explained / total : 0,
      words: q.original.length,
      unknown,
      cues: q.cues.length,
      unexplainedCues: top ? q.cues.filter((c) => c.terms.some((t) => index.value(t, top.doc) === 0)).length : q.cues.length,
    };
  }

  return {
    match(text: string, { top = 3 }: { top?: number } = {}): MatchResult {
      const q = analyzer.query(text, correct);
      const ranked = rank(q, Math.max(1, top));
      if (!ranked.length) return { matches: [] };
      if (opts.nothingFits && decideNothingFits(features(q, ranked), opts.nothingFits)) return { matches: [] };
      const matches: KamusMatch[] = ranked.slice(0, top).map((r) => ({ entry: docs[r.doc]!, score: r.score / unit }));
      return { matches };
    },
    learn(phrase: LearnedPhraseDoc): void {
      const d = docIndex.get(phrase.kode);
      if (d === undefined) throw new Error(`No kamus entry with kode "${phrase.kode}" to learn "${phrase.phrase}" for`);
      for (const t of analyzer.documentTerms(phrase.phrase)) learnedTerms[d]!.add(t);
      index.setField(d, LEARNED, [...learnedTerms[d]!]);
      // The entry's learned words can carry concept phrases, and idf changed: recompute lazily.
      conceptCache.clear();
    },
    entry(kode: string): KamusDoc | undefined {
      return byKode.get(kode);
    },
    explain(text: string, kode: string) {
      const d = docIndex.get(kode);
      const q = analyzer.query(text, correct);
      const out: Record<string, number> = {};
      if (d === undefined) return out;
      const round = (v: number) => Math.round(v * 100) / 100;
      for (const [term, weight] of q.terms) out[term] = round(index.value(term, d) * index.idf(term) * weight);
      for (const c of q.concepts) out[`+${c.name}`] = round(conceptValue(c, d) * c.weight * opts.conceptScale);
      return out;
    },
    inspect(text: string, top = 5) {
      const q = analyzer.query(text, correct);
      const ranked = rank(q, top);
      return {
        matches: ranked.map((r) => ({ entry: docs[r.doc]!, score: r.score / unit })),
        features: features(q, ranked),
      };
    },
  };
}
