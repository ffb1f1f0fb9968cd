import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importKamusFile, readKamusFile, writeKamus } from "../../src/import/index.ts";
import { listKamus } from "../../src/store/kamus-list.ts";
import type { Store } from "../../src/store/client.ts";
import { storeCases } from "../support/stores.ts";
import { csvRows, generatedKamus, importFailure, samples, withLine, writeTmp, writeXlsx } from "./files.ts";

/** Every stored entry without ids and timestamps, to compare whole tables. */
async function snapshot(store: Store) {
  const rows = await store.db.kamusEntry.findMany({ orderBy: { kode: "asc" } });
  return rows.map(({ id: _id, createdAt: _c, updatedAt: _u, ...rest }) => rest);
}

describe.each(storeCases())("kamus import on $name", (storeCase) => {
  let store: Store;
  beforeEach(async () => {
    store = await storeCase.open();
  });
  afterEach(async () => {
    await store.db.$disconnect();
  });

  it("imports Jember's 62 entries, and again leaves 62 with nothing created", async () => {
    expect(await importKamusFile(store, samples.jember)).toEqual({
      created: 62,
      updated: 0,
      unchanged: 0,
      total: 62,
      deactivated: 0,
    });
    expect(await importKamusFile(store, samples.jember)).toEqual({
      created: 0,
      updated: 0,
      unchanged: 62,
      total: 62,
      deactivated: 0,
    });
    expect(await store.db.kamusEntry.count()).toBe(62);
    const taman = await store.db.kamusEntry.findUniqueOrThrow({ where: { kode: "1" } });
    expect(taman).toMatchObject({
      nama: "Pembuatan Taman",
      kind: "USULAN FISIK",
      unit: null,
      unitPrice: null,
      active: true,
    });
    expect(taman.agency).toMatch(/^Dinas Perumahan Rakyat/);
    expect(taman.searchText).toBe(`pembuatan taman ${taman.agency!.toLowerCase()}`);
  });

  it("imports Malang's 240 entries with every column", async () => {
    expect(await importKamusFile(store, samples.malang)).toMatchObject({ created: 240, total: 240 });
    const first = (await listKamus(store.db))[0];
    expect(first).toMatchObject({
      kode: "MLG23-001",
      nama: "Rehab Sedang SD",
      perangkat_daerah: "Dinas Pendidikan dan Kebudayaan",
      kode_sub_kegiatan: "1.01.02.2.01.08",
      satuan: "m²",
      harga_satuan: 2000000,
    });
    expect(first!.persyaratan).toMatch(/^Syarat: 1\. Penilaian/);
  });

  it("updates a changed entry in place on re-import", async () => {
    await importKamusFile(store, samples.malang);
    const changed = writeTmp(
      "kamus-malang-2024.csv",
      withLine(samples.malang, 2, (l) => l.replace(",2000000,", ",2100000,")),
    );
    expect(await importKamusFile(store, changed)).toEqual({
      created: 0,
      updated: 1,
      unchanged: 239,
      total: 240,
      deactivated: 0,
    });
    expect((await store.db.kamusEntry.findUniqueOrThrow({ where: { kode: "MLG23-001" } })).unitPrice).toBe(2100000);
  });

  it("with replace, switches off the entries a new kamus leaves out: residents are no longer offered them, old proposals keep them", async () => {
    await importKamusFile(store, samples.malang);
    expect(await importKamusFile(store, samples.jember, { replace: true })).toMatchObject({
      created: 62,
      deactivated: 240,
    });
    const listed = await listKamus(store.db);
    expect(listed).toHaveLength(62);
    expect(listed.some((e) => e.kode.startsWith("MLG23-"))).toBe(false);
    expect(await store.db.kamusEntry.count()).toBe(302);
    // Importing the Malang file again brings its entries back; without replace the Jember ones stay.
    expect(await importKamusFile(store, samples.malang)).toMatchObject({ updated: 240, deactivated: 0 });
    expect(await listKamus(store.db)).toHaveLength(302);
  });

  it("imports an XLSX copy of the Malang file as exactly the same 240 entries", async () => {
    const [header, ...rows] = csvRows(samples.malang);
    const price = header!.indexOf("harga_satuan");
    // As Excel keeps it: prices are numbers; one name is rich text and one price a formula.
    const cells: ExcelJS.CellValue[][] = rows.map((row) => row.map((v, i) => (i === price ? Number(v) : v || null)));
    cells[0]![1] = { richText: [{ text: "Rehab " }, { font: { bold: true }, text: "Sedang SD" }] };
    cells[1]![price] = { formula: "2*1350000", result: 2700000 };
    const xlsx = await writeXlsx("kamus-malang-2023.xlsx", [header!, ...cells]);
    expect(await readKamusFile(xlsx)).toEqual(await readKamusFile(samples.malang));
    expect(await importKamusFile(store, samples.malang)).toMatchObject({ created: 240 });
    const fromCsv = await snapshot(store);
    expect(await importKamusFile(store, xlsx)).toEqual({
      created: 0,
      updated: 0,
      unchanged: 240,
      total: 240,
      deactivated: 0,
    });
    expect(await snapshot(store)).toEqual(fromCsv);
  });

  it("refuses a file with a blank name, naming that line, and leaves an empty database empty", async () => {
    const blank = writeTmp(
      "kamus-jember-2017.csv",
      withLine(samples.jember, 5, (l) => l.replace(/^4,"[^"]*",/, "4,,")),
    );
    const message = await importFailure(importKamusFile(store, blank));
    expect(message).toMatch(/^kamus-jember-2017\.csv line 5, column nama_usulan: name is empty\. Nothing was imported/);
    expect(await store.db.kamusEntry.count()).toBe(0);
  });

  it("leaves existing entries untouched when a later file has bad rows", async () => {
    await importKamusFile(store, samples.malang);
    const before = await snapshot(store);
    let text = withLine(samples.malang, 2, (l) => l.replace("Rehab Sedang SD", "Rehab Sedang SD Negeri"));
    text = text.replace("\nMLG23-003,Rehab Sedang SMP,", "\nMLG23-003, ,");
    text = text.replace(",2000000,", ",dua juta,");
    const message = await importFailure(importKamusFile(store, writeTmp("kamus.csv", text)));
    expect(message).toContain('kamus.csv line 2, column harga_satuan: price "dua juta" is not a number');
    expect(message).toContain("kamus.csv line 4, column nama: name is empty");
    expect(await snapshot(store)).toEqual(before);
  });

  it("rolls back every batch when the database fails part-way", async () => {
    const entries = Array.from({ length: 600 }, (_, i) => ({ kode: `K-${i}`, nama: `Kegiatan ${i}` }));
    // A row the database refuses (a name is required), past the first batch: the file check never lets one through.
    entries.push({ kode: "K-600", nama: null as unknown as string });
    await expect(writeKamus(store, entries)).rejects.toThrow();
    expect(await store.db.kamusEntry.count()).toBe(0);
  });

  it("reports a repeated kode, an unknown layout, and a price that is not a number", async () => {
    const repeated = writeTmp("dup.csv", "kode,nama\nA,Rabat\nB,Paving\nA,Drainase\n");
    expect(await importFailure(importKamusFile(store, repeated))).toMatch(
      /^dup\.csv line 4, column kode: kode "A" is already used on line 2/,
    );
    const unknown = writeTmp("other.csv", "nomor,judul\n1,Rabat\n");
    const message = await importFailure(importKamusFile(store, unknown));
    expect(message).toMatch(
      /^other\.csv line 1: no name column among the headers \(nomor, judul\); expected .*nama_usulan.*giat_teks/,
    );
    const price = writeTmp("price.csv", "kode;nama;harga_satuan\nA;Rabat;350000\nB;Paving;Rp 1,2 juta\n");
    expect(await importFailure(importKamusFile(store, price))).toMatch(
      /^price\.csv line 3, column harga_satuan: price "Rp 1,2 juta" is not a number/,
    );
    expect(await store.db.kamusEntry.count()).toBe(0);
  });

  it("reads an Excel-style semicolon CSV with a BOM, CRLF and Indonesian prices", async () => {
    const csv =
      "\uFEFFKode;Nama;Perangkat Daerah;Satuan;Harga Satuan\r\nA-1;Rabat beton;Dinas PUPR;m²;Rp 350.000,00\r\nA-2;Lampu, jalan;Dishub;titik;2.500.000\r\n";
    expect(await importKamusFile(store, writeTmp("semicolon.csv", csv))).toMatchObject({ created: 2 });
    expect(await store.db.kamusEntry.findUniqueOrThrow({ where: { kode: "A-2" } })).toMatchObject({
      nama: "Lampu, jalan",
      agency: "Dishub",
      unit: "titik",
      unitPrice: 2500000,
    });
  });

  it("reads SIPD's own field names", async () => {
    const csv = [
      "id_kamus,giat_teks,satuan,anggaran,kode_skpd,nama_skpd,bidang_urusan,nama_program,kode_sub_giat,nama_sub_giat,kelompok,outcome_teks",
      "8812,Pembangunan Drainase Lingkungan,m,1250000,1.03.0.00.0.00.01.0000,Dinas Pekerjaan Umum dan Penataan Ruang,URUSAN PEMERINTAHAN BIDANG PEKERJAAN UMUM,PROGRAM PENGELOLAAN SUMBER DAYA AIR,1.03.02.2.01.12,Pembangunan Saluran Drainase,Fisik,Genangan berkurang",
    ].join("\n");
    await importKamusFile(store, writeTmp("sipd.csv", csv));
    expect(await store.db.kamusEntry.findUniqueOrThrow({ where: { kode: "8812" } })).toMatchObject({
      nama: "Pembangunan Drainase Lingkungan",
      unit: "m",
      unitPrice: 1250000,
      agencyCode: "1.03.0.00.0.00.01.0000",
      agency: "Dinas Pekerjaan Umum dan Penataan Ruang",
      urusan: "URUSAN PEMERINTAHAN BIDANG PEKERJAAN UMUM",
      program: "PROGRAM PENGELOLAAN SUMBER DAYA AIR",
      subKegiatanCode: "1.03.02.2.01.12",
      subKegiatan: "Pembangunan Saluran Drainase",
      kind: "Fisik",
    });
  });

  it("puts an optional prefix before every kode", async () => {
    await importKamusFile(store, samples.jember, { kodePrefix: "JBR-" });
    expect(await store.db.kamusEntry.count({ where: { kode: { startsWith: "JBR-" } } })).toBe(62);
  });

  it("reports progress every 500 rows for a file over 1,000 rows, and none for small files", async () => {
    const calls: [number, number][] = [];
    await importKamusFile(store, writeTmp("big.csv", generatedKamus(1500)), {
      onProgress: (done, total) => calls.push([done, total]),
    });
    expect(calls).toEqual([
      [500, 1500],
      [1000, 1500],
      [1500, 1500],
    ]);
    const small: unknown[] = [];
    await importKamusFile(store, samples.jember, { onProgress: (...args) => small.push(args) });
    expect(small).toEqual([]);
  });

  // How fast is measured by `npm run bench:import`, not here: a busy machine must not fail a correct import.
  it("imports, re-imports and then fully updates 3,000 rows", async () => {
    const create = await importKamusFile(store, writeTmp("k3000.csv", generatedKamus(3000)));
    const same = await importKamusFile(store, writeTmp("k3000.csv", generatedKamus(3000)));
    const update = await importKamusFile(store, writeTmp("k3000b.csv", generatedKamus(3000, " (revisi)")));
    expect([create.created, same.unchanged, update.updated]).toEqual([3000, 3000, 3000]);
  });
});
