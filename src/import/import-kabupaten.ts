// `import wilayah --kabupaten 32.16`: a kabupaten's kecamatan and desa from the idn-area-data package (all of
// Indonesia, Kemendagri codes, ODbL). Regions already stored (e.g. the BPS-coded sample) are matched by name and
// keep their code, gaining the Kemendagri code beside it; regions the store lacks are added under their
// Kemendagri code ("32.16.14.2003").
import { getDistricts, getRegencies, getVillages } from "idn-area-data";
import { Refusal } from "../refusal.ts";
import type { Store } from "../store/client.ts";
import { writeWilayah, type WilayahCounts } from "./import-wilayah.ts";
import { matchNames, nameKey, type Named } from "./match-names.ts";
import type { ImportOptions } from "./progress.ts";
import type { DistrictRow, VillageRow, Wilayah } from "./wilayah-builder.ts";

/** A stored name that idn-area-data spells differently, e.g. `{ "level": "desa", "stored": "Cileduk", "kemendagri": "Ciledug", ... }`. */
export interface SpellingPair {
  level: "kecamatan" | "desa";
  code: string;
  kemendagriCode: string;
  stored: string;
  kemendagri: string;
}

/** What `importKabupaten` did: the write counts and how the two lists were matched. */
export interface KabupatenImport {
  kabupaten: { code: string; name: string };
  counts: WilayahCounts;
  /** Stored regions matched to a Kemendagri region with a different spelling (the stored name is kept). */
  spelling: SpellingPair[];
  /** Kemendagri regions the store did not have, now added under their Kemendagri code. */
  added: { districts: number; villages: number };
  /** Stored regions of this kabupaten that idn-area-data does not list (left as they are; `replace` switches them off). */
  unmatched: { level: "kecamatan" | "desa"; code: string; name: string }[];
}

/** "32.16" or "3216" → "32.16"; anything else is refused with an example. */
export function kabupatenCode(input: string): string {
  const digits = input.trim().replace(/\./g, "");
  if (!/^\d{4}$/.test(digits)) {
    throw new Refusal(400, `Kode kabupaten "${input}" tidak dikenal. Tulis kode Kemendagri, misalnya 32.16.`);
  }
  return `${digits.slice(0, 2)}.${digits.slice(2)}`;
}

