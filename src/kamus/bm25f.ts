// BM25F over the fields of kamus entries: a term's frequency is summed over fields with field weights and
// per-field length normalisation, then saturated once (Robertson & Zaragoza, "The Probabilistic Relevance
// Framework: BM25 and Beyond", 2009). Postings hold the saturated value, so a query is a few array walks.

/** One field: its weight and how much its length matters (b = 0: not at all). */
export interface FieldSpec {
  name: string;
  weight: number;
  b: number;
}

interface Posting {
  docs: Int32Array;
  values: Float64Array;
  idf: number;
}

/** An inverted index of documents made of fields of terms. */
export class Bm25fIndex {
  /** Per document, per field: its terms (arrays are shared between documents with the same field text). */
  private readonly docs: (readonly string[])[][] = [];
  private readonly avg: number[];
  private readonly postings = new Map<string, Posting>();
  /** Per document: term → saturated value, for O(1) look-ups of one document's terms. */
  private readonly docMaps: Map<string, number>[] = [];
  private finished = false;

  constructor(
    readonly fields: readonly FieldSpec[],
    private readonly k1 = 1.2,
  ) {
    this.avg = fields.map(() => 1);
  }

  /** Number of documents. */
  get size(): number {
    return this.docs.length;
  }

  /** Adds a document (terms per field, in `fields` order); returns its number. */
  add(fieldTerms: readonly (readonly string[])[]): number {
    if (this.finished) throw new Error("Bm25fIndex.add after finish(): build a new index");
    this.docs.push(this.fields.map((_, f) => fieldTerms[f] ?? []));
    return this.docs.length - 1;
  }

  /** Computes average field lengths and the postings; call once after the last `add`. */
  finish(): void {
    this.fields.forEach((_, f) => {
      const total = this.docs.reduce((sum, fields) => sum + fields[f]!.length, 0);
      this.avg[f] = Math.max(1, total / Math.max(1, this.docs.length));
    });
    const lists = new Map<string, { docs: number[]; values: number[] }>();
    for (let d = 0; d < this.docs.length; d++) {
      const values = this.docValues(d);
      this.docMaps.push(values);
      for (const [term, value] of values) {
        // Each (term, document) pair comes once here, so append without searching.
        let l = lists.get(term);
        if (!l) lists.set(term, (l = { docs: [], values: [] }));
        l.docs.push(d);
        l.values.push(value);
      }
    }
    for (const [term, l] of lists) this.store(term, l.docs, l.values);
    this.finished = true;
  }

  /** Inverse document frequency; a term no document has gets the highest value. */
  idf(term: string): number {
    return this.postings.get(term)?.idf ?? this.idfOf(0);
  }

  private idfOf(df: number): number {
    const n = this.docs.length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** True when some document contains `term`. */
  has(term: string): boolean {
    return (this.postings.get(term)?.docs.length ?? 0) > 0;
  }

  /** Adds `weight × idf × saturated tf` of every document containing `term` to `scores`. */
  accumulate(term: string, weight: number, scores: Float64Array): void {
    const p = this.postings.get(term);
    if (!p) return;
    const w = weight * p.idf;
    const { docs, values } = p;
    for (let i = 0; i < docs.length; i++) scores[docs[i]!]! += w * values[i]!;
  }

  /** The documents containing `term` and the saturated term value in each (do not modify). */
  posting(term: string): Readonly<Posting> | undefined {
    return this.postings.get(term);
  }

  /** The saturated term value of `term` in `doc` (0 when absent). */
  value(term: string, doc: number): number {
    return this.docMaps[doc]?.get(term) ?? 0;
  }

  /** Every term in the index. */
  terms(): IterableIterator<string> {
    return this.postings.keys();
  }

  private docValues(doc: number): Map<string, number> {
    const combined = new Map<string, number>();
    const fields = this.docs[doc]!;
    for (let f = 0; f < fields.length; f++) {
      const terms = fields[f]!;
      if (!terms.length) continue;
      const spec = this.fields[f]!;
      const add = spec.weight / (1 - spec.b + (spec.b * terms.length) / this.avg[f]!);
      for (const term of terms) combined.set(term, (combined.get(term) ?? 0) + add);
    }
    for (const [term, tf] of combined) combined.set(term, (tf * (this.k1 + 1)) / (tf + this.k1));
    return combined;
  }

  private store(term: string, docs: number[], values: number[]): void {
    if (!docs.length) {
      this.postings.delete(term);
      return;
    }
    this.postings.set(term, {
      docs: Int32Array.from(docs),
      values: Float64Array.from(values),
      idf: this.idfOf(docs.length),
    });
  }
}
