// The searchable form of a kamus: the BM25F index over each entry's fields plus what scoring needs besides words
// (kinds of activity, size limits, the typo vocabulary, concept values). Learned phrases can be added live.
import type { Analyzer } from "./analyzer.ts";
import { Bm25fIndex } from "./bm25f.ts";
import { ConceptValues } from "./concept-values.ts";
import { FuzzyVocabulary } from "./fuzzy.ts";
import { fieldOrder, type MatcherOptions } from "./options.ts";
import { limitsOf, type Limits } from "./quantities.ts";
import type { KamusDoc, LearnedPhraseDoc } from "./types.ts";

const LEARNED = fieldOrder.indexOf("learned");
/** A wording filed n times repeats its words up to this many times in the learned field (BM25 saturates anyway). */
const MAX_REPEAT = 8;

/** The identity of a wording: its distinct terms, numbers left out ("Jalan rusak RT 3" = "jalan rusak"). */
export function wordingKey(terms: Iterable<string>): string {
  return [...new Set([...terms].filter((t) => !/^\d/.test(t)))].sort().join("|");
}

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
  readonly concepts: ConceptValues;
  /** The score of one typical word found once in an entry's name (see `scoreUnit`); follows learned phrases. */
  unit: number;
  /** Learned wordings (see `wordingKey`) → entry → how many times they were filed to it. */
  readonly wordings = new Map<string, Map<number, number>>();
  /** Maps a word the index has never seen to a known stem, when typo repair is on. */
  readonly correct?: (surface: string, stem: string) => string | undefined;
  private readonly position = new Map<string, number>();
  /** Per entry: its learned wordings (by `wordingKey`) with their terms and uses. */
  private readonly learned: Map<string, { terms: string[]; uses: number }>[];

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
      // Learned phrases arrive live: without length normalisation a live-learned entry equals a rebuilt one.
      fieldOrder.map((name) => ({ name, ...opts.fields[name], ...(name === "learned" ? { b: 0 } : {}) })),
      opts.k1,
    );
    this.learned = this.docs.map(() => new Map<string, { terms: string[]; uses: number }>());
    for (const l of learned) {
      const d = this.position.get(l.kode);
      if (d !== undefined) this.remember(d, l);
    }
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
        this.learnedField(d),
      ]);
      const requirements = e.requirements ?? "";
      let fromRequirements = limitsOfText.get(requirements);
      if (!fromRequirements) limitsOfText.set(requirements, (fromRequirements = limitsOf("", requirements)));
      return { ...fromRequirements, ...limitsOf(e.nama, null) };
    });
    this.limited = this.limits.flatMap((l, d) => (Object.keys(l).length ? [d] : []));
    this.index.finish();
    this.unit = scoreUnit(this.index, opts);
    this.concepts = new ConceptValues(this.index);
    // Computed now rather than on the first message that fires them: the build has the time budget.
    for (const c of analyzer.allConcepts()) this.concepts.vector(c);
    if (opts.fuzzy) {
      // The index's own one-word terms are targets too: "uditch" exists only as the synonym term of "U-Ditch".
      for (const t of this.index.terms()) if (/^[a-z]{4,}$/.test(t) && !surfaces.has(t)) surfaces.set(t, t);
      const fuzzy = new FuzzyVocabulary(surfaces);
      this.correct = (surface, stem) => (this.index.has(stem) ? undefined : fuzzy.repair(surface));
    }
  }

  /** The position of the entry `kode`, if any. */
  positionOf(kode: string): number | undefined {
    return this.position.get(kode);
  }

  /**
   * Adds a learned phrase to its entry (throws for an unknown kode). The index ends up exactly as one built with the
   * phrase: the learned field has no length normalisation (b = 0) and the score unit is recomputed.
   */
  learn(phrase: LearnedPhraseDoc): void {
    const d = this.position.get(phrase.kode);
    if (d === undefined) throw new Error(`No kamus entry with kode "${phrase.kode}" to learn "${phrase.phrase}" for`);
    if (!this.remember(d, phrase)) return;
    this.index.setField(d, LEARNED, this.learnedField(d));
    this.unit = scoreUnit(this.index, this.opts);
    // The entry's learned words may belong to concept phrases, and idf changed.
    this.concepts.clear();
  }

  /** Records a wording for entry d; false when it has no words. */
  private remember(d: number, l: LearnedPhraseDoc): boolean {
    const terms = this.analyzer.documentTerms(l.phrase);
    const key = wordingKey(terms);
    if (!key) return false;
    const uses = Math.max(1, Math.floor(l.uses ?? 1));
    const known = this.learned[d]!.get(key);
    if (known) known.uses += uses;
    else this.learned[d]!.set(key, { terms: [...new Set(terms)], uses });
    const byDoc = this.wordings.get(key) ?? new Map<number, number>();
    byDoc.set(d, (byDoc.get(d) ?? 0) + uses);
    this.wordings.set(key, byDoc);
    return true;
  }

  /**
   * The learned field of entry d: each word once per use of the most-filed wording that has it, so one wording
   * filed three times outweighs one filed once, while many different wordings sharing "jalan" do not pile it up.
   */
  private learnedField(d: number): string[] {
    const most = new Map<string, number>();
    for (const { terms, uses } of this.learned[d]!.values())
      for (const t of terms) most.set(t, Math.max(most.get(t) ?? 0, uses));
    const out: string[] = [];
    for (const [t, n] of most) for (let i = 0; i < Math.min(n, MAX_REPEAT); i++) out.push(t);
    return out;
  }
}

/**
 * The score of one typical word found once in an entry's name: the median idf times the saturated weight of a
 * name hit. Scores and "nothing fits" thresholds are in this unit, so they mean the same for 60 or 3,000 entries.
 */
function scoreUnit(index: Bm25fIndex, opts: MatcherOptions): number {
  const idfs = [...index.terms()].map((t) => index.idf(t)).sort((a, b) => a - b);
  const median = idfs[Math.floor(idfs.length / 2)] ?? 1;
  const w = opts.fields.name.weight;
  return (median * (w * (opts.k1 + 1))) / (w + opts.k1);
}
