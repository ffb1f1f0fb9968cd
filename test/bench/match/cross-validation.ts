// 2-fold cross-validation on officers' filed pairs (text → kode): learn the pairs of one half as officer phrases,
// test on the other half, then swap. Shows what learning from a kelurahan's own filings is worth.
import { buildMatcher } from "../../../src/kamus/matcher.ts";
import type { KamusDoc, LearnedPhraseDoc } from "../../../src/kamus/types.ts";
import { evaluate } from "./metrics.ts";
import type { EvalCase } from "./eval-set.ts";

/** Hit rates of one line of the table. */
export interface FoldResult {
  name: string;
  top1: number;
  top3: number;
  top5: number;
}

/** Rows "without learning" and "with learning" per fold and over both folds (odd / even positions). */
export function crossValidate(kamus: readonly KamusDoc[], pairs: readonly LearnedPhraseDoc[]): FoldResult[] {
  const halves = [pairs.filter((_, i) => i % 2 === 0), pairs.filter((_, i) => i % 2 === 1)];
  const asCases = (ps: readonly LearnedPhraseDoc[]): EvalCase[] =>
    ps.map((p, i) => ({ id: String(i), text: p.phrase, acceptable: [p.kode], style: "officer" }));
  const out: FoldResult[] = [];
  const totals: Record<"without" | "with", [number, number, number]> = { without: [0, 0, 0], with: [0, 0, 0] };
  const plain = buildMatcher(kamus);
  const rank = (m: typeof plain) => (text: string) => m.match(text, { top: 5 }).matches.map((x) => x.entry.kode);
  for (const [k, name] of [
    [0, "learn odd rows, test even rows"],
    [1, "learn even rows, test odd rows"],
  ] as const) {
    const train = halves[k]!;
    const test = asCases(halves[1 - k]!);
    const taught = buildMatcher(kamus);
    for (const p of train) taught.learn(p);
    const a = evaluate(rank(plain), test);
    const b = evaluate(rank(taught), test);
    out.push({ name: `${name}: without learning`, ...a }, { name: `${name}: with learning`, ...b });
    for (const [key, m] of [
      ["without", a],
      ["with", b],
    ] as const) {
      totals[key][0] += m.top1 * test.length;
      totals[key][1] += m.top3 * test.length;
      totals[key][2] += m.top5 * test.length;
    }
  }
  for (const key of ["without", "with"] as const) {
    const [t1, t3, t5] = totals[key];
    const n = Math.max(1, pairs.length);
    out.push({ name: `both folds: ${key} learning`, top1: t1 / n, top3: t3 / n, top5: t5 / n });
  }
  return out;
}
