import { describe, expect, it } from "vitest";
import { readTable } from "../../src/import/read-table.ts";
import { parsePrice } from "../../src/import/price.ts";
import { headerKey, mapColumns } from "../../src/import/headers.ts";
import { kamusAliases } from "../../src/import/kamus-columns.ts";
import { importFailure, writeTmp, writeXlsx } from "./files.ts";

const failure = (path: string) => importFailure(readTable(path));

describe("reading CSV", () => {
  it("numbers each row by the physical line where it starts, across blank lines and quoted line breaks", async () => {
    const csv = 'kode,nama\n\nA,"Rabat\nBeton"\nB,Paving\n,\nC,"satu\r\n\r\ndua"\r\nD,Drainase';
    const table = await readTable(writeTmp("lines.csv", csv));
    expect(table.headers).toEqual(["kode", "nama"]);
    expect(table.rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [3, "A"],
      [5, "B"],
      [7, "C"],
      [10, "D"],
    ]);
    expect(table.rows[0]!.cells[1]).toBe("Rabat\nBeton");
  });

  it("drops a BOM, detects `;` and tab, and trims cells", async () => {
    const semicolon = await readTable(
      writeTmp("s.csv", "\uFEFFkode;nama;harga\r\n A-1 ; Rabat, beton ;Rp 2.000.000,00\r\n"),
    );
    expect(semicolon.headers).toEqual(["kode", "nama", "harga"]);
    expect(semicolon.rows[0]!.cells).toEqual(["A-1", "Rabat, beton", "Rp 2.000.000,00"]);
    const tab = await readTable(writeTmp("t.csv", "kode\tnama\nA\tB\n"));
    expect(tab.rows[0]!.cells).toEqual(["A", "B"]);
  });

  it("refuses text that is not UTF-8, naming the line of the first bad byte", async () => {
    const latin1 = Buffer.concat([Buffer.from("kode,nama\nA,Jalan\nB,Caf"), Buffer.from([0xe9]), Buffer.from("\n")]);
    expect(await failure(writeTmp("latin1.csv", latin1))).toMatch(
      /^latin1\.csv line 3: the text is not UTF-8.*CSV UTF-8/,
    );
  });

  it("names the line of a quote that is never closed and of a row with too many values", async () => {
    expect(await failure(writeTmp("q.csv", 'kode,nama\nA,ok\nB,"Rabat\nC,x\n'))).toMatch(
      /^q\.csv line 3: a double quote/,
    );
    expect(await failure(writeTmp("n.csv", "kode,nama\nA,Rabat, beton\n"))).toMatch(
      /^n\.csv line 2: 3 values but the header has 2 columns/,
    );
  });

  it("says when the file is missing, empty, or an old .xls", async () => {
    expect(await failure("/nowhere/kamus.csv")).toMatch(
      /^kamus\.csv: file not found \(looked for \/nowhere\/kamus\.csv\)/,
    );
    expect(await failure(writeTmp("empty.csv", "\n\n"))).toMatch(/^empty\.csv: the file is empty/);
    expect(await failure(writeTmp("old.xls", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0])))).toMatch(
      /\.xls\) files are not supported; save it as \.xlsx/,
    );
  });
});

describe("reading XLSX", () => {
  it("takes the first non-empty row as header, numbers rows by sheet row, and normalises cell values", async () => {
    const path = await writeXlsx(
      "cells.xlsx",
      [
        ["Kode", "Nama", "Harga Satuan"],
        [],
        [
          12,
          { richText: [{ text: "Rabat " }, { font: { bold: true }, text: "Beton" }] },
          { formula: "1000*350", result: 350000 },
        ],
        ["B", { text: "Lampu", hyperlink: "https://example.org" }, "Rp 1.500.000"],
      ],
      3,
    );
    const table = await readTable(path);
    expect(table.headerLine).toBe(3);
    expect(table.headers).toEqual(["Kode", "Nama", "Harga Satuan"]);
    expect(table.rows).toEqual([
      { line: 5, cells: [12, "Rabat Beton", 350000] },
      { line: 6, cells: ["B", "Lampu", "Rp 1.500.000"] },
    ]);
  });
});

describe("prices", () => {
  it.each([
    ["2000000", 2000000],
    ["2.000.000", 2000000],
    ["Rp 2.000.000,00", 2000000],
    ["Rp2.000.000,-", 2000000],
    ["2,000,000", 2000000],
    ["1500.5", 1500.5],
    ["1,5", 1.5],
    [350000, 350000],
    [null, null],
  ])("reads %j as %j", (text, value) => expect(parsePrice(text)).toBe(value));

  it.each(["dua juta", "Rp", "2.000.00", "-5", "12a", "1.2.3"])("refuses %j", (text) =>
    expect(parsePrice(text)).toBeUndefined(),
  );
});

describe("headers", () => {
  it("ignore case, spaces, underscores and punctuation", () => {
    expect(headerKey(" Kode_Sub-Kegiatan ")).toBe("kodesubkegiatan");
    const columns = mapColumns(["ID KAMUS", "Giat Teks", "Nama SKPD", "Anggaran"], kamusAliases);
    expect(Object.fromEntries(Object.entries(columns).map(([f, c]) => [f, c.index]))).toEqual({
      kode: 0,
      nama: 1,
      agency: 2,
      unitPrice: 3,
    });
  });

  it("prefer a file's own kode over id_kamus", () => {
    expect(mapColumns(["id_kamus", "kode", "nama"], kamusAliases).kode?.header).toBe("kode");
  });
});
