// The running matcher follows learned phrases without rebuilding: what this process taught it is not taught
// again at the next check, what another process stored is added in place, and a removed phrase rebuilds it.
// After each check it ranks exactly as a matcher rebuilt from the database.
import { expect, it } from "vitest";
import { pino } from "pino";
import { buildMatcher } from "../../src/kamus/matcher.ts";
import type { KamusMatcher } from "../../src/kamus/types.ts";
import type { Store } from "../../src/store/client.ts";
import { addLearnedPhrase, learnPhrase, loadKamus, removeLearnedPhrase } from "../../src/store/learned-phrases.ts";
import { rankings as rankingsOf, watchedStore } from "./harness.ts";

const logger = pino({ level: "silent" });
const queries = ["kolam ikan warga kering", "lampu gang mati", "sumur bor buat warga", "jalan rusak berlubang"];
const rankings = (matcher: KamusMatcher) => rankingsOf(matcher, queries);

async function rebuiltRankings(s: Store): Promise<string[][]> {
  const { entries, learned } = await loadKamus(s.db);
  return rankings(buildMatcher(entries, learned));
}

it("keeps the live matcher equal to a rebuilt one while phrases are learned here, elsewhere and removed", async () => {
  const { store, watch } = await watchedStore(logger);
  let swaps = 0;
  watch.onChange(() => swaps++);
  const live = watch.matcher;
  const [pond, light] = await store.db.kamusEntry.findMany({ orderBy: { kode: "asc" }, take: 2 });

  // Taught here (as a confirmed proposal does): stored and learned at once; the check adds nothing.
  await learnPhrase(store.db, live, { kode: pond!.kode, phrase: "kolam ikan warga kering", source: "resident" });
  await learnPhrase(store.db, live, { kode: pond!.kode, phrase: "kolam ikan warga kering", source: "resident" });
  expect(await watch.check()).toEqual({ kamus: false, regions: false });
  expect(swaps).toBe(0);
  expect(rankings(live)).toEqual(await rebuiltRankings(store));

  // Stored by another process (the CLI, another copy of the bot): added in place at the next check.
  await addLearnedPhrase(store.db, { kode: light!.kode, phrase: "sumur bor buat warga", source: "officer" });
  await addLearnedPhrase(store.db, { kode: pond!.kode, phrase: "kolam ikan warga kering", source: "officer" });
  expect(rankings(live)).not.toEqual(await rebuiltRankings(store));
  expect(await watch.check()).toEqual({ kamus: true, regions: false });
  expect(watch.matcher).toBe(live);
  expect(swaps).toBe(0);
  expect(rankings(live)).toEqual(await rebuiltRankings(store));
  expect(await watch.check()).toEqual({ kamus: false, regions: false });

  // Removed: only a rebuild forgets it, and the new matcher is swapped in.
  const [first] = await store.db.learnedPhrase.findMany({ orderBy: { id: "asc" }, take: 1 });
  await removeLearnedPhrase(store.db, first!.id);
  expect(await watch.check()).toEqual({ kamus: true, regions: false });
  expect(swaps).toBe(1);
  expect(watch.matcher).not.toBe(live);
  expect(rankings(watch.matcher)).toEqual(await rebuiltRankings(store));
});
