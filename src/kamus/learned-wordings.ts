// What officers and residents filed before: each learned wording (an officer's "Kebersihan Lingkungan", a
// resident's confirmed "odong odong") with the entries it was filed to. A message scores an entry by how similar it
// is to that entry's wordings, the words weighed by their idf in the kamus: a wording counts as much as it says
// about this message. "Jalan Rusak" filed to road maintenance lends little to "jalan aspal retak rambut, minta
// dilapis" (only the common word "jalan" is shared) and everything to "jalan rusak RT 3" (the same wording).
// The kamus index itself never changes by learning, so a matcher taught live equals one rebuilt with the phrases.

/** One learned wording: its term vector (query weights × idf) and the entries it was filed to, with uses. */
interface Wording {
  vector: Map<string, number>;
  norm: number;
  /** The exponent its similarity is raised to: `sharpness` / specificity (see `add`). */
  exponent: number;
  entries: Map<number, number>;
}

/** A wording's specificity is at least this (its exponent at most sharpness × 5). */
const MIN_SPECIFICITY = 0.2;

/** How learned wordings count; see `defaultMatcherOptions.learned`. */
export interface LearnedOptions {
  /** Score, in typical-word units, of a message that *is* a wording filed once to one entry. 0 turns learning off. */
  weight: number;
  /**
   * Similarity is raised to this power divided by the wording's specificity: a message must be the closer to a
   * wording the more common its words are in the kamus ("lampu jalan" is in every street-light entry).
   */
  sharpness: number;
  /** Wordings less similar than this (cosine) are ignored. */
  minSimilarity: number;
}

/** Learned wordings with an inverted index by term. */
export class LearnedWordings {
  private readonly wordings: Wording[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly byTerm = new Map<string, number[]>();
  /** Per entry: the terms of its wordings (explains a message's words for "nothing fits"). */
  private readonly termsOf = new Map<number, Set<string>>();
  /** Reused per query: similarity of each wording that shares a term with it. */
  private readonly dot = new Map<number, number>();

  /** `idf`: a term's idf in the kamus; `maxIdf`: the idf of a term no entry has. */
  constructor(
    private readonly idf: (term: string) => number,
    private readonly maxIdf: number,
  ) {}

  /** True when no wording was learned. */
  get empty(): boolean {
    return this.wordings.length === 0;
  }

  /** True when some learned wording has `term` (a word officers use is no typo and no name). */
  has(term: string): boolean {
    return this.byTerm.has(term);
  }

  /** True when a wording filed to `doc` has `term`. */
  explains(term: string, doc: number): boolean {
    return this.termsOf.get(doc)?.has(term) ?? false;
  }

  /**
   * Records `uses` filings of a wording (its weighed terms, numbers left out) to entry `doc`; false when it has no
   * words. The same terms filed again count more uses. Its specificity is the weighed mean of idf / maxIdf of its
   * words: 1 for words no entry has ("odong odong"), about 0.4 for words many entries share ("lampu jalan").
   */
  add(terms: ReadonlyMap<string, number>, doc: number, uses: number, sharpness: number): boolean {
    const vector = new Map<string, number>();
    let weights = 0;
    let specific = 0;
    for (const [t, w] of terms) {
      if (/^\d/.test(t)) continue;
      const idf = this.idf(t);
      vector.set(t, w * idf);
      weights += w;
      specific += (w * idf) / this.maxIdf;
    }
    if (!vector.size) return false;
    const key = [...vector.keys()].sort().join("|");
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.wordings.length;
      const norm = Math.sqrt([...vector.values()].reduce((s, v) => s + v * v, 0));
      const exponent = sharpness / Math.max(MIN_SPECIFICITY, specific / weights);
      this.wordings.push({ vector, norm, exponent, entries: new Map() });
      this.byKey.set(key, id);
      for (const t of vector.keys()) {
        const list = this.byTerm.get(t);
        if (list) list.push(id);
        else this.byTerm.set(t, [id]);
      }
    }
    const w = this.wordings[id]!;
    w.entries.set(doc, (w.entries.get(doc) ?? 0) + uses);
    const own = this.termsOf.get(doc) ?? new Set<string>();
    for (const t of vector.keys()) own.add(t);
    this.termsOf.set(doc, own);
    return true;
  }

  /**
   * Adds to `scores` what the learned wordings lend each entry for a message (`terms`: its weighed terms): for the
   * entry's best wording, filed u times to it, `unit × weight × similarity^exponent × 2u/(u + 1)`. A message that is
   * a wording filed once scores `weight`; filed three times, 1.5 × `weight`; a wording that shares little with the
   * message lends little however often it was filed, and many similar wordings do not pile up.
   */
  accumulate(terms: ReadonlyMap<string, number>, o: LearnedOptions, unit: number, scores: Float64Array): void {
    if (this.empty || o.weight <= 0) return;
    for (const [d, support] of this.support(terms, o)) scores[d]! += o.weight * unit * support;
  }

  /** The best similarity^exponent × 2u/(u + 1) of every entry some similar wording was filed to (see `accumulate`). */
  support(terms: ReadonlyMap<string, number>, o: LearnedOptions): Map<number, number> {
    const { dot } = this;
    dot.clear();
    let norm = 0;
    for (const [t, weight] of terms) {
      if (/^\d/.test(t)) continue;
      const q = weight * this.idf(t);
      norm += q * q;
      for (const id of this.byTerm.get(t) ?? [])
        dot.set(id, (dot.get(id) ?? 0) + q * this.wordings[id]!.vector.get(t)!);
    }
    const out = new Map<number, number>();
    if (!dot.size) return out;
    norm = Math.sqrt(norm);
    for (const [id, product] of dot) {
      const w = this.wordings[id]!;
      const similarity = product / (norm * w.norm);
      if (similarity < o.minSimilarity) continue;
      const s = similarity ** w.exponent;
      for (const [d, uses] of w.entries) out.set(d, Math.max(out.get(d) ?? 0, (s * 2 * uses) / (uses + 1)));
    }
    return out;
  }
}
