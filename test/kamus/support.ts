// Shared fixtures of the kamus tests: the sample kamus files and one matcher over the Malang kamus.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../../src/config/paths.ts";
import { readKamusFile } from "../../src/import/index.ts";
import { buildMatcher } from "../../src/kamus/matcher.ts";
import type { KamusDoc, KamusMatcher } from "../../src/kamus/types.ts";

function sample(name: string): string {
  const candidates = [
    join(projectRoot, "prisma", "seed", name),
    join(projectRoot, "..", "shared", "data", name),
    join("/work/shared/data", name),
  ];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`sample kamus ${name} not found in ${candidates.join(", ")}`);
  return found;
}

/** The 240-entry Kota Malang kamus (kode MLG23-001...). */
export const malangKamusPath = sample("kamus-malang-2023.csv");
/** The 62-entry Kabupaten Jember kamus (kode = id_kamus, 1...62). */
export const jemberKamusPath = sample("kamus-jember-2017.csv");

let malang: Promise<KamusDoc[]> | undefined;

/** The Malang entries, read once per test file. */
export function malangEntries(): Promise<KamusDoc[]> {
  malang ??= readKamusFile(malangKamusPath);
  return malang;
}

/** A fresh matcher over the Malang kamus. */
export async function malangMatcher(): Promise<KamusMatcher> {
  return buildMatcher(await malangEntries());
}

/** The kodes a matcher suggests for `text`, best first. */
export function kodes(matcher: KamusMatcher, text: string, top = 3): string[] {
  return matcher.match(text, { top }).matches.map((m) => m.entry.kode);
}
