// The searchable form of a kamus: the BM25F index over each entry's fields plus what scoring needs besides words
// (kinds of activity, size limits, the typo vocabulary, concept values) and the learned wordings, which can be
// added live without changing the index.
import type { Analyzer } from "./analyzer.ts";
import { Bm25fIndex } from "./bm25f.ts";
import { ConceptValues } from "./concept-values.ts";
import { FuzzyVocabulary } from "./fuzzy.ts";
import { LearnedWordings } from "./learned-wordings.ts";
import { fieldOrder, type MatcherOptions } from "./options.ts";
import { limitsOf, type Limits } from "./quantities.ts";
import type { KamusDoc, LearnedPhraseDoc } from "./types.ts";

/** The indexed kamus; built once per kamus (and rebuilt after an import). */
export class KamusIndex {
  /** Entries by position; a later entry with the same kode replaced an earlier one. */
  readonly docs: KamusDoc[];
  readonly index: Bm25fIndex;
  /** Per kind of activity (training, upkeep...): its score factor and the entries whose name announces it. */
  readonly modeDocs = new Map<string, { factor: number; docs: number[] }>();
  /** Size limits per entry, and the entries that have any. */
  readonly limits: Limits[];
  readonly limited: number[];
  /** Per entry: the largest size number its name states ("Gorong-gorong Diameter 40 cm": 40), if any. */
  readonly sizes: (number | undefined)[] = [];
  readonly concepts: ConceptValues;
  /** The score of one typical word found once in an entry's name (see `scoreUnit`). */
  readonly unit: number;
  /** What officers and residents filed before (see learned-wordings.ts). */
  readonly learned: LearnedWordings;
  /** Maps a word the index has never seen to a known stem, when typo repair is on. */
  readonly correct?: (surface: string, stem: string) => string | undefined;
  private readonly position = new Map<string, number>();
  /** The typo vocabulary behind `correct`. */
  private readonly fuzzy?: FuzzyVocabulary;
  /** The median idf of the index's terms (what an everyday word of the language data weighs when learned). */
  private readonly medianIdf: number;

  constructor(
    entries: readonly KamusDoc[],
    learned: readonly LearnedPhraseDoc[],
    readonly analyzer: Analyzer,
    private readonly opts: MatcherOptions,
  ) {
    const byKode = new Map<string, KamusDoc>();
    for (const e of entries) byKode.set(e.kode, e);
    this.docs = [...byKode.values()];
    this.docs.forEach((e, i) => this.position.set(e.kode, i));
    this.index = new Bm25fIndex(
      fieldOrder.map((name) => ({ name, ...opts.fields[name] })),
      opts.k1,
    );
    const surfaces = new Map(analyzer.knownSurfaces);
    // Sub-kegiatan, kegiatan, program, agency and requirements repeat across entries: analyse each text once.
    const analysed = new Map<string, string[]>();
    const termsOf = (text: string | null | undefined, typoTargets = false) => {
      if (!text) return [];
      let terms = analysed.get(text);
      if (!terms) {
        analysed.set(text, (terms = analyzer.documentTerms(text)));
        // Words of names and sub-kegiatan are what residents misspell; requirements' words would only add noise.
        if (typoTargets) for (const [s, stem] of analyzer.surfaces(text)) surfaces.set(s, stem);
      }
      return terms;
    };
    const limitsOfText = new Map<string, Limits>();
    this.limits = this.docs.map((e, d) => {
      const name = analyzer.entryName(e.nama);
      const numbers = name.terms.filter((t) => /^\d+(\.\d+)?$/.test(t)).map(Number);
      this.sizes[d] = numbers.length ? Math.max(...numbers) : undefined;
      for (const [s, stem] of name.surfaces) surfaces.set(s, stem);
      for (const { mode, factor } of name.modes) {
        const m = this.modeDocs.get(mode) ?? { factor, docs: [] };
        m.docs.push(d);
        this.modeDocs.set(mode, m);
      }
      const agency = [e.agency, e.urusan].filter(Boolean).join(" ");
      this.index.add([
        name.terms,
        analyzer.phraseParts(name.terms),
        termsOf(e.subKegiatan, true),
        termsOf(e.kegiatan),
        termsOf(e.program),
        termsOf(agency),
        termsOf(e.requirements),
      ]);
      const requirements = e.requirements ?? "";
      let fromRequirements = limitsOfText.get(requirements);
      if (!fromRequirements) limitsOfText.set(requirements, (fromRequirements = limitsOf("", requirements)));
      return { ...fromRequirements, ...limitsOf(e.nama, null) };
    });
    this.limited = this.limits.flatMap((l, d) => (Object.keys(l).length ? [d] : []));
    this.index.finish();
    this.unit = scoreUnit(this.index, opts);
    // A word no entry has is rare if nobody knows it ("odong odong": what learning is for), but an everyday word
    // of the language data ("gang", "warga") says little about which entry: it weighs a median word.
    this.medianIdf = medianOf([...this.index.terms()].map((t) => this.index.idf(t)));
    this.learned = new LearnedWordings((t) => this.learnedIdf(t), this.index.idf(""));
    for (const l of learned) {
      const d = this.position.get(l.kode);
      if (d !== undefined) this.remember(d, l);
    }
    this.concepts = new ConceptValues(this.index);
    // Computed now rather than on the first message that fires them: the build has the time budget.
    for (const c of analyzer.allConcepts()) this.concepts.vector(c);
    if (opts.fuzzy) {
      // The index's own one-word terms are targets too: "uditch" exists only as the synonym term of "U-Ditch".
      for (const t of this.index.terms()) if (/^[a-z]{4,}$/.test(t) && !surfaces.has(t)) surfaces.set(t, t);
      this.fuzzy = new FuzzyVocabulary(surfaces);
    }
    this.correct = this.corrector();
  }

