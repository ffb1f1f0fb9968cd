// Spreadsheet-safe CSV cells: every CSV the product writes goes through here, so a resident's text or a kamus
// name that starts like a formula ("=HYPERLINK(...)", "+1", "-2+3", "@SUM") is shown as text in Excel and
// LibreOffice instead of running. OWASP "CSV injection": prefix such a cell with a single quote.
import { stringify } from "csv-stringify/sync";

/** Characters that make a spreadsheet read a cell as a formula (also after leading tabs or carriage returns). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Control characters other than tab, line feed and carriage return (which CSV quoting handles). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Text without control characters (tab, line feed and carriage return stay). */
export function stripControl(text: string): string {
  return text.replace(CONTROL, "");
}

/**
 * One cell as it may go into a CSV: control characters removed; text that would start a formula gets a leading
 * `'`. Numbers stay numbers (a negative number is data, not a formula). Example: `csvSafeCell("=1+1")` → `"'=1+1"`.
 */
export function csvSafeCell(value: string | number | boolean | null | undefined): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "string") return value;
  const clean = stripControl(value);
  return FORMULA_START.test(clean) ? `'${clean}` : clean;
}

/**
 * Rows as CSV text with a header line (no BOM), every cell made safe. Example:
 * `toSafeCsv([{ a: "=1" }], ["a"])` → `"a\n'=1\n"`.
 */
export function toSafeCsv(rows: readonly Record<string, unknown>[], columns: readonly string[]): string {
  const safe = rows.map((row) => {
    const out: Record<string, string | number | boolean | null> = {};
    for (const key of columns) {
      const v = row[key];
      out[key] = csvSafeCell(
        typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v == null ? v : JSON.stringify(v),
      );
    }
    return out;
  });
  return stringify(safe, { header: true, columns: [...columns] });
}
