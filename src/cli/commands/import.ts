import { basename } from "node:path";
import type { Command } from "commander";
import { withStore } from "../with-store.ts";
import { readKamusFile, readWilayahFile, writeKamus, writeWilayah, type ImportCounts } from "../../import/index.ts";

/**
 * `musrenbang import kamus FILE` and `musrenbang import wilayah FILE`: CSV or XLSX, all or nothing.
 * The file is read and checked before the database is opened, so a bad file never touches it.
 */
export function registerImport(program: Command): void {
  const command = program.command("import").description("import the kamus usulan or the region list from CSV or XLSX");

  command
    .command("kamus")
    .argument("<file>", "kamus CSV/XLSX (Malang, Jember or SIPD columns)")
    .option(
      "--kode-prefix <prefix>",
      "put this before every kode, e.g. JBR- (when numeric id_kamus of two sources must not collide)",
    )
    .option("--replace", REPLACE_HELP)
    .description("add or update kamus entries by kode; a bad row aborts the whole import")
    .action(async (file: string, opts: { kodePrefix?: string; replace?: boolean }) => {
      const entries = await readKamusFile(file, { kodePrefix: opts.kodePrefix });
      const counts = await withStore((store) =>
        writeKamus(store, entries, { onProgress: progress("Kamus"), replace: opts.replace }),
      );
      console.log(`Kamus: ${counts.total} entri (${changes(counts)}) dari ${basename(file)}`);
    });

  command
    .command("wilayah")
    .argument("<file>", "region list CSV/XLSX (kode_kecamatan, nama_kecamatan, kode_desa, nama_desa)")
    .option("--replace", REPLACE_HELP)
    .description("add or update kecamatan and desa by BPS code; a bad row aborts the whole import")
    .action(async (file: string, opts: { replace?: boolean }) => {
      const wilayah = await readWilayahFile(file);
      const { districts, villages } = await withStore((store) =>
        writeWilayah(store, wilayah, { onProgress: progress("Wilayah"), replace: opts.replace }),
      );
      console.log(
        `Wilayah: ${districts.total} kecamatan (${changes(districts)}), ${villages.total} desa (${changes(villages)}) dari ${basename(file)}`,
      );
    });
}

const REPLACE_HELP =
  "the file is the whole list: what is stored but missing from it is switched off (no longer offered to residents, kept for existing proposals)";

function changes(c: ImportCounts): string {
  const off = c.deactivated ? `, ${c.deactivated} dinonaktifkan` : "";
  return `${c.created} baru, ${c.updated} diperbarui, ${c.unchanged} tetap${off}`;
}

/** Progress of big files on stderr, so stdout keeps only the result line. */
function progress(label: string) {
  return (done: number, total: number) => console.error(`${label}: ${done}/${total} baris diproses`);
}
