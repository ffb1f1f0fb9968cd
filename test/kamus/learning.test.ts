// Learning: a confirmed phrase changes the ranking at once, and still does after a restart (a new matcher built
// from the database), on SQLite and, with TEST_DATABASE_URL, on PostgreSQL.
import { describe, expect, it } from "vitest";
import { writeKamus } from "../../src/import/index.ts";
import { buildMatcher } from "../../src/kamus/matcher.ts";
import { addLearnedPhrase, learnPhrase, loadKamus, removeLearnedPhrase } from "../../src/store/learned-phrases.ts";
import { storeCases } from "../support/stores.ts";
import { kodes, malangEntries } from "./support.ts";

// "Odong-odong" (a small amusement ride) is not in the Malang kamus; an officer files it under playground rides.
const text = "minta odong-odong keliling buat warga";
const playground = "MLG23-234";

describe.each(storeCases())("learning on $name", ({ open }) => {
  it("ranks an entry first for a learned phrase, also after a restart, and forgets it when removed", async () => {
    const store = await open();
    await writeKamus(store, await malangEntries());

    const before = await loadKamus(store.db);
    const live = buildMatcher(before.entries, before.learned);
    expect(kodes(live, text, 1)).not.toEqual([playground]);

    const { record } = await addLearnedPhrase(store.db, { kode: playground, phrase: "odong odong", source: "officer" });
    live.learn({ kode: playground, phrase: record.phrase });
    expect(kodes(live, text, 1)).toEqual([playground]);

    const restarted = await loadKamus(store.db);
    expect(kodes(buildMatcher(restarted.entries, restarted.learned), text, 1)).toEqual([playground]);

    await removeLearnedPhrase(store.db, record.id);
    const forgotten = await loadKamus(store.db);
    expect(kodes(buildMatcher(forgotten.entries, forgotten.learned), text, 1)).not.toEqual([playground]);
    await store.db.$disconnect();
  });

  it("learns a wording for an entry the words alone would not reach", async () => {
    const entries = await malangEntries();
    const matcher = buildMatcher(entries);
    const wording = "bikin pos kamling yang terang";
    const lampEntry = "MLG23-148";
    expect(kodes(matcher, wording)).not.toContain(lampEntry);
    matcher.learn({ kode: lampEntry, phrase: "pos kamling terang" });
    expect(kodes(matcher, wording)[0]).toBe(lampEntry);
    expect(() => matcher.learn({ kode: "NOPE", phrase: "x" })).toThrow(/NOPE/);
  });
});

// Officers' filed wordings, as in SIPD: a terse category filed to several entries, some more often than others.
const filed = [
  { kode: "MLG23-231", phrase: "Kebersihan Lingkungan" },
  { kode: "MLG23-230", phrase: "Kebersihan lingkungan" },
  { kode: "MLG23-231", phrase: "kebersihan  lingkungan" },
  { kode: "MLG23-232", phrase: "Kebersihan Lingkungan" },
  { kode: "MLG23-231", phrase: "KEBERSIHAN LINGKUNGAN" },
  { kode: "MLG23-230", phrase: "Kebersihan Lingkungan" },
  { kode: "MLG23-238", phrase: "Keagamaan" },
  { kode: "MLG23-068", phrase: "Jalan Rusak" },
];
const probes = [
  "Kebersihan Lingkungan",
  "kebersihan lingkungan RW 05",
  "Keagamaan",
  "jalan rusak",
  "lampu jalan gelap depan masjid",
  "gang kami becek kalau hujan, minta dicor",
  "pelatihan menjahit buat ibu-ibu",
];

describe.each(storeCases())("officer learning on $name", ({ open }) => {
  it("weighs a phrase taught live exactly as a matcher rebuilt from the database does", async () => {
    const store = await open();
    await writeKamus(store, await malangEntries());
    const start = await loadKamus(store.db);
    const live = buildMatcher(start.entries, start.learned);
    for (const f of filed) await learnPhrase(store.db, live, { ...f, source: "officer", createdBy: "petugas" });
    const stored = await loadKamus(store.db);
    const rebuilt = buildMatcher(stored.entries, stored.learned);
    for (const text of probes) {
      const a = live.match(text, { top: 8 }).matches;
      const b = rebuilt.match(text, { top: 8 }).matches;
      expect(a.map((m) => m.entry.kode)).toEqual(b.map((m) => m.entry.kode));
      a.forEach((m, i) => expect(m.score).toBeCloseTo(b[i]!.score, 9));
    }
    await store.db.$disconnect();
  });
});

describe("learning from officers' filed wordings", () => {
  it("brings every entry a wording was filed to into the top 3, the most frequent first", async () => {
    const matcher = buildMatcher(await malangEntries());
    for (const f of filed) matcher.learn(f);
    expect(kodes(matcher, "Kebersihan Lingkungan", 3)).toEqual(["MLG23-231", "MLG23-230", "MLG23-232"]);
    expect(kodes(matcher, "kebersihan lingkungan RT 04", 3)).toEqual(["MLG23-231", "MLG23-230", "MLG23-232"]);
  });

  it("keeps unrelated requests where they were", async () => {
    const entries = await malangEntries();
    const plain = buildMatcher(entries);
    const taught = buildMatcher(entries);
    for (const f of filed) taught.learn(f);
    for (const text of probes.slice(4)) expect(kodes(taught, text, 5).slice(0, 1)).toEqual(kodes(plain, text, 1));
  });

  it("lends a message only as much as a learned wording says about it: a shared common word is not a filing", async () => {
    const entries = await malangEntries();
    const taught = buildMatcher(entries);
    // Officers file the one word "Banjir" to a new drain, and "Lampu Jalan" to one kind of pole.
    for (let i = 0; i < 3; i++) taught.learn({ kode: "MLG23-062", phrase: "Banjir" });
    taught.learn({ kode: "MLG23-089", phrase: "Lampu Jalan" });
    expect(kodes(taught, "Banjir", 1)).toEqual(["MLG23-062"]);
    expect(kodes(taught, "banjir lagi RT 03", 1)).toEqual(["MLG23-062"]);
    // A resident who asks for boots for the flood volunteers still gets the boots, and one who names the pole and
    // the wattage still gets that lamp.
    expect(kodes(taught, "sepatu boot relawan banjir 15 pasang", 1)).toEqual(["MLG23-208"]);
    expect(kodes(taught, "lampu jalan tiang hole 60 watt 3 titik di gang kami", 1)).toEqual(["MLG23-086"]);
  });
});
