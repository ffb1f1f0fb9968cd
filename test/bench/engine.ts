// npm run bench:engine — simulated residents completing proposals through the host (engine + store +
// outbox), on SQLite and, when TEST_DATABASE_URL is set, on PostgreSQL. Prints messages/s, p50/p99 turn
// latency and peak RSS. Targets (2-core machine): SQLite ≥ 2,000 msg/s and p99 ≤ 20 ms; PostgreSQL ≥ 1,000 msg/s.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { projectRoot } from "../../src/config/paths.ts";
import type { InboundMessage } from "../../src/messages/message.ts";
import { createHost } from "../../src/host/host.ts";
import { importKamusFile, importWilayahFile } from "../../src/import/index.ts";
import { buildMatcher } from "../../src/kamus/matcher.ts";
import { loadKamus } from "../../src/store/learned-phrases.ts";
import { loadRegions } from "../../src/store/regions.ts";
import { openStore, type Store } from "../../src/store/client.ts";
import { migrate } from "../../src/store/migrate.ts";

const RESIDENTS = Number(process.env.BENCH_RESIDENTS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);

function sample(name: string): string {
  const seed = join(projectRoot, "prisma", "seed", name);
  return existsSync(seed) ? seed : join(projectRoot, "..", "shared", "data", name);
}

const VILLAGES = [
  "sukamaju",
  "srimukti",
  "sukaraja",
  "jatimulya",
  "taman sari",
  "ragemanunggal",
  "mekarsari",
  "sukadami",
];
const TEXTS = [
  "jalan lingkungan rusak parah, minta dibangun rabat beton panjang 100 lebar 3",
  "saluran air mampet tiap hujan banjir, mohon pembangunan saluran gorong-gorong 50 meter",
  "lampu penerangan jalan mati semua, minta pemasangan lampu jalan 5 titik",
  "jalan berlubang minta diaspal ulang panjang 200 lebar 4",
];

/**
 * What one resident sends first. Even residents write the whole proposal in their first message (desa,
 * problem, size); odd ones start with "halo" and answer one question at a time.
 */
function script(i: number): string[] {
  const v = VILLAGES[i % VILLAGES.length];
  const t = TEXTS[i % TEXTS.length];
  return isRich(i) ? [`${t} di rt ${(i % 9) + 1} rw ${(i % 7) + 1} desa ${v}`] : ["halo"];
}
const isRich = (i: number) => i % 2 === 0;
/** Answers by what the bot expects next (the desa question invites RT/RW with an example; this resident follows it). */
const ANSWERS: Record<string, string> = {
  village: "sukamaju rt 2 rw 3",
  problem: "jalan rusak",
  activity: "perbaikan jalan",
  kamus: "1",
  location: "rt 2 rw 3 dekat masjid",
  volume: "100",
  beneficiaries: "120 orang",
  photo: "lewati",
  name: "Warga Bench",
  confirm: "ya",
  support: "2",
  consent: "1",
};

async function prepare(store: Store): Promise<void> {
  await migrate(store);
  if (store.flavour === "postgres") {
    const tables = await store.db.$queryRawUnsafe<{ tablename: string }[]>(
      `SELECT tablename::text AS tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`,
    );
    await store.db.$executeRawUnsafe(
      `TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`,
    );
  } else {
    await store.db.$executeRawUnsafe("PRAGMA journal_mode = WAL");
    await store.db.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
  }
  await importWilayahFile(store, sample("wilayah-bekasi.csv"));
  await importKamusFile(store, sample("kamus-malang-2023.csv"));
}

async function run(label: string, url: string): Promise<void> {
  const store = openStore(url);
  await prepare(store);
  const { entries, learned } = await loadKamus(store.db);
  const matcher = buildMatcher(entries, learned);
  const regions = await loadRegions(store.db);
  const host = createHost({
    store,
    matcher,
    regions,
    dataDir: join(tmpdir(), "musrenbang-bench-data"),
    maxProposalsPerCycle: 1000,
    rateLimit: { max: 1_000_000, windowMs: 60_000 },
  });
  let peakRss = process.memoryUsage().rss;
  const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const latencies: number[] = [];
  let messages = 0;
  let stored = 0;
  let counter = 0;
  // Resident messages per stored proposal, by how the resident started.
  const perProposal = { rich: [] as number[], halo: [] as number[] };

  async function resident(i: number): Promise<void> {
    const chatId = `bench-${label}-${i}`;
    const send = async (text: string) => {
      const inbound: InboundMessage = {
        channel: i % 2 ? "web" : "telegram",
        chatId,
        messageId: `${chatId}-${++counter}`,
        kind: "text",
        text,
      };
      const t0 = performance.now();
      const r = await host.handle(inbound);
      latencies.push(performance.now() - t0);
      messages++;
      return r;
    };
    let last;
    let sent = 0;
    for (const text of script(i)) {
      last = await send(text);
      sent++;
    }
    for (let guard = 0; guard < 20 && last; guard++) {
      if (last.replies.some((r) => /Kode usulan/.test(r.text))) {
        stored++;
        perProposal[isRich(i) ? "rich" : "halo"].push(sent);
        return;
      }
      sent++;
      const answer = ANSWERS[last.expecting ?? ""] ?? "1";
      last = await send(answer);
    }
  }

  // Warm-up (JIT, caches) outside the measurement.
  await Promise.all(Array.from({ length: 8 }, (_, i) => resident(100_000 + i)));
  latencies.length = 0;
  messages = 0;
  stored = 0;
  perProposal.rich.length = 0;
  perProposal.halo.length = 0;

  const started = performance.now();
  const cpuStart = process.cpuUsage();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < RESIDENTS) await resident(next++);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  clearInterval(rssTimer);
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
  const rate = messages / seconds;
  console.log(
    `${label.padEnd(8)} residents=${RESIDENTS} proposals=${stored} messages=${messages} time=${seconds.toFixed(2)}s ` +
      `rate=${rate.toFixed(0)} msg/s p50=${pct(50).toFixed(2)}ms p99=${pct(99).toFixed(2)}ms peakRSS=${(peakRss / 2 ** 20).toFixed(0)}MB ` +
      `cpu=${cpuSeconds.toFixed(2)}s (${(messages / cpuSeconds).toFixed(0)} msg per CPU-second; load ${loadavg()[0]!.toFixed(1)})`,
  );
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
  console.log(
    `${label.padEnd(8)} resident messages per stored proposal: first message holds desa, problem and size ` +
      `${mean(perProposal.rich).toFixed(2)} (target ≤ 7, ${perProposal.rich.length} proposals); starts with "halo" ` +
      `${mean(perProposal.halo).toFixed(2)} (target ≤ 10, ${perProposal.halo.length} proposals)`,
  );
  await store.db.$disconnect();
}

const dir = mkdtempSync(join(tmpdir(), "musrenbang-bench-"));
try {
  await run("sqlite", `file:${join(dir, "bench.db")}`);
  if (process.env.TEST_DATABASE_URL) await run("postgres", process.env.TEST_DATABASE_URL);
  else console.log("postgres skipped: set TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test to run it too");
} finally {
  rmSync(dir, { recursive: true, force: true });
}
