// Filed pairs: a CSV or XLSX with columns `text,kode` (the problem as an officer typed it → the kamus entry filed),
// e.g. a kelurahan's SIPD proposals. `musrenbang match --learn FILE` and `bench:match -- --cv FILE` read them.
import { Problems, fileError } from "./errors.ts";
import { readTable } from "./read-table.ts";
import { isBlankRow } from "./table.ts";
import type { LearnedPhraseDoc } from "../kamus/types.ts";

/**
 * The pairs of `path`, in file order; every row needs a text and a kode. With `known`, a kode it does not contain is
 * an error naming the row. Throws an ImportError listing every bad row.
 */
export async function readFiledPairs(path: string, known?: (kode: string) => boolean): Promise<LearnedPhraseDoc[]> {
  const table = await readTable(path);
  const headers = table.headers.map((h) => h.trim().toLowerCase());
  const textAt = headers.indexOf("text");
  const kodeAt = headers.indexOf("kode");
  if (textAt < 0 || kodeAt < 0)
    throw fileError(
      table.file,
      `expected the columns "text" and "kode" in the header, found: ${table.headers.join(", ")}`,
    );
  const problems = new Problems(table.file);
  const pairs: LearnedPhraseDoc[] = [];
  for (const row of table.rows) {
    if (isBlankRow(row.cells)) continue;
    const text = String(row.cells[textAt] ?? "").trim();
    const kode = String(row.cells[kodeAt] ?? "").trim();
    if (!text) problems.add(row.line, "text", "the text is empty");
    else if (!kode) problems.add(row.line, "kode", "the kode is empty");
    else if (known && !known(kode)) problems.add(row.line, "kode", `no kamus entry has the kode "${kode}"`);
    else pairs.push({ kode, phrase: text });
  }
  problems.throwIfAny();
  return pairs;
}
