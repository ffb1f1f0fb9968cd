// Learning: a confirmed phrase changes the ranking at once, and still does after a restart (a new matcher built
// from the database), on SQLite and, with TEST_DATABASE_URL, on PostgreSQL.
import { describe, expect, it } from "vitest";
import { writeKamus } from "../../src/import/index.ts";
import { buildMatcher } from "../../src/kamus/matcher.ts";
import { addLearnedPhrase, loadKamus, removeLearnedPhrase } from "../../src/store/learned-phrases.ts";
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
