// Files for import tests: the sample data in the repository, and temporary variants written per test.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { expect } from "vitest";
import { parse } from "csv-parse/sync";
import { projectRoot } from "../../src/config/paths.ts";
import { ImportError } from "../../src/import/errors.ts";
import { isRefusal } from "../../src/refusal.ts";
import { testTmpDir } from "../support/paths.ts";

export const samples = {
  malang: join(projectRoot, "prisma/seed/kamus-malang-2023.csv"),
  bekasi: join(projectRoot, "prisma/seed/wilayah-bekasi.csv"),
  jember: join(projectRoot, "test/import/fixtures/kamus-jember-2017.csv"),
};

/** A fresh folder under the test tmp dir. */
export function tmpFolder(): string {
  const dir = join(testTmpDir, `import-${randomUUID()}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Writes `content` as `name` in a fresh folder and returns the path. */
export function writeTmp(name: string, content: string | Uint8Array): string {
  const path = join(tmpFolder(), name);
  writeFileSync(path, content);
  return path;
}

/** A sample CSV's text with the given (1-based, physical) line edited; the samples have no multi-line fields. */
export function withLine(sample: string, line: number, edit: (text: string) => string): string {
  return editLine(readFileSync(sample, "utf8"), line, edit);
}

/** `text` with one (1-based) line edited. */
export function editLine(text: string, line: number, edit: (line: string) => string): string {
  const lines = text.split("\n");
  lines[line - 1] = edit(lines[line - 1]!);
  return lines.join("\n");
}

/** The message of the ImportError (a Refusal, 422: the file is at fault) that `work` must fail with. */
export async function importFailure(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  expect(isRefusal(error) && error.status).toBe(422);
  return (error as ImportError).message;
}

/** The rows of a CSV as arrays of strings, header first. */
export function csvRows(path: string): string[][] {
  return parse(readFileSync(path));
}

/** An XLSX with one worksheet holding `rows` (header first), starting at sheet row `firstRow`. */
export async function writeXlsx(name: string, rows: ExcelJS.CellValue[][], firstRow = 1): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Kamus");
  rows.forEach((cells, i) => {
    const row = sheet.getRow(firstRow + i);
    cells.forEach((value, j) => (row.getCell(j + 1).value = value));
    row.commit();
  });
  const path = join(tmpFolder(), name);
  await workbook.xlsx.writeFile(path);
  return path;
}

/** A generated kamus of `n` rows in the Malang layout, every entry distinct. */
export function generatedKamus(n: number, suffix = ""): string {
  const lines = ["kode,nama,perangkat_daerah,satuan,harga_satuan"];
  for (let i = 1; i <= n; i++) lines.push(`GEN-${i},Kegiatan ${i}${suffix},Dinas ${i % 17},m²,${1000 * i}`);
  return lines.join("\n") + "\n";
}
