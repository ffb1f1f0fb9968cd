// An officer imports a kamus or region list with the CLI while the bot runs: the running host picks it up
// at the next check, without a restart, and a check that finds nothing new rebuilds nothing.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { pino } from "pino";
import { importKamusFile, importWilayahFile } from "../../src/import/index.ts";
import { watchReferenceData, type ReferenceWatch } from "../../src/host/reference-watch.ts";
import { addLearnedPhrase, removeLearnedPhrase } from "../../src/store/learned-phrases.ts";
import { testTmpDir } from "../support/paths.ts";
import { startBot, type Bot } from "./harness.ts";

const logger = pino({ level: "silent" });
let bot: Bot | undefined;
let watch: ReferenceWatch | undefined;
afterEach(async () => {
  watch?.stop();
  await bot?.close();
  bot = watch = undefined;
});

/** A kamus file in the Jember format (no unit, no price) holding one new entry. */
function kamusFile(): string {
  const path = join(testTmpDir, `kamus-perahu-${process.pid}.csv`);
  writeFileSync(
    path,
    "id_kamus,nama_usulan,jenis_usulan,opd_pelaksana\n9001,Pengadaan Perahu Karet Evakuasi,USULAN NON FISIK,Badan Penanggulangan Bencana Daerah\n",
  );
  return path;
}

it("offers a kamus entry imported while the bot runs, after the next check", async () => {
  bot = await startBot();
  watch = await watchReferenceData({ db: bot.store.db, logger, intervalMs: 0 });
  const swaps: number[] = [];
  watch.onChange(({ matcher, regions }) => {
    swaps.push(matcher.size);
    bot!.host.setMatcher(matcher);
    bot!.host.setRegions(regions);
  });
  expect(await watch.check()).toEqual({ kamus: false, regions: false });

  await importKamusFile(bot.store, kamusFile());
  expect(await watch.check()).toEqual({ kamus: true, regions: false });
  expect(swaps).toEqual([241]);

  await bot.send("u1", { text: "halo" });
  await bot.send("u1", { text: "1" });
  const asked = await bot.send("u1", { text: "desa sukamaju sering banjir, warga susah dievakuasi" });
  expect(asked.expecting).toBe("kamus"); // entries found from the problem; other words search again
  const offer = await bot.send("u1", { text: "minta perahu karet" });
  expect(offer.expecting).toBe("kamus");
  expect(offer.replies.flatMap((r) => r.options ?? []).map((o) => o.label)[0]).toMatch(
    /^Pengadaan Perahu Karet Evakuasi/,
  );
  expect(await watch.check()).toEqual({ kamus: false, regions: false }); // nothing changed since: nothing rebuilt
  expect(swaps).toHaveLength(1);
});

it("reloads the region list after a wilayah import and the matcher after a learned phrase is removed", async () => {
  bot = await startBot();
  watch = await watchReferenceData({ db: bot.store.db, logger, intervalMs: 0 });
  expect(watch.regions.byCode("3216010999")).toBeUndefined();
  const wilayah = join(testTmpDir, `wilayah-plus-${process.pid}.csv`);
  writeFileSync(
    wilayah,
    "kode_kecamatan,nama_kecamatan,kode_desa,nama_desa\n3216010,Setu,3216010999,Sukabaru Makmur\n",
  );
  await importWilayahFile(bot.store, wilayah);
  expect(await watch.check()).toEqual({ kamus: false, regions: true });
  expect(watch.regions.byCode("3216010999")?.name).toBe("Sukabaru Makmur");
  await importWilayahFile(bot.store, wilayah, { replace: true }); // that desa is now the whole list
  expect(await watch.check()).toEqual({ kamus: false, regions: true });
  expect(watch.regions.size).toBe(1);

  const entry = await bot.store.db.kamusEntry.findFirstOrThrow({ orderBy: { kode: "asc" } });
  const { record } = await addLearnedPhrase(bot.store.db, {
    kode: entry.kode,
    phrase: "kolam ikan warga",
    source: "officer",
  });
  expect(await watch.check()).toEqual({ kamus: true, regions: false });
  await removeLearnedPhrase(bot.store.db, record.id);
  expect(await watch.check()).toEqual({ kamus: true, regions: false });
  expect(await watch.check()).toEqual({ kamus: false, regions: false });
});
