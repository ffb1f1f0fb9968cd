// Region names reduced to comparable keys: lower case, letters only, no spaces ("Taman Sari" = "tamansari"),
// and how alike two keys are.
import { editDistance } from "../edit-distance.ts";

/** Prefixes residents and region lists put before a desa or kecamatan name: the one list of them. */
export const REGION_PREFIXES = new Set([
  "desa",
  "ds",
  "kelurahan",
  "kel",
  "kec",
  "kecamatan",
  "kampung",
  "kp",
  "dusun",
]);

const leadingPrefix = new RegExp(`^\\s*(?:${[...REGION_PREFIXES].join("|")})\\.?\\s+`, "i");

/** "Desa Taman Sari" → "Taman Sari", "Kel. Setu" → "Setu": the prefix word before a name removed. */
export function withoutRegionPrefix(name: string): string {
  return name.replace(leadingPrefix, "");
}

/** "Desa Taman-Sari" → "tamansari". */
export function regionKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z]/g, "");
}

/** Similarity in [0, 1]: 1 − distance / longer length. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  // Lengths more than three apart count as nothing in common.
  if (longer === 0 || Math.abs(a.length - b.length) > 3) return 0;
  return 1 - editDistance(a, b, longer) / longer;
}
