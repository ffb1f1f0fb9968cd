// The suggested order of a forum: each proposal scores 0–100 from four factors, each scaled against the best
// value on the same list and weighted by intents/forum.yaml. Pure; the page shows every factor's points.
import type { Weights } from "./forum-data.ts";

/** What the score reads from a proposal. */
export interface ScoreInput {
  code: string;
  supporters: number;
  beneficiaries: number | null;
  estimatedCost: number | null;
  createdAt: Date;
}

export type FactorKey = keyof Weights;

/** One factor's part, e.g. `{ key: "supporters", value: 5, points: 25, maxPoints: 33.3 }`. */
export interface ScoreFactor {
  key: FactorKey;
  /** The proposal's raw value (warga, orang, rupiah per orang, hari); null when unknown. */
  value: number | null;
  points: number;
  maxPoints: number;
}

export interface Scored<T> {
  item: T;
  score: number;
  factors: ScoreFactor[];
}

const DAY = 86_400_000;
const round1 = (n: number) => Math.round(n * 10) / 10;

/** Scores and sorts best first (ties: older first, then by code so the order never flickers). */
export function scoreProposals<T extends ScoreInput>(items: readonly T[], weights: Weights, now: Date): Scored<T>[] {
  const total = weights.supporters + weights.beneficiaries + weights.costPerBeneficiary + weights.age || 1;
  const raw = items.map((p) => ({
    supporters: p.supporters,
    beneficiaries: p.beneficiaries && p.beneficiaries > 0 ? p.beneficiaries : null,
    costPerBeneficiary:
      p.estimatedCost && p.estimatedCost > 0 && p.beneficiaries && p.beneficiaries > 0
        ? p.estimatedCost / p.beneficiaries
        : null,
    age: Math.max(0, Math.floor((now.getTime() - p.createdAt.getTime()) / DAY)),
  }));
  const max = (k: "supporters" | "beneficiaries" | "age") => Math.max(0, ...raw.map((r) => r[k] ?? 0));
  const best = { supporters: max("supporters"), beneficiaries: max("beneficiaries"), age: max("age") };
  const cheapest = Math.min(...raw.map((r) => r.costPerBeneficiary ?? Infinity));
  const share = (key: FactorKey, value: number | null): number => {
    if (value === null) return 0;
    if (key === "costPerBeneficiary") return value > 0 ? cheapest / value : 0;
    const top = best[key];
    return top > 0 ? value / top : 0;
  };
  const keys: FactorKey[] = ["supporters", "beneficiaries", "costPerBeneficiary", "age"];
  const scored = items.map((item, i) => {
    let sum = 0;
    const factors = keys.map((key) => {
      const maxPoints = (100 * weights[key]) / total;
      const value = raw[i]![key];
      const points = maxPoints * share(key, value);
      sum += points;
      return { key, value, points: round1(points), maxPoints: round1(maxPoints) };
    });
    return { item, factors, score: round1(sum) };
  });
  return scored.sort(
    (a, b) =>
      b.score - a.score ||
      a.item.createdAt.getTime() - b.item.createdAt.getTime() ||
      a.item.code.localeCompare(b.item.code),
  );
}
