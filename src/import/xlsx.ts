// XLSX into a Table: the first worksheet; the header is its first non-empty row; lines are sheet row numbers.
import ExcelJS from "exceljs";
import { ImportError } from "./errors.ts";
import { cleanCell, isBlankRow, type Cell, type Table, type TableRow } from "./table.ts";

/** Reads the first worksheet of an XLSX workbook. */
export async function readXlsx(bytes: Uint8Array, file: string): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs wants a Node Buffer; its typings name an older Buffer type.
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new ImportError(file, [
      {
        message: `not a readable XLSX workbook (${(error as Error).message}); save it again from Excel as .xlsx or CSV UTF-8`,
      },
    ]);
  }
  const sheet = workbook.worksheets[0];
  const rows: TableRow[] = [];
  sheet?.eachRow({ includeEmpty: false }, (row) => {
    const cells: Cell[] = [];
    for (let col = 1; col <= row.cellCount; col++) cells.push(cellValue(row.getCell(col).value));
    if (!isBlankRow(cells)) rows.push({ line: row.number, cells });
  });
  const [header, ...data] = rows;
  if (!header)
    throw new ImportError(file, [
      { message: "the first worksheet is empty: expected a header row, then one row per entry" },
    ]);
  const headers = header.cells.map((c) => (c === null ? "" : String(c)));
  return { file, headerLine: header.line, headers, rows: data };
}

/** Rich text → its text, formulas → their cached result, dates → yyyy-mm-dd, numbers stay numbers. */
export function cellValue(value: ExcelJS.CellValue | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string") return cleanCell(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value) return cleanCell(value.richText.map((r) => r.text).join(""));
  if ("formula" in value || "sharedFormula" in value) return cellValue(value.result);
  if ("hyperlink" in value) return cellValue(value.text);
  if ("error" in value) return value.error;
  return null;
}
