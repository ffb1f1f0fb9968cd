import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadRegions } from "../../src/store/regions.ts";
import { importWilayahFile, readWilayahFile } from "../../src/import/index.ts";
import type { Store } from "../../src/store/client.ts";
import { storeCases } from "../support/stores.ts";
import { editLine, importFailure, samples, withLine, writeTmp, writeXlsx } from "./files.ts";

describe.each(storeCases())("wilayah import on $name", (storeCase) => {
  let store: Store;
  beforeEach(async () => {
    store = await storeCase.open();
  });
  afterEach(async () => {
    await store.db.$disconnect();
  });

  it("imports Bekasi's 23 kecamatan and 187 desa, and again changes nothing", async () => {
    expect(await importWilayahFile(store, samples.bekasi)).toEqual({
      districts: { created: 23, updated: 0, unchanged: 0, total: 23, deactivated: 0 },
      villages: { created: 187, updated: 0, unchanged: 0, total: 187, deactivated: 0 },
    });
    expect(await importWilayahFile(store, samples.bekasi)).toEqual({
      districts: { created: 0, updated: 0, unchanged: 23, total: 23, deactivated: 0 },
      villages: { created: 0, updated: 0, unchanged: 187, total: 187, deactivated: 0 },
    });
    expect(await store.db.district.count()).toBe(23);
    expect(await store.db.village.count()).toBe(187);
    expect(await store.db.village.findUniqueOrThrow({ where: { code: "3216010001" } })).toMatchObject({
      name: "Ragemanunggal",
      searchName: "ragemanunggal",
      districtCode: "3216010",
    });
  });

  it("renames a desa in place on re-import", async () => {
    await importWilayahFile(store, samples.bekasi);
    const renamed = writeTmp(
      "wilayah.csv",
      withLine(samples.bekasi, 2, (l) => l.replace("Ragemanunggal", "Rage Manunggal")),
    );
    expect((await importWilayahFile(store, renamed)).villages).toMatchObject({ updated: 1, unchanged: 186 });
    expect(await store.db.village.findUniqueOrThrow({ where: { code: "3216010001" } })).toMatchObject({
      searchName: "rage manunggal",
    });
  });

  it("with replace, switches off the desa a new list leaves out, so residents can no longer pick them", async () => {
    await importWilayahFile(store, samples.bekasi);
    // The first kecamatan's desa only (the header and the lines that start with its code).
    const lines = readFileSync(samples.bekasi, "utf8").split(/\r?\n/);
    const first = lines.filter((l, i) => i === 0 || l.startsWith("3216010,"));
    const one = writeTmp("wilayah-satu.csv", first.join("\n"));
    const counts = await importWilayahFile(store, one, { replace: true });
    expect(counts.districts).toMatchObject({ unchanged: 1, deactivated: 22 });
    expect(counts.villages.deactivated).toBe(187 - counts.villages.total);
    const regions = await loadRegions(store.db);
    expect(regions.size).toBe(counts.villages.total);
    expect(regions.searchAnswer("Sukamaju").kind).toBe("none");
    expect(await store.db.village.count()).toBe(187);
  });

  it("reports bad codes with line and column and leaves the database as it was", async () => {
    await importWilayahFile(store, samples.bekasi);
    let text = withLine(samples.bekasi, 3, (l) => l.replace("3216010002", "32160100X2"));
    text = editLine(text, 4, (l) => l.replace(/,3216010(\d{3}),/, ",3216020$1,"));
    text = editLine(text, 5, (l) => l.replace("Setu", "Setu Baru"));
    const message = await importFailure(importWilayahFile(store, writeTmp("wilayah-bekasi.csv", text)));
    expect(message).toContain('wilayah-bekasi.csv line 3, column kode_desa: desa code "32160100X2" must be 10 digits');
    expect(message).toContain("wilayah-bekasi.csv line 4, column kode_desa: desa code 3216020");
    expect(message).toContain("does not start with its kecamatan code 3216010");
    expect(message).toContain(
      'wilayah-bekasi.csv line 5, column nama_kecamatan: kecamatan 3216010 is named "Setu" on line 2',
    );
    expect(await store.db.village.count()).toBe(187);
    expect(await store.db.district.findUniqueOrThrow({ where: { code: "3216010" } })).toMatchObject({ name: "Setu" });
  });

  it("reports a repeated desa and an unknown layout", async () => {
    const repeated = writeTmp(
      "w.csv",
      "kode_kecamatan,nama_kecamatan,kode_desa,nama_desa\n3216010,Setu,3216010001,A\n3216010,Setu,3216010001,B\n",
    );
    expect(await importFailure(importWilayahFile(store, repeated))).toMatch(
      /^w\.csv line 3, column kode_desa: desa code 3216010001 is already used on line 2/,
    );
    const unknown = writeTmp("u.csv", "provinsi,kota\nJawa Barat,Bekasi\n");
    expect(await importFailure(importWilayahFile(store, unknown))).toMatch(
      /^u\.csv line 1: unknown region-list headers \(provinsi, kota\); expected kode_kecamatan/,
    );
    expect(await store.db.district.count()).toBe(0);
  });

  it("takes the common alternative headers and a kode/nama/level list with provinsi and kabupaten rows", async () => {
    const alt = writeTmp("alt.csv", "Kode Kec;Kecamatan;Kode Desa;Desa\n3216010;Setu;3216010001;Ragemanunggal\n");
    expect((await readWilayahFile(alt)).villages).toEqual([
      { code: "3216010001", name: "Ragemanunggal", districtCode: "3216010" },
    ]);
    const flat = await writeXlsx("bps.xlsx", [
      ["kode", "nama", "level"],
      ["32", "JAWA BARAT", "provinsi"],
      [3216, "BEKASI", "kabupaten"],
      [3216010, "SETU", "kecamatan"],
      [3216010001, "RAGEMANUNGGAL", "desa"],
      [3216010002, "MUKTIJAYA", "kelurahan"],
    ]);
    expect(await importWilayahFile(store, flat)).toMatchObject({ districts: { created: 1 }, villages: { created: 2 } });
    const orphan = writeTmp("o.csv", "kode,nama\n3216010,Setu\n3216020001,Sukatani\n32160100,Salah\n");
    const message = await importFailure(readWilayahFile(orphan));
    expect(message).toContain("o.csv line 3: kecamatan 3216020 of desa 3216020001 is not in the file");
    expect(message).toContain(
      'o.csv line 4, column kode: code "32160100" must be 7 digits (kecamatan) or 10 digits (desa)',
    );
  });
});
