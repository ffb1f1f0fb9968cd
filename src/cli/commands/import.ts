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
    .option("--kode-prefix <prefix>", "put this before every kode, e.g. JBR- (when numeric id_kamus of two sources must not collide)")
    .description("add or update kamus entries by kode; a bad row aborts the whole import")
    .action(async (file: string, opts: { kodePrefix?: string }) => {
      const entries = await readKamusFile(file, { kodePrefix: opts.kodePrefix });
      const counts = await withStore((store) => writeKamus(store, entries, { onProgress: progress("Kamus") }));
      console.log(`Kamus: ${counts.total} entri (${changes(counts)}) dari ${basename(file)}`);
    });

  command
    .command("wilayah")
    .argument("<file>", "region list CSV/XLSX (kode_kecamatan, nama_kecamatan, kode_desa, nama_desa)")
    .description("add or update kecamatan and desa by BPS code; a bad row aborts the whole import")
    .action(async (file: string) => {
      const wilayah = await readWilayahFile(file);
      const { districts, villages } = await withStore((store) => writeWilayah(store, wilayah, { onProgress: progress("Wilayah") }));
      console.log(
        `Wilayah: ${districts.total} kecamatan (${changes(districts)}), ${villages.total} desa (${changes(villages)}) dari ${basename(file)}`,
      );
    });
}

function changes(c: ImportCounts): string {
  return `${c.created} baru, ${c.updated} diperbarui, ${c.unchanged} tetap`;
}

/** Progress of big files on stderr, so stdout keeps only the result line. */
function progress(label: string) {
  return (done: number, total: number) => console.error(`${label}: ${done}/${total} baris diproses`);
}
