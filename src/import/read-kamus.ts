// A kamus file read and checked without any database (`musrenbang match --kamus FILE`, the matcher benchmark).
import { readTable } from "./read-table.ts";
import { tableToKamus, type KamusReadOptions, type KamusRow } from "./kamus-rows.ts";

/** Reads a kamus CSV/XLSX in any recognised format; throws an ImportError naming file, line and column of each bad row. */
export async function readKamusFile(path: string, options: KamusReadOptions = {}): Promise<KamusRow[]> {
  return tableToKamus(await readTable(path), options);
}
