// npm run bench:import — the kamus importer on generated files of 3,000 and 30,000 rows (BENCH_ROWS to change):
// create, re-import unchanged, and update every row, on a SQLite file (and PostgreSQL when TEST_DATABASE_URL is
// set). Prints wall time and the process's peak resident memory, and how long a running bot's event loop stops
// while its matcher is rebuilt for that kamus: on its own thread, and in a worker thread (as the app does). Quiet, 3,000 rows take about 1 s, 0.1 s and 2.5 s.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { buildMatcherInWorker } from "../../src/host/matcher-builder.ts";
import { importKamusFile } from "../../src/import/import-kamus.ts";
import { buildMatcher } from "../../src/kamus/matcher.ts";
import { loadKamus } from "../../src/store/learned-phrases.ts";
import { openStore, type Store } from "../../src/store/client.ts";
import { migrate } from "../../src/store/migrate.ts";
import { generatedKamus } from "../import/files.ts";
import { freshPostgres } from "../support/stores.ts";

const SIZES = (process.env.BENCH_ROWS ?? "3000,30000").split(",").map(Number);
const dir = mkdtempSync(join(tmpdir(), "bench-import-"));

async function timed(store: Store, path: string): Promise<string> {
  const started = performance.now();
  const counts = await importKamusFile(store, path);
  const ms = performance.now() - started;
  return `${Math.round(ms)} ms (${JSON.stringify(counts)})`;
}

/** Wall time of `fn` and the longest the event loop went without running a 5 ms timer meanwhile. */
async function blocking(fn: () => Promise<unknown>): Promise<string> {
  let last = performance.now();
  let gap = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    gap = Math.max(gap, now - last);
    last = now;
  }, 5);
  const started = performance.now();
  await fn();
  const ms = performance.now() - started;
  clearInterval(timer);
  gap = Math.max(gap, performance.now() - last);
  return `${Math.round(ms)} ms, event loop stopped up to ${Math.round(gap)} ms`;
}

async function run(name: string, url: string): Promise<void> {
  const store = name === "postgres" ? await freshPostgres(url) : openStore(url);
  await migrate(store);
  for (const n of SIZES) {
    const first = join(dir, `k${n}.csv`);
    const revised = join(dir, `k${n}b.csv`);
    writeFileSync(first, generatedKamus(n));
    writeFileSync(revised, generatedKamus(n, " (revisi)"));
    console.log(`${name} ${n} rows: create ${await timed(store, first)}`);
    console.log(`${name} ${n} rows: unchanged ${await timed(store, first)}`);
    console.log(`${name} ${n} rows: update ${await timed(store, revised)}`);
    console.log(`${name} peak RSS after the imports: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
    const here = await blocking(async () => {
      const { entries, learned } = await loadKamus(store.db);
      buildMatcher(entries, learned);
    });
    console.log(`${name} ${n} rows: matcher rebuilt on this thread ${here}`);
    console.log(`${name} ${n} rows: matcher rebuilt in a worker ${await blocking(() => buildMatcherInWorker(url))}`);
  }
  await store.db.$disconnect();
}

try {
  await run("sqlite", `file:${join(dir, "bench.db")}`);
  if (process.env.TEST_DATABASE_URL) await run("postgres", process.env.TEST_DATABASE_URL);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
