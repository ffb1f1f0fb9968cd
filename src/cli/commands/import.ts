import { basename } from "node:path";
import type { Command } from "commander";
import { withStore } from "../with-store.ts";
import {
  describeChanges,
  importKabupaten,
  readKamusFile,
  readWilayahFile,
  writeKamus,
  writeWilayah,
  type KabupatenImport,
} from "../../import/index.ts";
import { Refusal } from "../../refusal.ts";

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
      console.log(`Kamus: ${counts.total} entri (${describeChanges(counts)}) dari ${basename(file)}`);
    });

  command
    .command("wilayah")
    .argument("[file]", "region list CSV/XLSX (kode_kecamatan, nama_kecamatan, kode_desa, nama_desa)")
    .option(
      "--kabupaten <kode>",
      "instead of a file: this kabupaten's kecamatan and desa from idn-area-data (Kemendagri code, e.g. 32.16)",
    )
    .option("--replace", REPLACE_HELP)
    .description("add or update kecamatan and desa by code; a bad row aborts the whole import")
    .action(async (file: string | undefined, opts: { kabupaten?: string; replace?: boolean }) => {
      if ((file === undefined) === (opts.kabupaten === undefined)) {
        throw new Refusal(400, "give either a region-list FILE or --kabupaten KODE (e.g. --kabupaten 32.16), not both");
      }
      if (opts.kabupaten !== undefined) {
        const kode = opts.kabupaten;
        const result = await withStore((store) =>
          importKabupaten(store, kode, { onProgress: progress("Wilayah"), replace: opts.replace }),
        );
        printKabupaten(result);
        return;
      }
      const wilayah = await readWilayahFile(file!);
      const { districts, villages } = await withStore((store) =>
        writeWilayah(store, wilayah, { onProgress: progress("Wilayah"), replace: opts.replace }),
      );
      console.log(
        `Wilayah: ${districts.total} kecamatan (${describeChanges(districts)}), ${villages.total} desa (${describeChanges(villages)}) dari ${basename(file!)}`,
      );
    });
}

const REPLACE_HELP =
  "the file is the whole list: what is stored but missing from it is switched off (no longer offered to residents, kept for existing proposals)";

/** The counts, then every name matched by close spelling and every stored region Kemendagri does not list. */
function printKabupaten(r: KabupatenImport): void {
  const { districts, villages } = r.counts;
  console.log(
    `Wilayah ${r.kabupaten.name} (${r.kabupaten.code}): ${districts.total} kecamatan (${describeChanges(districts)}), ${villages.total} desa (${describeChanges(villages)}) dari idn-area-data (Kemendagri, ODbL)`,
  );
  for (const s of r.spelling) {
    console.log(
      `Ejaan berbeda, dianggap sama: ${s.level} ${s.stored} (${s.code}) = ${s.kemendagri} (${s.kemendagriCode})`,
    );
  }
  for (const u of r.unmatched) console.log(`Tidak ada di data Kemendagri: ${u.level} ${u.name} (${u.code})`);
}

/** Progress of big files on stderr, so stdout keeps only the result line. */
function progress(label: string) {
  return (done: number, total: number) => console.error(`${label}: ${done}/${total} baris diproses`);
}
