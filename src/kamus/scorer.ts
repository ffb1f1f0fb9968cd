// Scores every entry of a KamusIndex for one analysed message: BM25F for the message's own words, then concepts
// (modifiers only where something already matched), then kinds of activity and size limits as factors.
import type { AnalyzedQuery } from "./analyzer.ts";
import type { KamusIndex } from "./kamus-index.ts";
import type { FitFeatures } from "./nothing-fits.ts";
import type { MatcherOptions } from "./options.ts";
import { fitOf } from "./quantities.ts";

/** One ranked entry: its position in the index and its raw score. */
export interface Ranked {
  doc: number;
  score: number;
}

/** The fired concepts of one kind (modifiers or not), grouped by the exact set of message words that fired them. */
function sameEvidence(concepts: AnalyzedQuery["concepts"], modifiers: boolean): AnalyzedQuery["concepts"][] {
  const groups = new Map<string, AnalyzedQuery["concepts"]>();
  for (const c of concepts) {
    if (c.modifier !== modifiers) continue;
    const key = c.sources.length ? [...c.sources].sort().join("|") : `#${c.id}`;
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  return [...groups.values()];
}

/** Ranks entries for analysed messages; holds a reusable score array, so one Scorer serves one caller at a time. */
export class Scorer {
  private readonly scores: Float64Array;

  constructor(
    private readonly k: KamusIndex,
    private readonly opts: MatcherOptions,
  ) {
    this.scores = new Float64Array(k.docs.length);
  }

  /** The best `top` entries with a positive score, best first; ties keep catalogue order. */
  rank(q: AnalyzedQuery, top: number): Ranked[] {
    const { scores, k, opts } = this;
    scores.fill(0);
    for (const [term, weight] of q.terms) k.index.accumulate(term, weight, scores);
    // Modifiers (damage level, new or existing) last, and only where something matched: "jebol" alone must not
    // pull up "Rehab SD".
    for (const modifiers of [false, true]) {
      for (const group of sameEvidence(q.concepts, modifiers)) {
        // Concepts fired by the very same words credit one catalogue phrase once: "genangan" fires flooding and
        // infiltration, and "sumur resapan" answers both, but it is one word and one answer. Different phrases
        // still add up ("sawah": irrigation network and farming).
        if (group.length === 1) {
          const c = group[0]!;
          const w = c.weight * opts.conceptScale;
          if (w <= 0) continue;
          const { docs, values } = k.concepts.vector(c);
          for (let i = 0; i < docs.length; i++)
            if (!modifiers || scores[docs[i]!]! > 0) scores[docs[i]!]! += w * values[i]!;
          continue;
        }
        const gained = new Map<number, Map<string, number>>();
        for (const c of group) {
          const w = c.weight * opts.conceptScale;
          if (w <= 0) continue;
          const { docs, values, phrases } = k.concepts.vector(c);
          for (let i = 0; i < docs.length; i++) {
            const d = docs[i]!;
            if (modifiers && scores[d]! <= 0) continue;
            const byPhrase = gained.get(d) ?? new Map<string, number>();
            byPhrase.set(phrases[i]!, Math.max(byPhrase.get(phrases[i]!) ?? 0, w * values[i]!));
            gained.set(d, byPhrase);
          }
        }
        for (const [d, byPhrase] of gained) for (const v of byPhrase.values()) scores[d]! += v;
      }
    }
    if (opts.modes) {
      for (const [mode, { factor, docs }] of k.modeDocs)
        if (!q.modes.has(mode)) for (const d of docs) scores[d]! *= factor;
    }
    // "Kekecilan, minta diganti yang lebih gede": variants no bigger than the present size are not the request.
    if (q.bigger) {
      const { than, factor } = q.bigger;
      for (let d = 0; d < scores.length; d++) {
        const size = k.sizes[d];
        if (size !== undefined && size <= than) scores[d]! *= factor;
      }
    }
    if (Object.keys(q.quantities).length) {
      for (const d of k.limited) {
        const fit = fitOf(q.quantities, k.limits[d]!);
        if (fit > 0) scores[d]! *= 1 + opts.fit.meet * fit;
        else if (fit < 0) scores[d]! *= Math.max(0.2, 1 + opts.fit.break * fit);
      }
    }
    // Wordings officers filed before ("Kebersihan Lingkungan") bring up the entries they were filed to, the most
    // frequent first, by how much of this message they say: after the factors, since a filing is a decision.
    k.learned.accumulate(q.terms, opts.learned, k.unit, scores);
    const best: Ranked[] = [];
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

  /** The numbers the "nothing fits" decision looks at, for the best entry of `ranked`. */
  features(q: AnalyzedQuery, ranked: readonly Ranked[]): FitFeatures {
    const { index, concepts, analyzer, unit } = this.k;
    const top = ranked[0];
    const explained = new Set<string>();
    if (top) {
      for (const term of q.terms.keys())
        if (index.value(term, top.doc) > 0 || this.k.learned.explains(term, top.doc)) explained.add(term);
      for (const c of q.concepts) if (concepts.value(c, top.doc) > 0) c.sources.forEach((s) => explained.add(s));
    }
    let total = 0;
    let covered = 0;
    let unknown = 0;
    for (const [t, weight] of q.terms) {
      if (/^\d/.test(t)) continue;
      // A word nobody knows (not in the kamus, the language data or the dictionary) is most likely a name.
      if (!index.has(t) && !analyzer.isKnown(t) && !this.k.learned.has(t)) {
        unknown++;
        continue;
      }
      // A describing word (damage, an act verb, a landmark: weight below 1) that no entry of this kamus uses
      // cannot tell entries apart; in a small kamus ("jembatan rusak" against 62 names) it would otherwise
      // outweigh the one word that names the activity.
      if (weight < 1 && !index.has(t)) continue;
      const idf = index.idf(t) * weight;
      total += idf;
      if (explained.has(t)) covered += idf;
    }
    let askedTotal = 0;
    let askedCovered = 0;
    for (const t of q.asked) {
      if (!index.has(t) && !analyzer.isKnown(t) && !this.k.learned.has(t)) continue;
      const idf = index.idf(t);
      askedTotal += idf;
      if (explained.has(t)) askedCovered += idf;
    }
    const unexplained = top
      ? q.cues.filter((c) => c.kind === "private" || c.terms.some((t) => index.value(t, top.doc) === 0))
      : q.cues;
    return {
      score: (top?.score ?? 0) / unit,
      second: (ranked[1]?.score ?? 0) / unit,
      coverage: total > 0 ? covered / total : 0,
      askedCoverage: askedTotal > 0 ? askedCovered / askedTotal : 1,
      words: q.original.length,
      unknown,
      cues: q.cues.length,
      // A private need is never what an entry funds, even when the entry shares its noun ("keluarga saya").
      unexplainedCues: unexplained.length,
      requestedCues: unexplained.filter((c) => c.requested).length,
    };
  }

  /** Each message term's and concept's share of one entry's score (before factors), for `explain`. */
  shares(q: AnalyzedQuery, doc: number): Record<string, number> {
    const { index, concepts } = this.k;
    const out: Record<string, number> = {};
    const round = (v: number) => Math.round(v * 100) / 100;
    for (const [term, weight] of q.terms) out[term] = round(index.value(term, doc) * index.idf(term) * weight);
    for (const c of q.concepts) out[`+${c.name}`] = round(concepts.value(c, doc) * c.weight * this.opts.conceptScale);
    const support = this.k.learned.support(q.terms, this.opts.learned).get(doc);
    if (support) out["~learned"] = round(this.opts.learned.weight * this.k.unit * support);
    return out;
  }
}
