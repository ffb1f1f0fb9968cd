// The region list in memory: every desa with its kecamatan, searched fuzzily by name.
// Built once from the database (loadRegions) and shared by all turns.
import { buildKeyTable } from "./key-table.ts";
import { REGION_PREFIXES, regionKey, similarity } from "./region-key.ts";

/** One desa/kelurahan, e.g. `{ "code": "3216010001", "name": "Ragemanunggal", "districtCode": "3216010", "districtName": "Setu" }`. */
export interface VillageRef {
  code: string;
  name: string;
  districtCode: string;
  districtName: string;
}

/**
 * The answer of a search: one desa, several close ones (ask the kecamatan), or none. A `found` desa whose
 * name was not written exactly has `exact: false` and the next closest names as `alternatives`: the resident
 * is asked "Maksud Bapak/Ibu ...?" rather than have a desa picked for them.
 */
export type VillageSearch =
  | { kind: "found"; village: VillageRef; exact?: boolean; alternatives?: VillageRef[] }
  | { kind: "ambiguous"; candidates: VillageRef[] }
  | { kind: "none" };

/** Minimum similarity for a direct answer ("desa apa?") and for a desa named inside a longer message. */
const ANSWER_THRESHOLD = 0.75;
const MENTION_THRESHOLD = 0.86;
/** Candidates this close to the best are ambiguous. */
const TIE_MARGIN = 0.04;

export interface RegionIndex {
  /** Looks for a desa in a short answer ("sukamaju", "desa suka maju kec tambelang"). */
  searchAnswer(text: string): VillageSearch;
  /** Looks for a desa mentioned inside a longer message; stricter, to avoid false hits. */
  searchMention(text: string): VillageSearch;
  /** The desa of a kecamatan named by a short answer ("cibitung", "kec. tambun utara"), or undefined. */
  villagesOfDistrict(text: string): VillageRef[] | undefined;
  /** The desa whose names come closest to any words of `text`, best first (a way out of a repeated question). */
  closest(text: string, n: number): VillageRef[];
  /** Narrows candidates by a kecamatan named in `text` (or a number 1..n picking one). */
  pickDistrict(candidates: VillageRef[], text: string): VillageRef | undefined;
  byCode(code: string): VillageRef | undefined;
  size: number;
}

/** Grams whose matches are remembered per threshold; past this the memory starts again (answers repeat words). */
const GRAM_CACHE_SIZE = 20_000;

