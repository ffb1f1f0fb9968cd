import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importKabupaten, importWilayahFile } from "../../src/import/index.ts";
import { loadRegions } from "../../src/store/regions.ts";
import type { Store } from "../../src/store/client.ts";
import { storeCases } from "../support/stores.ts";
import { samples } from "./files.ts";

describe.each(storeCases())("import wilayah --kabupaten on $name", (storeCase) => {
  let store: Store;
  beforeEach(async () => {
    store = await storeCase.open();
  });
  afterEach(async () => {
    await store.db.$disconnect();
  });

  it("gives every desa of the BPS sample its Kemendagri code, matching 'Cileduk' to 'Ciledug', and adds nothing", async () => {
    await importWilayahFile(store, samples.bekasi);
    const result = await importKabupaten(store, "32.16");
    expect(result.kabupaten).toEqual({ code: "32.16", name: "Kabupaten Bekasi" });
    expect(result.added).toEqual({ districts: 0, villages: 0 });
    expect(result.unmatched).toEqual([]);
    expect(result.counts.villages).toMatchObject({ created: 0, updated: 187 });
    expect(result.spelling).toContainEqual({
      level: "desa",
      code: "3216010008",
      kemendagriCode: "32.16.18.2004",
      stored: "Cileduk",
      kemendagri: "Ciledug",
    });
    // The BPS code stays the key and the stored spelling stays; the Kemendagri code sits beside it.
    expect(await store.db.village.findUniqueOrThrow({ where: { code: "3216010008" } })).toMatchObject({
      name: "Cileduk",
      kemendagriCode: "32.16.18.2004",
    });
    expect(await store.db.district.findUniqueOrThrow({ where: { code: "3216010" } })).toMatchObject({
      name: "Setu",
      kemendagriCode: "32.16.18",
    });
    expect(await store.db.village.count({ where: { kemendagriCode: null } })).toBe(0);
    expect(await store.db.village.count()).toBe(187);
    const again = await importKabupaten(store, "3216");
    expect(again.counts.villages).toMatchObject({ created: 0, updated: 0, unchanged: 187 });
  });

  it("loads a kabupaten into an empty database under Kemendagri codes, and residents can name its desa", async () => {
    const result = await importKabupaten(store, "32.16");
    expect(result.added).toEqual({ districts: 23, villages: 187 });
    expect(await store.db.village.findUniqueOrThrow({ where: { code: "32.16.14.2003" } })).toMatchObject({
      districtCode: "32.16.14",
      kemendagriCode: "32.16.14.2003",
    });
    const regions = await loadRegions(store.db);
    expect(regions.size).toBe(187);
    expect(regions.searchAnswer("Ciledug").kind).not.toBe("none");
  });

  it("with replace, switches off the sample desa a kabupaten of another province does not list", async () => {
    await importWilayahFile(store, samples.bekasi);
    const result = await importKabupaten(store, "35.09", { replace: true });
    expect(result.kabupaten.name).toBe("Kabupaten Jember");
    expect(result.counts.villages.deactivated).toBe(187);
    expect(result.unmatched).toEqual([]);
    const regions = await loadRegions(store.db);
    expect(regions.size).toBe(result.counts.villages.total);
    expect(regions.searchAnswer("Ragemanunggal").kind).toBe("none");
  });

  it("refuses a code that is not a kabupaten, saying what a code looks like, and writes nothing", async () => {
    await expect(importKabupaten(store, "99.99")).rejects.toThrow(/32\.16/);
    await expect(importKabupaten(store, "Bekasi")).rejects.toThrow(/32\.16/);
    expect(await store.db.village.count()).toBe(0);
  });
});
