// Keeps a running host's kamus matcher and region index in step with the database. Imports (`musrenbang
// import kamus|wilayah`) and removed learned phrases (`musrenbang phrases remove`) happen in another process;
// a cheap fingerprint query every `intervalMs` notices them and builds a fresh matcher or region index for
// the host to swap in, so officers need not restart the bot. Tests: test/host/reference-watch.test.ts.
import { buildMatcher } from "../kamus/matcher.ts";
import type { Logger } from "../logger.ts";
import { loadRegions } from "../store/regions.ts";
import type { Db } from "../store/client.ts";
import { loadKamus } from "../store/learned-phrases.ts";
import type { KamusMatcher } from "../kamus/types.ts";
import type { RegionIndex } from "../regions/index.ts";

/** What changes when the kamus or its learned phrases change (an import touches `updatedAt`). */
async function kamusFingerprint(db: Db): Promise<string> {
  const [entries, phrases] = await Promise.all([
    db.kamusEntry.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
    db.learnedPhrase.aggregate({ _count: { _all: true }, _max: { id: true } }),
  ]);
  return [entries._count._all, entries._max.updatedAt?.getTime(), phrases._count._all, phrases._max.id].join(":");
}

/** The same for kecamatan and desa. */
async function regionFingerprint(db: Db): Promise<string> {
  const [villages, districts] = await Promise.all([
    db.village.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
    db.district.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
  ]);
  return [
    villages._count._all,
    villages._max.updatedAt?.getTime(),
    districts._count._all,
    districts._max.updatedAt?.getTime(),
  ].join(":");
}

export interface ReferenceWatch {
  /** The newest matcher and region index. */
  readonly matcher: KamusMatcher;
  readonly regions: RegionIndex;
  /** `fn` runs after every reload that changed something (e.g. to swap them into the host). */
  onChange(fn: (data: { matcher: KamusMatcher; regions: RegionIndex }) => void): void;
  /** Compares the fingerprints now and reloads what changed; returns what was reloaded. */
  check(): Promise<{ kamus: boolean; regions: boolean }>;
  stop(): void;
}

/**
 * Loads the kamus matcher and the region index now, and again whenever they change in the database
 * (polling every `intervalMs`, default 30 s; 0 = only on `check()`).
 */
export async function watchReferenceData(options: {
  db: Db;
  logger: Logger;
  intervalMs?: number;
}): Promise<ReferenceWatch> {
  const { db, logger } = options;
  let prints = { kamus: "", regions: "" };
  let matcher: KamusMatcher | undefined;
  let regions: RegionIndex | undefined;
  const listeners: ((data: { matcher: KamusMatcher; regions: RegionIndex }) => void)[] = [];
  let checking: Promise<{ kamus: boolean; regions: boolean }> | undefined;

  async function reload(): Promise<{ kamus: boolean; regions: boolean }> {
    // Fingerprints are read before the data, so a change during the load is seen on the next check.
    const [kamus, region] = await Promise.all([kamusFingerprint(db), regionFingerprint(db)]);
    const changed = { kamus: kamus !== prints.kamus, regions: region !== prints.regions };
    const first = !matcher;
    if (changed.kamus) {
      const data = await loadKamus(db);
      matcher = buildMatcher(data.entries, data.learned);
      if (!first)
        logger.info(
          { entries: data.entries.length, learned: data.learned.length },
          "kamus changed in the database: matcher rebuilt",
        );
    }
    if (changed.regions) {
      regions = await loadRegions(db);
      if (!first) logger.info({ villages: regions.size }, "region list changed in the database: reloaded");
    }
    prints = { kamus, regions: region };
    if (!first && (changed.kamus || changed.regions))
      for (const fn of listeners) fn({ matcher: matcher!, regions: regions! });
    return changed;
  }

  const check = () => {
    checking ??= reload().finally(() => (checking = undefined));
    return checking;
  };
  await check();
  const interval = options.intervalMs ?? 30_000;
  const timer =
    interval > 0
      ? setInterval(() => {
          check().catch((error: unknown) =>
            logger.warn({ err: error }, "could not check the kamus and regions for changes; will try again"),
          );
        }, interval)
      : undefined;
  timer?.unref();
  return {
    get matcher() {
      return matcher!;
    },
    get regions() {
      return regions!;
    },
    onChange: (fn) => listeners.push(fn),
    check,
    stop: () => clearInterval(timer),
  };
}
