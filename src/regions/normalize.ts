// Region names reduced to comparable keys: lower case, letters only, no spaces ("Taman Sari" = "tamansari").

/** Prefixes residents put before a desa or kecamatan name. */
export const REGION_PREFIXES = new Set(["desa", "ds", "kelurahan", "kel", "kec", "kecamatan", "kampung", "kp", "dusun"]);

/** "Desa Taman-Sari" → "tamansari". */
export function regionKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z]/g, "");
}

/** Damerau-style (optimal string alignment) edit distance, small strings only. */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > 3) return Math.max(m, n);
  let prev2: number[] = [];
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[n]!;
}

/** Similarity in [0, 1]: 1 − distance / longer length. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 0 : 1 - editDistance(a, b) / longer;
}