/** Builds the in-memory index. */
export function buildRegionIndex(villages: VillageRef[]): RegionIndex {
  const entries = villages.map((v) => ({ v, key: regionKey(v.name), dkey: regionKey(v.districtName) }));
  type Entry = (typeof entries)[number];
  // Entries by key, each with its rank: shortest names first, then in list order (the order results come in).
  const byKey = new Map<string, Entry[]>();
  for (const e of entries) {
    const list = byKey.get(e.key);
    if (list) list.push(e);
    else byKey.set(e.key, [e]);
  }
  const rank = new Map<Entry, number>();
  [...entries]
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.key.length - b.e.key.length || a.i - b.i)
    .forEach(({ e }, r) => rank.set(e, r));
  const keys = buildKeyTable(byKey.keys());
  const byCode = new Map(villages.map((v) => [v.code, v]));
  const districtKeys = [...new Set(entries.map((e) => e.dkey))];
  const districtKeySet = new Set(districtKeys);
  const byDistrict = new Map<string, VillageRef[]>();
  for (const e of entries) byDistrict.set(e.dkey, [...(byDistrict.get(e.dkey) ?? []), e.v]);
  const gramCache = new Map<number, Map<string, { e: Entry; sim: number }[]>>();

  /**
   * The entries a gram reaches at `threshold` (distance ≤ (1 − threshold) × the longer length), with their
   * similarity, in rank order; remembered per gram.
   */
  function matches(g: string, threshold: number): { e: Entry; sim: number }[] {
    let cache = gramCache.get(threshold);
    if (!cache) {
      cache = new Map<string, { e: Entry; sim: number }[]>();
      gramCache.set(threshold, cache);
    }
    const known = cache.get(g);
    if (known) return known;
    // Longest reachable name: distance ≤ (1 − threshold) × longer, so at most g.length / threshold.
    const reach = Math.floor(g.length / threshold - g.length + 1e-9);
    const found: { e: Entry; sim: number }[] = [];
    for (const { key, distance } of keys.within(g, g.length - reach, g.length + reach, 1 - threshold)) {
      const sim = 1 - distance / Math.max(g.length, key.length);
      for (const e of byKey.get(key)!) found.push({ e, sim });
    }
    found.sort((a, b) => rank.get(a.e)! - rank.get(b.e)!);
    if (cache.size >= GRAM_CACHE_SIZE) cache.clear();
    cache.set(g, found);
    return found;
  }

  function words(text: string): string[] {
    return text
      .toLowerCase()
      .replace(/[^a-z0-9\s]/g, " ")
      .split(/\s+/)
      .filter(Boolean);
  }

  /** Scores every village against the word n-grams of text; returns the best-scoring ones. */
  function search(text: string, threshold: number, maxGram: number): VillageSearch {
    const ws = words(text);
    const grams = new Set<string>();
    // Words after "kec"/"kecamatan" name the kecamatan: never a desa that merely shares its name.
    const districtOnly = new Set<string>();
    for (let i = 0; i < ws.length; i++) {
      if (REGION_PREFIXES.has(ws[i]!)) continue;
      const afterKec = i > 0 && /^kec(amatan|\.)?$/.test(ws[i - 1]!);
      const here: { gram: string; span: number }[] = [];
      let g = "";
      for (let k = 0; k < maxGram && i + k < ws.length; k++) {
        const w = ws[i + k]!;
        if (/\d/.test(w)) break;
        g += w;
        if (g.length >= 4) here.push({ gram: g, span: k + 1 });
      }
      // "kec Tambun Selatan" names that kecamatan only: not the desa Tambun, nor a desa called Selatan.
      const district = afterKec ? here.filter((x) => districtKeySet.has(x.gram)).at(-1) : undefined;
      if (district) {
        districtOnly.add(district.gram);
        i += district.span - 1;
      } else for (const x of here) (afterKec ? districtOnly : grams).add(x.gram);
    }
    // A kecamatan named alongside the desa narrows the choice ("sukamaju tambelang", "... kec sukakarya").
    const districtsNamed = new Set(districtKeys.filter((d) => grams.has(d) || districtOnly.has(d)));
    for (const g of districtOnly) if (!districtsNamed.has(g)) grams.add(g);
    if (grams.size === 0) return { kind: "none" };
    const best = new Map<Entry, number>();
    for (const g of grams)
      for (const { e, sim } of matches(g, threshold)) if (sim > (best.get(e) ?? 0)) best.set(e, sim);
    let top1 = 0;
    const scored: { v: VillageRef; score: number }[] = [];
    for (const [e, sim] of best) {
      const s = sim + (districtsNamed.has(e.dkey) ? 0.02 : 0);
      scored.push({ v: e.v, score: s });
      if (s > top1) top1 = s;
    }
    const bestScore = top1;
    let top = scored.filter((c) => c.score >= bestScore - TIE_MARGIN).sort((a, b) => b.score - a.score);
    const inNamed = top.filter((c) => districtsNamed.has(regionKey(c.v.districtName)));
    if (inNamed.length) top = inNamed;
    if (top.length === 0) return { kind: "none" };
    const exactName = (v: VillageRef) => grams.has(regionKey(v.name));
    const near = (v: VillageRef) =>
      scored
        .filter((c) => c.v !== v && c.score >= bestScore - 0.15)
        .sort((a, b) => b.score - a.score)
        .slice(0, 2)
        .map((c) => c.v);
    if (top.length === 1) {
      const v = top[0]!.v;
      return exactName(v)
        ? { kind: "found", village: v }
        : { kind: "found", village: v, exact: false, alternatives: near(v) };
    }
    // An exact name wins over near misses unless it is exact in several kecamatan.
    const exact = top.filter((c) => exactName(c.v));
    if (exact.length === 1) return { kind: "found", village: exact[0]!.v };
    return { kind: "ambiguous", candidates: (exact.length > 1 ? exact : top).slice(0, 5).map((c) => c.v) };
  }

  return {
    size: villages.length,
    searchAnswer: (text) => search(text, ANSWER_THRESHOLD, 3),
    searchMention: (text) => search(text, MENTION_THRESHOLD, 2),
    byCode: (code) => byCode.get(code),
    closest(text, n) {
      const ws = words(text).filter((w) => !REGION_PREFIXES.has(w) && !/\d/.test(w));
      const grams = new Set<string>();
      for (let i = 0; i < ws.length; i++)
        for (let k = 1; k <= 3 && i + k <= ws.length; k++) grams.add(ws.slice(i, i + k).join(""));
      if (grams.size === 0) return [];
      // Each distinct name once (many desa share a name).
      const score = new Map<string, number>();
      const gs = [...grams];
      for (const key of byKey.keys()) score.set(key, Math.max(...gs.map((g) => similarity(g, key))));
      return entries
        .map((e) => ({ v: e.v, s: score.get(e.key)! }))
        .sort((a, b) => b.s - a.s)
        .slice(0, n)
        .map((x) => x.v);
    },
    villagesOfDistrict(text) {
      const key = regionKey(
        words(text)
          .filter((w) => !REGION_PREFIXES.has(w))
          .join(""),
      );
      if (key.length < 4) return undefined;
      let best: string | undefined;
      let bestScore = 0.85;
      for (const d of districtKeys) {
        const s = similarity(key, d);
        if (s >= bestScore) {
          best = d;
          bestScore = s;
        }
      }
      return best ? [...byDistrict.get(best)!] : undefined;
    },
    pickDistrict(candidates, text) {
      const t = text.trim();
      if (/^\d+$/.test(t)) return candidates[Number(t) - 1];
      const key = regionKey(t.replace(/\b(kec(amatan)?|kec\.)\b/gi, ""));
      if (!key) return undefined;
      // The whole answer, or any one to three of its words ("Desa Sukajaya, Cibitung"), may name it.
      const ws = words(t).filter((w) => !REGION_PREFIXES.has(w));
      const keys = new Set([key]);
      for (let i = 0; i < ws.length; i++)
        for (let k = 1; k <= 3 && i + k <= ws.length; k++) keys.add(ws.slice(i, i + k).join(""));
      let best: VillageRef | undefined;
      let bestScore = 0.7;
      for (const c of candidates) {
        const dk = regionKey(c.districtName);
        const nk = regionKey(c.name);
        const byName = Math.max(...[...keys].map((k) => similarity(k, nk)));
        // A desa named among the options wins over the kecamatan they share.
        const s = byName >= 0.8 ? 1 + byName : Math.max(...[...keys].map((k) => similarity(k, dk)));
        if (s > bestScore) {
          best = c;
          bestScore = s;
        }
      }
      return best;
    },
  };
}
