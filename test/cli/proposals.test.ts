import { describe, expect, it, beforeAll } from "vitest";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { freshSqlite } from "../support/stores.ts";
import { runCli } from "../support/cli.ts";
import type { Store } from "../../src/store/client.ts";

let store: Store;

beforeAll(async () => {
  store = await freshSqlite();
  const { db } = store;
  await db.district.create({ data: { code: "3216010", name: "Setu", searchName: "setu" } });
  await db.village.create({
    data: { code: "3216010001", name: "Ragemanunggal", searchName: "ragemanunggal", districtCode: "3216010" },
  });
  await db.village.create({
    data: { code: "3216010002", name: "Muktijaya", searchName: "muktijaya", districtCode: "3216010" },
  });
  const entry = await db.kamusEntry.create({
    data: {
      kode: "MLG23-064",
      nama: "Rabat Beton",
      agency: "Dinas PUPR",
      unit: "m²",
      unitPrice: 350000,
      searchText: "rabat beton",
    },
  });
  await db.resident.create({ data: { id: "r1" } });
  await db.proposal.create({
    data: {
      code: "U26-7K3Q",
      villageCode: "3216010001",
      rt: "03",
      rw: "05",
      address: "Gang Mawar",
      problem: "Gang becek kalau hujan",
      activity: "Rabat beton",
      kamusEntryId: entry.id,
      volume: 300,
      unit: "m²",
      estimatedCost: 105_000_000,
      beneficiaries: 120,
      channel: "whatsapp",
      searchText: "gang becek",
      proposerId: "r1",
      supports: { create: [{ residentId: "r1" }] },
    },
  });
  await db.proposal.create({
    data: {
      code: "U26-AB2C",
      status: "DITOLAK",
      villageCode: "3216010002",
      problem: "Lampu jalan mati",
      kamusNoMatch: true,
      channel: "telegram",
      searchText: "lampu",
    },
  });
  await db.$disconnect();
});

/** One element of `musrenbang proposals --format json` (DESIGN.md §7); the test reads these fields. */
type ExportedProposal = { code: string; kamus: unknown } & Record<string, unknown>;

describe("musrenbang proposals", () => {
  it("prints every proposal as JSON with village, district, kamus and supporters", async () => {
    const r = await runCli(["proposals", "--format", "json"], { databaseUrl: store.url });
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as ExportedProposal[];
    expect(list.map((p: { code: string }) => p.code)).toEqual(["U26-7K3Q", "U26-AB2C"]);
    expect(list[0]).toMatchObject({
      status: "DIAJUKAN",
      village: { kode: "3216010001", nama: "Ragemanunggal" },
      district: { kode: "3216010", nama: "Setu" },
      rt: "03",
      rw: "05",
      kamus: { kode: "MLG23-064", nama: "Rabat Beton", agency: "Dinas PUPR", satuan: "m²", harga_satuan: 350000 },
      volume: 300,
      estimated_cost: 105000000,
      supporters: 1,
      channel: "whatsapp",
    });
    expect(list[1]!.kamus).toBeNull();
  });

  it("filters by village and by status", async () => {
    const byVillage = await runCli(["proposals", "--village", "3216010002"], { databaseUrl: store.url });
    expect((JSON.parse(byVillage.stdout) as ExportedProposal[]).map((p: { code: string }) => p.code)).toEqual([
      "U26-AB2C",
    ]);
    const byStatus = await runCli(["proposals", "--status", "diajukan"], { databaseUrl: store.url });
    expect((JSON.parse(byStatus.stdout) as ExportedProposal[]).map((p: { code: string }) => p.code)).toEqual([
      "U26-7K3Q",
    ]);
  });

  it("writes CSV that Excel reads as UTF-8, one column per field", async () => {
    const r = await runCli(["proposals", "--format", "csv"], { databaseUrl: store.url });
    expect(r.stdout.startsWith("\uFEFF")).toBe(true);
    const rows = parse<Record<string, string>>(r.stdout.slice(1), { columns: true });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      code: "U26-7K3Q",
      village_nama: "Ragemanunggal",
      kamus_satuan: "m²",
      estimated_cost: "105000000",
    });
  });

  it("writes an XLSX workbook to --out", async () => {
    const out = `${store.url.slice(5)}.xlsx`;
    const r = await runCli(["proposals", "--format", "xlsx", "--out", out], { databaseUrl: store.url });
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe("code");
    expect(sheet.getRow(2).getCell(1).value).toBe("U26-7K3Q");
    expect(sheet.rowCount).toBe(3);
  });

  it("refuses an unknown status or format with one line and a non-zero exit", async () => {
    const badStatus = await runCli(["proposals", "--status", "SELESAI"], { databaseUrl: store.url });
    expect(badStatus.code).not.toBe(0);
    expect(badStatus.stderr.trim().split("\n")).toHaveLength(1);
    expect(badStatus.stderr).toContain("SELESAI");
    const badFormat = await runCli(["proposals", "--format", "pdf"], { databaseUrl: store.url });
    expect(badFormat.code).not.toBe(0);
    expect(badFormat.stderr).toContain("json, csv, xlsx");
  });

  it("works on a fresh database: migrations are applied first and the list is empty", async () => {
    const url = `file:${store.url.slice(5)}.fresh.db`;
    const r = await runCli(["proposals", "--format", "json"], { databaseUrl: url });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });

  it("explains a malformed DATABASE_URL", async () => {
    const r = await runCli(["proposals"], { databaseUrl: "mysql://localhost/x" });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/DATABASE_URL.*postgresql:\/\//);
  });
});
