// Kamus import: read and check the whole file, then upsert by kode in one transaction, writing only changed rows.
import { upsertByKey } from "../store/bulk-upsert.ts";
import { searchForm } from "../store/search.ts";
import type { Store, Tx } from "../store/client.ts";
import type { KamusReadOptions, KamusRow } from "./kamus-rows.ts";
import { emptyCounts, progressFor, transactionOptions, type ImportCounts, type ImportOptions } from "./progress.ts";
import { readKamusFile } from "./read-kamus.ts";
import { upsertRows } from "./upsert.ts";

/** Options of importKamusFile: progress for big files and an optional kode prefix. */
export interface KamusImportOptions extends ImportOptions, KamusReadOptions {}

/**
 * Imports a kamus CSV/XLSX. Re-importing updates entries by kode and never duplicates them; a bad row or a
 * database failure leaves the database as it was. Entries missing from the file are left alone, or with
 * `replace` switched off (kept for the proposals that point at them).
 */
export async function importKamusFile(
  store: Store,
  path: string,
  options: KamusImportOptions = {},
): Promise<ImportCounts> {
  const entries = await readKamusFile(path, options);
  return writeKamus(store, entries, options);
}

/** Upserts checked entries in one transaction; exported for callers that build entries themselves. */
export async function writeKamus(
  store: Store,
  entries: KamusRow[],
  options: ImportOptions = {},
): Promise<ImportCounts> {
  const counts = emptyCounts(entries.length);
  const progress = progressFor(entries.length, options.onProgress);
  await store.db.$transaction(async (tx) => {
    await upsertRows(
      entries.map(kamusData),
      {
        key: (row) => row.kode,
        stored: await storedEntries(tx),
        createMany: (rows) => {
          const now = new Date();
          const data = rows.map((row) => ({ ...row, createdAt: now }));
          return upsertByKey(tx, store.flavour, "KamusEntry", "kode", data, now);
        },
        updateMany: (rows) => upsertByKey(tx, store.flavour, "KamusEntry", "kode", rows, new Date()),
        deactivate: (kodes) => tx.kamusEntry.updateMany({ where: { kode: { in: kodes } }, data: { active: false } }),
      },
      counts,
      progress,
      options.replace,
    );
  }, transactionOptions);
  return counts;
}

type KamusData = ReturnType<typeof kamusData>;

/** The database row for an entry; searchText makes case-insensitive search identical on SQLite and PostgreSQL. */
function kamusData(entry: KamusRow) {
  return {
    kode: entry.kode,
    nama: entry.nama,
    agency: entry.agency ?? null,
    agencyCode: entry.agencyCode ?? null,
    urusan: entry.urusan ?? null,
    program: entry.program ?? null,
    kegiatan: entry.kegiatan ?? null,
    subKegiatanCode: entry.subKegiatanCode ?? null,
    subKegiatan: entry.subKegiatan ?? null,
    unit: entry.unit ?? null,
    unitPrice: entry.unitPrice ?? null,
    kind: entry.kind ?? null,
    requirements: entry.requirements ?? null,
    searchText: searchForm([entry.nama, entry.agency, entry.subKegiatan, entry.kegiatan].filter(Boolean).join(" ")),
    active: true,
  };
}

/** Every entry already stored, by kode, with only the columns an import writes (one query, however big the file). */
async function storedEntries(tx: Tx): Promise<Map<string, KamusData>> {
  const select = Object.fromEntries(Object.keys(kamusData({ kode: "", nama: "" })).map((k) => [k, true]));
  const rows = (await tx.kamusEntry.findMany({ select })) as unknown as KamusData[];
  return new Map(rows.map((row) => [row.kode, row]));
}