  /**
   * Makes the functions again after the index came from another thread as plain data (see index-transfer.ts),
   * over this thread's analyser and the options it was built with.
   */
  revive(analyzer: Analyzer, opts: MatcherOptions): this {
    Object.assign(this, { analyzer, opts, correct: this.corrector() });
    Object.assign(this.learned, { idf: (t: string) => this.learnedIdf(t) });
    return this;
  }

  private learnedIdf(t: string): number {
    if (this.index.has(t)) return this.index.idf(t);
    return this.analyzer.isKnown(t) ? this.medianIdf : this.index.idf(t);
  }

  private corrector(): ((surface: string, stem: string) => string | undefined) | undefined {
    const fuzzy = this.fuzzy;
    if (!fuzzy) return undefined;
    return (surface, stem) => (this.index.has(stem) || this.learned.has(stem) ? undefined : fuzzy.repair(surface));
  }

  /** The position of the entry `kode`, if any. */
  positionOf(kode: string): number | undefined {
    return this.position.get(kode);
  }

  /** Adds a learned phrase to its entry (throws for an unknown kode), exactly as a matcher built with it holds it. */
  learn(phrase: LearnedPhraseDoc): void {
    const d = this.position.get(phrase.kode);
    if (d === undefined) throw new Error(`No kamus entry with kode "${phrase.kode}" to learn "${phrase.phrase}" for`);
    this.remember(d, phrase);
  }

  /**
   * Records a wording for entry d, its words weighed as in a message (an officer's wording is read like a resident's
   * message, so the same text is the same vector); false when it has no words.
   */
  private remember(d: number, l: LearnedPhraseDoc): boolean {
    const uses = Math.max(1, Math.floor(l.uses ?? 1));
    return this.learned.add(this.analyzer.query(l.phrase).terms, d, uses, this.opts.learned.sharpness);
  }
}

/**
 * The score of one typical word found once in an entry's name: the median idf times the saturated weight of a
 * name hit. Scores and "nothing fits" thresholds are in this unit, so they mean the same for 60 or 3,000 entries.
 */
function scoreUnit(index: Bm25fIndex, opts: MatcherOptions): number {
  const median = medianOf([...index.terms()].map((t) => index.idf(t)));
  const w = opts.fields.name.weight;
  return (median * (w * (opts.k1 + 1))) / (w + opts.k1);
}

/** The median of `xs` (1 when empty). */
function medianOf(xs: number[]): number {
  return xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 1;
}