/** Reads the kabupaten from idn-area-data and pairs it with the stored regions; writes nothing. */
export async function planKabupaten(
  store: Store,
  input: string,
): Promise<{ wilayah: Wilayah; report: Omit<KabupatenImport, "counts"> }> {
  const code = kabupatenCode(input);
  const regency = (await getRegencies()).find((r) => r.code === code);
  if (!regency) {
    throw new Refusal(
      404,
      `Kabupaten/kota ${code} tidak ada dalam data wilayah Kemendagri (idn-area-data). Periksa kodenya, misalnya 32.16 untuk Kabupaten Bekasi.`,
    );
  }
  const kemendagriDistricts = (await getDistricts()).filter((d) => d.regency_code === code);
  const districtCodes = new Set(kemendagriDistricts.map((d) => d.code));
  const kemendagriVillages = (await getVillages()).filter((v) => districtCodes.has(v.district_code));

  // Stored regions of this kabupaten: BPS codes start with its digits, Kemendagri ones with "32.16.".
  const digits = code.replace(".", "");
  const inKabupaten = {
    OR: [
      { code: { startsWith: digits } },
      { code: { startsWith: `${code}.` } },
      { kemendagriCode: { startsWith: `${code}.` } },
    ],
  };
  const storedDistricts = await store.db.district.findMany({
    where: inKabupaten,
    select: { code: true, name: true, kemendagriCode: true },
    orderBy: { code: "asc" },
  });
  const storedVillages = await store.db.village.findMany({
    where: { districtCode: { in: storedDistricts.map((d) => d.code) } },
    select: { code: true, name: true, districtCode: true, kemendagriCode: true },
    orderBy: { code: "asc" },
  });

  const spelling: SpellingPair[] = [];
  const unmatched: KabupatenImport["unmatched"] = [];
  const added = { districts: 0, villages: 0 };
  const districts: DistrictRow[] = [];
  const villages: VillageRow[] = [];

  const districtPairs = pair(storedDistricts, kemendagriDistricts);
  for (const d of storedDistricts)
    if (!districtPairs.byRight.has(d)) unmatched.push({ level: "kecamatan", code: d.code, name: d.name });
  for (const k of kemendagriDistricts) {
    const stored = districtPairs.byLeft.get(k);
    if (!stored) added.districts++;
    else if (nameKey(stored.name) !== nameKey(k.name)) spelling.push(spelled("kecamatan", stored, k));
    const districtCode = stored?.code ?? k.code;
    districts.push({ code: districtCode, name: stored?.name ?? k.name, kemendagriCode: k.code });
    const own = storedVillages.filter((v) => stored && v.districtCode === stored.code);
    const theirs = kemendagriVillages.filter((v) => v.district_code === k.code);
    const villagePairs = pair(own, theirs);
    for (const v of own)
      if (!villagePairs.byRight.has(v)) unmatched.push({ level: "desa", code: v.code, name: v.name });
    for (const kv of theirs) {
      const sv = villagePairs.byLeft.get(kv);
      if (!sv) added.villages++;
      else if (nameKey(sv.name) !== nameKey(kv.name)) spelling.push(spelled("desa", sv, kv));
      villages.push({ code: sv?.code ?? kv.code, name: sv?.name ?? kv.name, districtCode, kemendagriCode: kv.code });
    }
  }
  // Stored villages of unmatched districts are unmatched too.
  for (const d of storedDistricts) {
    if (districtPairs.byRight.has(d)) continue;
    for (const v of storedVillages)
      if (v.districtCode === d.code) unmatched.push({ level: "desa", code: v.code, name: v.name });
  }
  return {
    wilayah: { districts, villages },
    report: { kabupaten: { code, name: regency.name }, spelling, added, unmatched },
  };
}

/**
 * Loads kabupaten `input` ("32.16") from idn-area-data into the store in one transaction: the single entry point
 * for the CLI and the admin's browser upload. With `replace`, stored regions outside the list are switched off.
 */
export async function importKabupaten(
  store: Store,
  input: string,
  options: ImportOptions = {},
): Promise<KabupatenImport> {
  const { wilayah, report } = await planKabupaten(store, input);
  const counts = await writeWilayah(store, wilayah, options);
  return { ...report, counts };
}

type Stored = Named & { kemendagriCode: string | null };

/** Pairs stored regions with Kemendagri ones: an existing Kemendagri code first, then by name. */
function pair<S extends Stored, K extends Named>(stored: S[], kemendagri: K[]) {
  const byLeft = new Map<K, S>();
  const byRight = new Map<S, K>();
  const byKode = new Map(kemendagri.map((k) => [k.code, k]));
  for (const s of stored) {
    const k = s.kemendagriCode ? byKode.get(s.kemendagriCode) : undefined;
    if (k && !byLeft.has(k)) {
      byLeft.set(k, s);
      byRight.set(s, k);
    }
  }
  const names = matchNames(
    kemendagri.filter((k) => !byLeft.has(k)),
    stored.filter((s) => !byRight.has(s)),
  );
  for (const p of names.pairs) {
    byLeft.set(p.left, p.right);
    byRight.set(p.right, p.left);
  }
  return { byLeft, byRight };
}

function spelled(level: SpellingPair["level"], stored: Named, kemendagri: Named): SpellingPair {
  return {
    level,
    code: stored.code,
    kemendagriCode: kemendagri.code,
    stored: stored.name,
    kemendagri: kemendagri.name,
  };
}
