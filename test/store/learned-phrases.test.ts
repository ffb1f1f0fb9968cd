import { describe, expect, it } from "vitest";
import { writeKamus } from "../../src/import/index.ts";
import type { Store } from "../../src/store/client.ts";
import {
  addLearnedPhrase,
  listLearnedPhrases,
  loadKamus,
  removeLearnedPhrase,
} from "../../src/store/learned-phrases.ts";
import { storeCases } from "../support/stores.ts";

const entries = [
  { kode: "K-1", nama: "PJU Tiang Hole 40Watt", agency: "Dinas PU", unit: "titik", unitPrice: 5_000_000 },
  { kode: "K-2", nama: "Pengadaan tong sampah", agency: "Kecamatan", unit: "unit", unitPrice: 300_000 },
];

async function seeded(open: () => Promise<Store>): Promise<Store> {
  const store = await open();
  await writeKamus(store, entries);
  return store;
}

describe.each(storeCases())("learned phrases on $name", ({ open }) => {
  it("adds, lists and removes a phrase", async () => {
    const store = await seeded(open);
    const { record, created } = await addLearnedPhrase(store.db, {
      kode: "K-1",
      phrase: "  lampu   gang ",
      createdBy: "admin",
    });
    expect(created).toBe(true);
    expect(record).toMatchObject({ kode: "K-1", phrase: "lampu gang", source: "officer", createdBy: "admin" });
    expect(await listLearnedPhrases(store.db)).toEqual([record]);
    expect(await removeLearnedPhrase(store.db, record.id)).toEqual(record);
    expect(await listLearnedPhrases(store.db)).toEqual([]);
    expect(await removeLearnedPhrase(store.db, record.id)).toBeNull();
    await store.db.$disconnect();
  });

  it("stores the same wording for the same entry once, however it is written, and counts its uses", async () => {
    const store = await seeded(open);
    const first = await addLearnedPhrase(store.db, { kode: "K-1", phrase: "Lampu Gg gelap", source: "resident" });
    const again = await addLearnedPhrase(store.db, { kode: "K-1", phrase: "lampu gang gelap" });
    expect(first.record.uses).toBe(1);
    expect(again).toEqual({ record: { ...first.record, uses: 2 }, created: false });
    const other = await addLearnedPhrase(store.db, { kode: "K-2", phrase: "lampu gang gelap" });
    expect(other.created).toBe(true);
    expect(await listLearnedPhrases(store.db, { kode: "K-1" })).toHaveLength(1);
    await store.db.$disconnect();
  });

  it("refuses an unknown kode and an empty phrase with a readable reason", async () => {
    const store = await seeded(open);
    await expect(addLearnedPhrase(store.db, { kode: "NOPE", phrase: "apa saja" })).rejects.toThrow(
      /no kamus entry with kode "NOPE"/,
    );
    await expect(addLearnedPhrase(store.db, { kode: "K-1", phrase: " ... " })).rejects.toThrow(/no words/);
    await store.db.$disconnect();
  });

  it("loads the active kamus with its phrases for a matcher", async () => {
    const store = await seeded(open);
    await addLearnedPhrase(store.db, { kode: "K-2", phrase: "bak runtah" });
    await store.db.kamusEntry.update({ where: { kode: "K-1" }, data: { active: false } });
    const { entries: loaded, learned } = await loadKamus(store.db);
    expect(loaded.map((e) => e.kode)).toEqual(["K-2"]);
    expect(loaded[0]).toMatchObject({
      nama: "Pengadaan tong sampah",
      agency: "Kecamatan",
      unit: "unit",
      unitPrice: 300_000,
    });
    expect(learned).toEqual([{ kode: "K-2", phrase: "bak runtah", uses: 1 }]);
    await store.db.$disconnect();
  });
});
