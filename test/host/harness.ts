// A bot for tests: real host, engine, matcher and regions over a fresh SQLite copy seeded once per process
// with the sample region list and kamus; fixed clock and deterministic ids.
import { copyFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import type { InboundMessage } from "../../src/messages/message.ts";
import type { IdSource } from "../../src/engine/context.ts";
import { importKamusFile, importWilayahFile } from "../../src/import/index.ts";
import { buildMatcher } from "../../src/kamus/matcher.ts";
import type { KamusMatcher } from "../../src/kamus/types.ts";
import { loadKamus } from "../../src/store/learned-phrases.ts";
import { createHost, type Host, type HostOptions } from "../../src/host/host.ts";
import { loadRegions } from "../../src/store/regions.ts";
import type { RegionIndex } from "../../src/regions/index.ts";
import { openStore, type Store } from "../../src/store/client.ts";
import { projectRoot } from "../../src/config/paths.ts";
import { sqliteFilePath } from "../../src/config/database-url.ts";
import { onTestFinished } from "vitest";
import type { Logger } from "../../src/logger.ts";
import { watchReferenceData, type ReferenceWatch } from "../../src/host/reference-watch.ts";
import { freshSqlite } from "../support/stores.ts";
import { testTmpDir } from "../support/paths.ts";

/** The sample files (prisma/seed when present, else the shared data folder). */
export function sampleFile(name: "wilayah-bekasi.csv" | "kamus-malang-2023.csv"): string {
  const seed = join(projectRoot, "prisma", "seed", name);
  return existsSync(seed) ? seed : join(projectRoot, "..", "shared", "data", name);
}

let seeded: Promise<string> | undefined;

/** A migrated SQLite file (test/support's per-run template) with the sample region and kamus, made once per process. */
function seededTemplate(): Promise<string> {
  seeded ??= (async () => {
    const store = await freshSqlite();
    await seed(store);
    await store.db.$disconnect();
    return sqliteFilePath(store.url);
  })();
  return seeded;
}

/** A fresh seeded SQLite store. */
export async function seededSqlite(): Promise<Store> {
  const template = await seededTemplate();
  const path = join(testTmpDir, `${randomUUID()}.db`);
  copyFileSync(template, path);
  return openStore(`file:${path}`);
}

/** Seeds an already migrated, empty store (PostgreSQL cases). */
export async function seed(store: Store): Promise<void> {
  await importWilayahFile(store, sampleFile("wilayah-bekasi.csv"));
  await importKamusFile(store, sampleFile("kamus-malang-2023.csv"));
}

/** The matcher over the kamus (and learned phrases) in the database, as the app builds it. */
export async function matcherFor(store: Store): Promise<KamusMatcher> {
  const { entries, learned } = await loadKamus(store.db);
  return buildMatcher(entries, learned);
}

/** Deterministic ids: R1, R2, ... and code suffixes from a fixed sequence. */
export function sequentialIds(): IdSource {
  let r = 0;
  let c = 0;
  const alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  return {
    residentId: () => `R${++r}`,
    codeSuffix: () => {
      const n = c++ * 7919 + 1234;
      let s = "";
      for (let i = 0, x = n; i < 4; i++, x = Math.floor(x / alphabet.length)) s += alphabet[x % alphabet.length];
      return s;
    },
  };
}

/** A settable clock starting at 2026-03-02 09:00 WIB. */
export class TestClock {
  time = Date.parse("2026-03-02T02:00:00Z");
  now = (): Date => new Date(this.time);
  advance(ms: number): void {
    this.time += ms;
  }
}

export interface Bot {
  store: Store;
  host: Host;
  clock: TestClock;
  matcher: KamusMatcher;
  regions: RegionIndex;
  /** A new host over the same database (a restart). */
  restart(): Promise<void>;
  /** Closes the host and the Prisma client. */
  close(): Promise<void>;
  send(chatId: string, message: Partial<InboundMessage> & { text?: string }): ReturnType<Host["handle"]>;
}

let messageCounter = 0;

/** Starts a bot over a fresh seeded SQLite database (or `store`, already seeded). */
export async function startBot(options: Partial<HostOptions> & { store?: Store } = {}): Promise<Bot> {
  const store = options.store ?? (await seededSqlite());
  const clock = new TestClock();
  const ids = sequentialIds();
  const regions = await loadRegions(store.db);
  let matcher = options.matcher ?? (await matcherFor(store));
  const make = () =>
    createHost({ dataDir: join(testTmpDir, "data"), ...options, store, matcher, regions, clock: clock.now, ids });
  const bot: Bot = {
    store,
    clock,
    matcher,
    regions,
    host: make(),
    async restart() {
      await bot.host.close();
      matcher = options.matcher ?? (await matcherFor(store));
      bot.matcher = matcher;
      bot.host = make();
    },
    async close() {
      await bot.host.close();
      await store.db.$disconnect();
    },
    send(chatId, message) {
      return bot.host.handle({
        channel: "web",
        chatId,
        messageId: `m${++messageCounter}`,
        kind: "text",
        ...message,
      });
    },
  };
  return bot;
}

/** Top 3 kode and score of each text: two matchers that rank alike give equal lists. */
export function rankings(matcher: KamusMatcher, texts: readonly string[]): string[][] {
  return texts.map((t) => matcher.match(t, { top: 3 }).matches.map((m) => `${m.entry.kode} ${m.score.toFixed(9)}`));
}

/** A seeded SQLite store and a reference watch over it (checks only on `check()`), both closed when the test ends. */
export async function watchedStore(
  logger: Logger,
  options: { inWorker?: boolean } = {},
): Promise<{ store: Store; watch: ReferenceWatch }> {
  const store = await seededSqlite();
  onTestFinished(() => store.db.$disconnect());
  const watch = await watchReferenceData({
    db: store.db,
    logger,
    intervalMs: 0,
    ...(options.inWorker ? { url: store.url } : {}),
  });
  onTestFinished(() => watch.stop());
  return { store, watch };
}
