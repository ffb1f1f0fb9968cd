// npm run bench:dashboard — the officer dashboard over 50,000 proposals across the 187 desa of the sample
// kabupaten, on a SQLite file (and PostgreSQL when TEST_DATABASE_URL is set): the list page of an admin, a
// filtered list, a village officer's list and the XLSX export of one desa. Prints p50/p99 per request.
// Targets: list pages ≤ 100 ms p99 on SQLite; export of one desa ≤ 1 s.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { Hono } from "hono";
import pino from "pino";
import { dashboardApp } from "../../src/dashboard/app.tsx";
import { defaultDashboardSettings } from "../../src/dashboard/deps.ts";
import { loadDashboardTexts } from "../../src/dashboard/dashboard-texts.ts";
import { defaultIntentData } from "../../src/nlu/files.ts";
import { openStore, type Store } from "../../src/store/client.ts";
import { migrate } from "../../src/store/migrate.ts";
import { addOfficer } from "../../src/store/officers.ts";
import { seedIfEmpty } from "../../src/import/seed.ts";
import { makeTexts } from "../../src/texts/reply-texts.ts";

const PROPOSALS = Number(process.env.BENCH_PROPOSALS ?? 50_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const logger = pino({ level: "silent" });
const WORDS = [
  "jalan rusak berlubang",
  "saluran mampet banjir",
  "lampu jalan mati",
  "posyandu bocor",
  "jembatan retak",
];
const STATUSES = ["DIAJUKAN", "DIAJUKAN", "DIAJUKAN", "DIVERIFIKASI", "DITOLAK", "DISEPAKATI"] as const;

async function fill(store: Store): Promise<string> {
  await seedIfEmpty(store, logger);
  const villages = await store.db.village.findMany({ select: { code: true }, orderBy: { code: "asc" } });
  const kamus = await store.db.kamusEntry.findMany({ select: { id: true, unitPrice: true, unit: true } });
  const start = Date.parse("2026-01-05T00:00:00Z");
  const batch = 2000;
  for (let i = 0; i < PROPOSALS; i += batch) {
    const rows = [];
    for (let j = i; j < Math.min(PROPOSALS, i + batch); j++) {
      const k = j % 7 === 0 ? null : kamus[j % kamus.length]!;
      const problem = `${WORDS[j % WORDS.length]} di RT ${j % 12} nomor ${j}`;
      rows.push({
        code: `U26-B${j.toString(36).toUpperCase().padStart(5, "0")}`,
        status: STATUSES[j % STATUSES.length]!,
        villageCode: villages[j % villages.length]!.code,
        rt: String(j % 12),
        rw: String(j % 5),
        problem,
        searchText: problem.toLowerCase(),
        kamusEntryId: k?.id ?? null,
        volume: 10 + (j % 90),
        unit: k?.unit ?? null,
        estimatedCost: k?.unitPrice ? k.unitPrice * (10 + (j % 90)) : null,
        channel: "whatsapp",
        createdAt: new Date(start + j * 60_000),
      });
    }
    await store.db.proposal.createMany({ data: rows });
  }
  // Supporters and photos as a live kabupaten has them: a quarter of the proposals backed by 1-6 residents,
  // a third with a photo (the list counts both per row and filters on photos).
  const residents = Array.from({ length: 6 }, (_, i) => ({ id: `bench-resident-${i}` }));
  await store.db.resident.createMany({ data: residents });
  const ids = await store.db.proposal.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  const supports = [];
  const photos = [];
  for (const [j, { id }] of ids.entries()) {
    if (j % 4 === 0)
      for (let s = 0; s <= j % 6; s++)
        supports.push({ proposalId: id, residentId: residents[s]!.id, channel: s % 2 ? "web" : "whatsapp" });
    if (j % 3 === 0)
      photos.push({ proposalId: id, sha256: `bench${j}`, mimeType: "image/jpeg", size: 1000, path: `bench/${j}.jpg` });
  }
  for (let i = 0; i < supports.length; i += batch)
    await store.db.support.createMany({ data: supports.slice(i, i + batch) });
  for (let i = 0; i < photos.length; i += batch)
    await store.db.attachment.createMany({ data: photos.slice(i, i + batch) });
  await addOfficer(store.db, { username: "bench.admin", role: "ADMIN", password: "bench-password" });
  const desa = villages[42]!.code;
  await addOfficer(store.db, { username: "bench.desa", role: "VILLAGE", regionCode: desa, password: "bench-password" });
  return desa;
}

async function login(app: Hono, username: string): Promise<string> {
  const res = await app.request("/dashboard/login", {
    method: "POST",
    headers: { origin: "http://localhost", "content-type": "application/x-www-form-urlencoded" },
    body: `username=${username}&password=bench-password`,
  });
  return res.headers.get("set-cookie")!.split(";")[0]!;
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function time(app: Hono, cookie: string, path: string, runs: number) {
  const ms: number[] = [];
  const cpu: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    const res = await app.request(path, { headers: { cookie } });
    const body = await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    ms.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
    bytes = body.byteLength;
  }
  ms.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { p50: pct(ms, 50), p99: pct(ms, 99), cpu: pct(cpu, 50), bytes };
}

async function bench(name: string, store: Store) {
  await migrate(store);
  const t0 = performance.now();
  const desa = await fill(store);
  console.log(
    `${name}: ${PROPOSALS} proposals in 187 desa written in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const deps = {
    store,
    logger,
    settings: defaultDashboardSettings,
    texts: loadDashboardTexts(),
    replies: makeTexts(defaultIntentData().replies),
    dataDir: tmpdir(),
  };
  const app = new Hono().route("/dashboard", dashboardApp(deps));
  const admin = await login(app, "bench.admin");
  const village = await login(app, "bench.desa");
  const cases: [string, string, string, number][] = [
    ["admin list, page 1", admin, "/dashboard/usulan", RUNS],
    ["admin list, page 200", admin, "/dashboard/usulan?hal=200", RUNS],
    [
      "admin filtered (status + text + OPD-less)",
      admin,
      "/dashboard/usulan?status=DIAJUKAN&q=jalan&tanpa_kamus=1",
      RUNS,
    ],
    ["admin sorted by supporters", admin, "/dashboard/usulan?urut=dukungan", RUNS],
    ["admin home page", admin, "/dashboard", RUNS],
    ["village officer list", village, "/dashboard/usulan", RUNS],
    ["admin list of one desa", admin, `/dashboard/usulan?desa=${desa}`, RUNS],
    ["XLSX export of one desa", admin, `/dashboard/ekspor.xlsx?desa=${desa}`, Math.max(5, Math.floor(RUNS / 4))],
  ];
  for (const [label, cookie, path, runs] of cases) {
    await time(app, cookie, path, 2); // warm-up
    const r = await time(app, cookie, path, runs);
    console.log(
      `${name.padEnd(8)} ${label.padEnd(42)} p50 ${r.p50.toFixed(1).padStart(7)} ms   p99 ${r.p99.toFixed(1).padStart(7)} ms   ` +
        `cpu p50 ${r.cpu.toFixed(1).padStart(6)} ms   ${(r.bytes / 1024).toFixed(0)} KiB`,
    );
  }
  await store.db.$disconnect();
}

const dir = mkdtempSync(join(tmpdir(), "bench-dashboard-"));
try {
  await bench("sqlite", openStore(`file:${join(dir, "bench.db")}`));
  const pg = process.env.TEST_DATABASE_URL;
  if (pg) {
    const store = openStore(pg);
    await migrate(store);
    const tables = await store.db.$queryRawUnsafe<{ t: string }[]>(
      `SELECT tablename::text AS t FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`,
    );
    await store.db.$executeRawUnsafe(`TRUNCATE ${tables.map((x) => `"${x.t}"`).join(", ")} RESTART IDENTITY CASCADE`);
    await bench("postgres", store);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
