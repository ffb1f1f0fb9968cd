// Moving rows and numbering the agreed ones: the pure part of the forum's list.

/** The list with `code` moved one place up (-1) or down (+1); unchanged at either end or when not found. */
export function moveCode(order: readonly string[], code: string, delta: -1 | 1): string[] {
  const next = [...order];
  const i = next.indexOf(code);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= next.length) return next;
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}

/** True when `proposed` holds exactly the codes of `current`, each once (a stale page sends an old list). */
export function sameCodes(current: readonly string[], proposed: readonly string[]): boolean {
  if (current.length !== proposed.length) return false;
  const set = new Set(current);
  return new Set(proposed).size === proposed.length && proposed.every((c) => set.has(c));
}

/** Ranks 1..n for the agreed items in list order, e.g. agreed A, C of [A, B, C] → { A: 1, C: 2 }. */
export function agreedRanks(
  items: readonly { code: string; position: number; agreed: boolean }[],
): Map<string, number> {
  const ranks = new Map<string, number>();
  [...items]
    .sort((a, b) => a.position - b.position)
    .filter((i) => i.agreed)
    .forEach((i, n) => ranks.set(i.code, n + 1));
  return ranks;
}
