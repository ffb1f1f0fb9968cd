// Keeps a running host's kamus matcher and region index in step with the database. Imports (`musrenbang
// import kamus|wilayah`) and removed learned phrases (`musrenbang phrases remove`) happen in another process;
// a cheap fingerprint query every `intervalMs` notices them and builds a fresh matcher or region index for
// the host to swap in, so officers need not restart the bot. Phrases learned elsewhere (another copy, the
// dashboard) are taught to the running matcher in place; only a removed phrase or a kamus change rebuilds it. Tests: test/host/reference-watch.test.ts.
import { buildMatcher } from "../kamus/matcher.ts";
import type { Logger } from "../logger.ts";
import { loadRegions } from "../store/regions.ts";
import type { Db } from "../store/client.ts";
import { learnedFingerprint, learnedRows, loadKamus } from "../store/learned-phrases.ts";
import { buildMatcherInWorker } from "./matcher-builder.ts";
import { SyncedMatcher } from "./synced-matcher.ts";
import type { KamusMatcher } from "../kamus/types.ts";
import type { RegionIndex } from "../regions/index.ts";

/** What changes when the kamus entries change (an import touches `updatedAt`); learned phrases: see SyncedMatcher. */
async function entriesFingerprint(db: Db): Promise<string> {
  const entries = await db.kamusEntry.aggregate({ _count: { _all: true }, _max: { updatedAt: true } });
  return [entries._count._all, entries._max.updatedAt?.getTime()].join(":");
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
  /** The database URL: the matcher is then built in a worker thread (see matcher-builder.ts). */
  url?: string;
}): Promise<ReferenceWatch> {
  const { db, logger } = options;
  let prints = { entries: "", regions: "" };
  let matcher: SyncedMatcher | undefined;
  let regions: RegionIndex | undefined;
  const listeners: ((data: { matcher: KamusMatcher; regions: RegionIndex }) => void)[] = [];
  let checking: Promise<{ kamus: boolean; regions: boolean }> | undefined;

  async function rebuild(): Promise<SyncedMatcher> {
    if (options.url) {
      try {
        const built = await buildMatcherInWorker(options.url);
        if (matcher) logger.info({ entries: built.entries }, "kamus changed in the database: matcher rebuilt");
        return built.matcher;
      } catch (error) {
        logger.warn({ err: error }, "could not build the matcher in a worker thread: building it here");
      }
    }
    const rows = await learnedRows(db);
    const { entries } = await loadKamus(db);
    const built = new SyncedMatcher(buildMatcher(entries, rows), rows);
    if (matcher)
      logger.info({ entries: entries.length, learned: rows.length }, "kamus changed in the database: matcher rebuilt");
    return built;
  }

  async function reload(): Promise<{ kamus: boolean; regions: boolean }> {
    // Fingerprints are read before the data, so a change during the load is seen on the next check.
    const [entries, phrases, region] = await Promise.all([
      entriesFingerprint(db),
      learnedFingerprint(db),
      regionFingerprint(db),
    ]);
    const first = !matcher;
    let rebuilt = false;
    let learned = 0;
    if (!matcher || entries !== prints.entries) {
      matcher = await rebuild();
      rebuilt = true;
    } else if (phrases !== matcher.fingerprint()) {
      const outcome = matcher.sync(await learnedRows(db));
      if (outcome.rebuild) {
        matcher = await rebuild();
        rebuilt = true;
      } else learned = outcome.learned;
      if (learned) logger.info({ learned }, "phrases learned elsewhere added to the matcher");
    }
    const changed = { kamus: rebuilt || learned > 0, regions: region !== prints.regions };
    if (changed.regions) {
      regions = await loadRegions(db);
      if (!first) logger.info({ villages: regions.size }, "region list changed in the database: reloaded");
    }
    prints = { entries, regions: region };
    if (!first && (rebuilt || changed.regions)) for (const fn of listeners) fn({ matcher: matcher, regions: regions! });
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
