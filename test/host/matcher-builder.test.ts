// The matcher built in a worker thread ranks exactly as one built here, and while a reload builds it the
// running bot keeps answering with the old one, which is swapped for the new one only when it is ready.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it, onTestFinished } from "vitest";
import { pino } from "pino";
import { importKamusFile } from "../../src/import/index.ts";
import { buildMatcherInWorker } from "../../src/host/matcher-builder.ts";
import { buildMatcher } from "../../src/kamus/matcher.ts";
import type { KamusMatcher } from "../../src/kamus/types.ts";
import { addLearnedPhrase, loadKamus } from "../../src/store/learned-phrases.ts";
import { testTmpDir } from "../support/paths.ts";
import { rankings as rankingsOf, seededSqlite, watchedStore } from "./harness.ts";

const queries = [
  "jln gg kami rusak parah blm prnh diaspal, kl ujan becek",
  "lampu jalan depan masjid mati",
  "plthn menjahit buat ibu2",
  "kolam ikan warga kering",
  "minta perahu karet buat evakuasi banjir",
];
const rankings = (matcher: KamusMatcher) => rankingsOf(matcher, queries);

it("builds in a worker thread the same matcher as in this thread, learned phrases included", async () => {
  const store = await seededSqlite();
  onTestFinished(() => store.db.$disconnect());
  const [entry] = await store.db.kamusEntry.findMany({ orderBy: { kode: "asc" }, take: 1 });
  await addLearnedPhrase(store.db, { kode: entry!.kode, phrase: "kolam ikan warga kering", source: "officer" });
  const { entries, learned } = await loadKamus(store.db);
  const { matcher } = await buildMatcherInWorker(store.url);
  expect(matcher.size).toBe(entries.length);
  expect(rankings(matcher)).toEqual(rankings(buildMatcher(entries, learned)));
  // It learns on as a matcher built here does.
  const here = buildMatcher(entries, learned);
  for (const m of [matcher, here]) m.learn({ kode: entry!.kode, phrase: "lampu jalan depan masjid mati" });
  expect(rankings(matcher)).toEqual(rankings(here));
});

it("keeps answering with the old matcher while a reload builds the new one, then swaps it in", async () => {
  const warnings: string[] = [];
  const logger = pino({ level: "warn" }, { write: (line: string) => warnings.push(line) });
  const { store, watch } = await watchedStore(logger, { inWorker: true });
  const old = watch.matcher;
  const swapped: KamusMatcher[] = [];
  watch.onChange(({ matcher }) => swapped.push(matcher));
  const file = join(testTmpDir, `kamus-perahu-worker-${process.pid}.csv`);
  writeFileSync(file, "kode,nama,perangkat_daerah\nW-1,Pengadaan Perahu Karet Evakuasi,BPBD\n");
  await importKamusFile(store, file);

  const checking = watch.check();
  // Meanwhile: the old matcher, whole and answering.
  expect(watch.matcher).toBe(old);
  expect(old.entry("W-1")).toBeUndefined();
  expect(old.match("lampu jalan depan masjid mati").matches.length).toBeGreaterThan(0);
  expect(await checking).toEqual({ kamus: true, regions: false });
  expect(swapped).toEqual([watch.matcher]);
  expect(watch.matcher.entry("W-1")?.nama).toBe("Pengadaan Perahu Karet Evakuasi");
  expect(watch.matcher.match("minta perahu karet", { top: 1 }).matches[0]?.entry.kode).toBe("W-1");
  expect(warnings).toEqual([]); // built by the worker both times, not by the fallback on this thread
});
