// A kamus file for the matcher without a database. The importer (src/import/) owns the file formats (Malang,
// Jember, SIPD; CSV or XLSX); this alias stays for callers written before it landed.
import { readKamusFile } from "../import/index.ts";
import type { KamusDoc } from "./types.ts";

/** Reads a kamus CSV/XLSX in any layout the importer knows; prefer `readKamusFile` from src/import in new code. */
export async function readKamusCsv(path: string): Promise<KamusDoc[]> {
  return readKamusFile(path);
}
