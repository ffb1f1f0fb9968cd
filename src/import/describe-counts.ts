// An import's outcome in the officer's words, the same on the command line and the dashboard.
import type { WilayahCounts } from "./import-wilayah.ts";
import type { ImportCounts } from "./progress.ts";

/** e.g. "62 baru, 0 diperbarui, 0 tetap" (and ", 3 dinonaktifkan" when a full list switched rows off). */
export function describeChanges(c: ImportCounts): string {
  const off = c.deactivated ? `, ${c.deactivated} dinonaktifkan` : "";
  return `${c.created} baru, ${c.updated} diperbarui, ${c.unchanged} tetap${off}`;
}

/** A kamus or wilayah import's counts, e.g. "240 entri (240 baru, 0 diperbarui, 0 tetap)". */
export function describeImport(counts: ImportCounts | WilayahCounts): string {
  if ("districts" in counts)
    return `${counts.districts.total} kecamatan (${describeChanges(counts.districts)}), ${counts.villages.total} desa (${describeChanges(counts.villages)})`;
  return `${counts.total} entri (${describeChanges(counts)})`;
}
