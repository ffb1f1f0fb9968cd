import { describe, expect, it, beforeEach, afterEach } from "vitest";
import { storeCases } from "../support/stores.ts";
import type { Store } from "../../src/store/client.ts";
import { searchForm, searchKamus, searchVillages } from "../../src/store/search.ts";

describe.each(storeCases())("case-insensitive search on $name", ({ open }) => {
  let store: Store;
  beforeEach(async () => {
    store = await open();
    const entries = [
      { kode: "K1", nama: "Rabat Beton Jalan Lingkungan", agency: "Dinas PUPR" },
      { kode: "K2", nama: "PENERANGAN JALAN UMUM (PJU)", agency: "Dinas Perhubungan" },
      { kode: "K3", nama: "Pelatihan Menjahit 100% Gratis_Ibu", agency: "Dinas Tenaga Kerja" },
    ];
    for (const e of entries) {
      await store.db.kamusEntry.create({ data: { ...e, searchText: searchForm(`${e.nama} ${e.agency}`) } });
    }
    await store.db.district.create({
      data: { code: "3216021", name: "Cikarang Utara", searchName: searchForm("Cikarang Utara") },
    });
    await store.db.village.create({
      data: { code: "3216021001", name: "KARANGASIH", searchName: searchForm("KARANGASIH"), districtCode: "3216021" },
    });
  });
  afterEach(() => store.db.$disconnect());

  const kodes = async (q: string) => (await searchKamus(store.db, q)).map((e) => e.kode);

  it("finds upper-case text with a lower-case query and the reverse", async () => {
    expect(await kodes("penerangan")).toEqual(["K2"]);
    expect(await kodes("RABAT BETON")).toEqual(["K1"]);
    expect(await kodes("Jalan")).toEqual(["K1", "K2"]);
  });

  it("matches words in any order, across name and agency", async () => {
    expect(await kodes("pupr beton")).toEqual(["K1"]);
  });

  it("treats % and _ as plain characters, not wildcards", async () => {
    expect(await kodes("100%")).toEqual(["K3"]);
    expect(await kodes("%")).toEqual(["K3"]);
    expect(await kodes("_ibu")).toEqual(["K3"]);
    expect(await kodes("r_bat")).toEqual([]);
  });

  it("finds a village by any case of its name, with its kecamatan", async () => {
    const found = await searchVillages(store.db, "karangAsih");
    expect(found.map((v) => [v.name, v.district.name])).toEqual([["KARANGASIH", "Cikarang Utara"]]);
  });
});
