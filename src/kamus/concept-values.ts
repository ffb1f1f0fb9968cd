// What a concept (intents/kamus/concepts.yaml) is worth to each entry: its best catalogue phrase, a phrase being
// worth the mean idf × saturated tf of its words. It depends on the index only, so it is computed once per concept.
import type { FiredConcept } from "./analyzer.ts";
import type { Bm25fIndex } from "./bm25f.ts";

/** A sparse vector over entries. */
export interface SparseVector {
  docs: Int32Array;
  values: Float64Array;
}

/** A concept's values with, per entry, the catalogue phrase that gave it ("sumur resapan"). */
export interface ConceptVector extends SparseVector {
  phrases: string[];
}

/** Per-concept entry values, cached (the index never changes). */
export class ConceptValues {
  private readonly cache = new Map<number, ConceptVector>();
  private readonly phraseScore: Float64Array;
  private readonly conceptScore: Float64Array;
  private readonly bestPhrase: Int32Array;

  constructor(private readonly index: Bm25fIndex) {
    this.phraseScore = new Float64Array(index.size);
    this.conceptScore = new Float64Array(index.size);
    this.bestPhrase = new Int32Array(index.size);
  }

  /** The concept's value for every entry that has one of its phrases' words. */
  vector(c: FiredConcept): ConceptVector {
    const cached = this.cache.get(c.id);
    if (cached) return cached;
    const { phraseScore, conceptScore, bestPhrase } = this;
    const inConcept: number[] = [];
    for (const [k, phrase] of c.phrases.entries()) {
      const inPhrase: number[] = [];
      for (const term of phrase) {
        const p = this.index.posting(term);
        if (!p) continue;
        const idf = p.idf / phrase.length;
        for (let i = 0; i < p.docs.length; i++) {
          const d = p.docs[i]!;
          if (phraseScore[d] === 0) inPhrase.push(d);
          phraseScore[d]! += idf * p.values[i]!;
        }
      }
      for (const d of inPhrase) {
        if (phraseScore[d]! > conceptScore[d]!) {
          if (conceptScore[d] === 0) inConcept.push(d);
          conceptScore[d] = phraseScore[d]!;
          bestPhrase[d] = k;
        }
        phraseScore[d] = 0;
      }
    }
    inConcept.sort((a, b) => a - b);
    const vector = {
      docs: Int32Array.from(inConcept),
      values: Float64Array.from(inConcept, (d) => conceptScore[d]!),
      phrases: inConcept.map((d) => c.phrases[bestPhrase[d]!]!.join(" ")),
    };
    for (const d of inConcept) conceptScore[d] = 0;
    this.cache.set(c.id, vector);
    return vector;
  }

  /** The concept's value for one entry. */
  value(c: FiredConcept, doc: number): number {
    let best = 0;
    for (const phrase of c.phrases) {
      let sum = 0;
      for (const t of phrase) sum += this.index.idf(t) * this.index.value(t, doc);
      best = Math.max(best, sum / phrase.length);
    }
    return best;
  }
}
