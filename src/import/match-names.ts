// Pairs two lists of region names (stored BPS list ↔ Kemendagri list): same name first, then close spellings
// ("Cileduk" ↔ "Ciledug", "Pasirranji" ↔ "Pasiranji"), never one name with two.
import { editDistance } from "../edit-distance.ts";
import { regionKey, withoutRegionPrefix } from "../regions/region-key.ts";

/** A name with its code, e.g. `{ "code": "3216010", "name": "Setu" }`. */
export interface Named {
  code: string;
  name: string;
}

/** One pair, e.g. `{ "left": {...Cileduk}, "right": {...Ciledug}, "how": "spelling" }`. */
export interface NamePair<L extends Named, R extends Named> {
  left: L;
  right: R;
  how: "same" | "spelling";
}

/** The pairs and what is left on each side. */
export interface NameMatch<L extends Named, R extends Named> {
  pairs: NamePair<L, R>[];
  leftOnly: L[];
  rightOnly: R[];
}

/**
 * The form two names are compared in: "Desa Taman-Sari" → "tamansari" (without the prefix a list may put
 * before a name and the other list leaves out).
 */
export function nameKey(name: string): string {
  return regionKey(withoutRegionPrefix(name));
}

/** The most edits a close spelling may differ by: 1 for short names, 2 from 10 letters on. */
function allowed(a: string, b: string): number {
  return Math.min(a.length, b.length) >= 10 ? 2 : 1;
}

/**
 * Pairs `left` and `right` by name. A close spelling is taken only when it is the single closest name on both
 * sides (two equally close candidates are left unpaired rather than guessed).
 */
export function matchNames<L extends Named, R extends Named>(left: L[], right: R[]): NameMatch<L, R> {
  const pairs: NamePair<L, R>[] = [];
  const rightByKey = new Map<string, R[]>();
  for (const r of right) rightByKey.set(nameKey(r.name), [...(rightByKey.get(nameKey(r.name)) ?? []), r]);
  const usedRight = new Set<R>();
  const restLeft: L[] = [];
  for (const l of left) {
    const same = (rightByKey.get(nameKey(l.name)) ?? []).filter((r) => !usedRight.has(r));
    const first = same[0];
    if (first) {
      pairs.push({ left: l, right: first, how: "same" });
      usedRight.add(first);
    } else restLeft.push(l);
  }
  const restRight = right.filter((r) => !usedRight.has(r));
  const candidates: { l: L; r: R; distance: number }[] = [];
  for (const l of restLeft) {
    for (const r of restRight) {
      const a = nameKey(l.name);
      const b = nameKey(r.name);
      const distance = editDistance(a, b, allowed(a, b));
      if (distance <= allowed(a, b)) candidates.push({ l, r, distance });
    }
  }
  const best = <T>(of: T, side: "l" | "r") =>
    Math.min(...candidates.filter((c) => c[side] === of).map((c) => c.distance));
  const count = <T>(of: T, side: "l" | "r", distance: number) =>
    candidates.filter((c) => c[side] === of && c.distance === distance).length;
  const usedLeft = new Set<L>();
  for (const c of candidates.sort((x, y) => x.distance - y.distance)) {
    if (usedLeft.has(c.l) || usedRight.has(c.r)) continue;
    const unique =
      best(c.l, "l") === c.distance &&
      best(c.r, "r") === c.distance &&
      count(c.l, "l", c.distance) === 1 &&
      count(c.r, "r", c.distance) === 1;
    if (!unique) continue;
    pairs.push({ left: c.l, right: c.r, how: "spelling" });
    usedLeft.add(c.l);
    usedRight.add(c.r);
  }
  return {
    pairs,
    leftOnly: restLeft.filter((l) => !usedLeft.has(l)),
    rightOnly: right.filter((r) => !usedRight.has(r)),
  };
}
