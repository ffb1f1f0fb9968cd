// Region import: read and check the whole file, then upsert kecamatan and desa by BPS code in one transaction.
import { upsertByKey } from "../store/bulk-upsert.ts";
import { searchForm } from "../store/search.ts";
import type { Store, Tx } from "../store/client.ts";
import { emptyCounts, progressFor, transactionOptions, type ImportCounts, type ImportOptions } from "./progress.ts";
import { upsertRows } from "./upsert.ts";
import { readTable } from "./read-table.ts";
import { tableToWilayah } from "./wilayah-rows.ts";
import type { DistrictRow, Wilayah } from "./wilayah-builder.ts";

/** Counts per level, e.g. `{ "districts": { "created": 23, ... }, "villages": { "created": 187, ... } }`. */
export interface WilayahCounts {
  districts: ImportCounts;
  villages: ImportCounts;
}

/** Reads and checks a region list (CSV/XLSX) without a database. */
export async function readWilayahFile(path: string): Promise<Wilayah> {
  return tableToWilayah(await readTable(path));
}

/**
 * Imports kecamatan and desa. Re-importing renames and moves by code and never duplicates; a bad row or a database
 * failure leaves the database as it was. Regions missing from the file are left alone, or with `replace`
 * switched off (never deleted: proposals and Telegram groups point at them).
 */
export async function importWilayahFile(
  store: Store,
  path: string,
  options: ImportOptions = {},
): Promise<WilayahCounts> {
  return writeWilayah(store, await readWilayahFile(path), options);
}

/** Upserts a checked region list in one transaction: kecamatan first, then their desa. */
export async function writeWilayah(
  store: Store,
  wilayah: Wilayah,
  options: ImportOptions = {},
): Promise<WilayahCounts> {
  const counts = { districts: emptyCounts(wilayah.districts.length), villages: emptyCounts(wilayah.villages.length) };
  const progress = progressFor(wilayah.districts.length + wilayah.villages.length, options.onProgress);
  await store.db.$transaction(async (tx) => {
    await freeKemendagriCodes(tx, wilayah);
    const districts = wilayah.districts.map((d) => ({
      code: d.code,
      name: d.name,
      searchName: searchForm(d.name),
      active: true,
      ...(d.kemendagriCode === undefined ? {} : { kemendagriCode: d.kemendagriCode }),
    }));
    await upsertRows(
      districts,
      {
        key: (row) => row.code,
        stored: byCode(
          await tx.district.findMany({
            select: { code: true, name: true, searchName: true, active: true, kemendagriCode: true },
          }),
        ),
        createMany: (data) => tx.district.createMany({ data }),
        updateMany: (rows) => upsertByKey(tx, store.flavour, "District", "code", rows, new Date()),
        deactivate: (codes) => tx.district.updateMany({ where: { code: { in: codes } }, data: { active: false } }),
      },
      counts.districts,
      progress,
      options.replace,
    );
    const villages = wilayah.villages.map((v) => ({ ...v, searchName: searchForm(v.name), active: true }));
    await upsertRows(
      villages,
      {
        key: (row) => row.code,
        stored: byCode(
          await tx.village.findMany({
            select: {
              code: true,
              name: true,
              districtCode: true,
              searchName: true,
              active: true,
              kemendagriCode: true,
            },
          }),
        ),
        createMany: (data) => tx.village.createMany({ data }),
        updateMany: (rows) => upsertByKey(tx, store.flavour, "Village", "code", rows, new Date()),
        deactivate: (codes) => tx.village.updateMany({ where: { code: { in: codes } }, data: { active: false } }),
      },
      counts.villages,
      (done) => progress(districts.length + done),
      options.replace,
    );
  }, transactionOptions);
  return counts;
}

/**
 * A Kemendagri code is unique; when a newer list gives a code to another region than before (a desa renamed or
 * moved), the old holder lets go of it first.
 */
async function freeKemendagriCodes(tx: Tx, wilayah: Wilayah): Promise<void> {
  const owners = (rows: DistrictRow[]) =>
    new Map(rows.flatMap((r) => (r.kemendagriCode == null ? [] : [[r.kemendagriCode, r.code] as const])));
  const districts = owners(wilayah.districts);
  const villages = owners(wilayah.villages);
  const select = { code: true, kemendagriCode: true } as const;
  const taken = (stored: { code: string; kemendagriCode: string | null }[], wanted: Map<string, string>) =>
    stored.filter((s) => wanted.get(s.kemendagriCode!) !== s.code).map((s) => s.code);
  if (districts.size) {
    const stored = await tx.district.findMany({ where: { kemendagriCode: { in: [...districts.keys()] } }, select });
    const codes = taken(stored, districts);
    if (codes.length) await tx.district.updateMany({ where: { code: { in: codes } }, data: { kemendagriCode: null } });
  }
  if (villages.size) {
    const stored = await tx.village.findMany({ where: { kemendagriCode: { in: [...villages.keys()] } }, select });
    const codes = taken(stored, villages);
    if (codes.length) await tx.village.updateMany({ where: { code: { in: codes } }, data: { kemendagriCode: null } });
  }
}

function byCode<T extends { code: string }>(rows: T[]): Map<string, T> {
  return new Map(rows.map((row) => [row.code, row]));
}
