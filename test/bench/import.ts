// npm run bench:import — the kamus importer on generated files of 3,000 and 30,000 rows (BENCH_ROWS to change):
// create, re-import unchanged, and update every row, on a SQLite file (and PostgreSQL when TEST_DATABASE_URL is
// set). Prints wall time and the process's peak resident memory. Quiet, 3,000 rows take about 1 s, 0.1 s and 2.5 s.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { importKamusFile } from "../../src/import/import-kamus.ts";
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
    console.log(`${name} peak RSS so far: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  }
  await store.db.$disconnect();
}

try {
  await run("sqlite", `file:${join(dir, "bench.db")}`);
  if (process.env.TEST_DATABASE_URL) await run("postgres", process.env.TEST_DATABASE_URL);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
