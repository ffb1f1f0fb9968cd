// Writes rows as JSON, CSV or XLSX: the one place that knows the export formats (CLI and dashboard).
import ExcelJS from "exceljs";
import { stripControl, toSafeCsv } from "./csv-safe.ts";

export type TableFormat = "json" | "csv" | "xlsx";

/** Parses a --format value; null when unknown. */
export function parseFormat(input: string, allowed: readonly TableFormat[]): TableFormat | null {
  const f = input.toLowerCase() as TableFormat;
  return allowed.includes(f) ? f : null;
}

/** How a record becomes one spreadsheet row; `columns` also heads an empty export. */
export interface FlatShape<T> {
  columns: readonly string[];
  flat: (record: T) => Record<string, string | number | null>;
}

/** JSON keeps the nested records; CSV/XLSX get one column per field of `shape`. */
export async function renderTable<T>(
  format: TableFormat,
  records: T[],
  shape: FlatShape<T>,
  sheetName = "data",
): Promise<Buffer> {
  if (format === "json") return Buffer.from(`${JSON.stringify(records, null, 2)}\n`);
  const rows = records.map(shape.flat);
  const columns = [...shape.columns];
  if (format === "csv") {
    // A BOM so that Excel, which officers open CSVs with, reads Indonesian text as UTF-8; cells that would
    // start a formula are neutralised (see csv-safe.ts).
    return Buffer.from(`\uFEFF${toSafeCsv(rows, columns)}`);
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = columns.map((key) => ({ header: key, key, width: Math.min(40, Math.max(10, key.length + 2)) }));
  // Strings stay strings (exceljs never turns them into formulas); control characters are not valid XML.
  sheet.addRows(
    rows.map((row) =>
      Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "string" ? stripControl(v) : v])),
    ),
  );
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
