// Hit rates of a ranker on labelled messages: top-k (a returned kode is acceptable), "nothing fits" recall
// on NONE rows, and false "nothing fits" on rows that have an answer.
import type { EvalCase } from "./eval-set.ts";

/** A ranker: kodes best first; an empty list means "nothing fits". */
export type Ranker = (text: string) => string[];

/** Rates in [0, 1]. */
export interface Metrics {
  top1: number;
  top3: number;
  top5: number;
  noneRecall: number;
  falseNone: number;
  fitting: number;
  none: number;
}

/** Scores `rank` on `cases`. */
export function evaluate(rank: Ranker, cases: readonly EvalCase[]): Metrics {
  let top1 = 0,
    top3 = 0,
    top5 = 0,
    noneHit = 0,
    falseNone = 0,
    fitting = 0,
    none = 0;
  for (const c of cases) {
    const kodes = rank(c.text);
    if (!c.acceptable.length) {
      none++;
      if (!kodes.length) noneHit++;
      continue;
    }
    fitting++;
    if (!kodes.length) falseNone++;
    const hitAt = (k: number) => kodes.slice(0, k).some((x) => c.acceptable.includes(x));
    if (hitAt(1)) top1++;
    if (hitAt(3)) top3++;
    if (hitAt(5)) top5++;
  }
  const rate = (n: number, d: number) => (d ? n / d : 0);
  return {
    top1: rate(top1, fitting),
    top3: rate(top3, fitting),
    top5: rate(top5, fitting),
    noneRecall: rate(noneHit, none),
    falseNone: rate(falseNone, fitting),
    fitting,
    none,
  };
}
