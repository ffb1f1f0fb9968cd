// The distinct name keys of a region list, prepared once per list so that a gram of a resident's message is
// compared by edit distance only with the keys it could reach: keys grouped by length, and two cheap lower
// bounds of the edit distance (letters one has and the other lacks) checked before the distance itself.
import { editDistance } from "../edit-distance.ts";

/** One distinct key with its letter counts, the bit set of its letters (a..z) and its place in the list. */
interface KeyInfo {
  key: string;
  counts: Uint8Array;
  mask: number;
  order: number;
}

/** The keys of one length: all, and by first and by last letter. */
interface LengthGroup {
  all: KeyInfo[];
  byFirst: Map<string, KeyInfo[]>;
  byLast: Map<string, KeyInfo[]>;
}

function push<K, V>(map: Map<K, V[]>, k: K, v: V): void {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}

/** Letter counts and letter set of a key (keys are a..z only; other characters count as nothing). */
function letters(key: string): { counts: Uint8Array; mask: number } {
  const counts = new Uint8Array(26);
  let mask = 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i) - 97;
    if (c < 0 || c >= 26) continue;
    if (counts[c]! < 255) counts[c]!++;
    mask |= 1 << c;
  }
  return { counts, mask };
}

function bitCount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Whether the edit distance of two keys is surely above `max`: each edit (insertion, deletion, substitution,
 * swap) adds at most one letter occurrence that the other key lacks and removes at most one, so the letters
 * one key has beyond the other's (as a multiset) are a lower bound of the distance.
 */
function surelyFarther(a: KeyInfo, b: KeyInfo, max: number): boolean {
  if (bitCount(a.mask & ~b.mask) > max || bitCount(b.mask & ~a.mask) > max) return true;
  let extraA = 0;
  let extraB = 0;
  for (let c = 0; c < 26; c++) {
    const d = a.counts[c]! - b.counts[c]!;
    if (d > 0) extraA += d;
    else extraB -= d;
  }
  return extraA > max || extraB > max;
}

export interface KeyTable {
  /**
   * Every key of length in [minLength, maxLength] within `ratio` × the longer length edits of `gram` (rounded
   * down), with that distance, shortest keys first and in order of first appearance within a length. Where one
   * edit is all that is allowed, only keys sharing the gram's first or last letter count (one edit cannot
   * change both ends of a word of three letters or more).
   */
  within(gram: string, minLength: number, maxLength: number, ratio: number): { key: string; distance: number }[];
}

/** Prepares the distinct keys of `keys` (in order of first appearance). */
export function buildKeyTable(keys: Iterable<string>): KeyTable {
  const byLength = new Map<number, LengthGroup>();
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) continue;
    const info: KeyInfo = { key, ...letters(key), order: seen.size };
    seen.add(key);
    let group = byLength.get(key.length);
    if (!group) {
      group = { all: [], byFirst: new Map(), byLast: new Map() };
      byLength.set(key.length, group);
    }
    group.all.push(info);
    push(group.byFirst, key[0] ?? "", info);
    push(group.byLast, key.at(-1) ?? "", info);
  }

  /** The keys of a group sharing the first or the last letter of `gram`, in list order (both lists are). */
  function sharingAnEnd(group: LengthGroup, gram: string): KeyInfo[] {
    const first = group.byFirst.get(gram[0] ?? "") ?? [];
    const last = group.byLast.get(gram.at(-1) ?? "") ?? [];
    if (!last.length) return first;
    if (!first.length) return last;
    const out: KeyInfo[] = [];
    let i = 0;
    let j = 0;
    while (i < first.length || j < last.length) {
      const a = first[i];
      const b = last[j];
      // Take the one earlier in the list; a key in both lists once.
      const next = b === undefined || (a !== undefined && a.order <= b.order) ? a! : b;
      out.push(next);
      if (next === a) i++;
      if (next === b) j++;
    }
    return out;
  }

  return {
    within(gram, minLength, maxLength, ratio) {
      const g: KeyInfo = { key: gram, ...letters(gram), order: -1 };
      const out: { key: string; distance: number }[] = [];
      for (let len = minLength; len <= maxLength; len++) {
        const group = byLength.get(len);
        if (!group) continue;
        const max = Math.floor(ratio * Math.max(gram.length, len) + 1e-9);
        for (const k of max <= 1 ? sharingAnEnd(group, gram) : group.all) {
          if (gram !== k.key && surelyFarther(g, k, max)) continue;
          const d = gram === k.key ? 0 : editDistance(gram, k.key, max);
          if (d <= max) out.push({ key: k.key, distance: d });
        }
      }
      return out;
    },
  };
}
