// Prints what a phone downloads for the public pages (HTML + CSS + scripts, raw and gzipped) and how long a
// render takes, for a desa with N proposals (default 300) on a fresh SQLite file. `npm run bench:public [N]`.
import { gunzipSync } from "node:zlib";
import { Hono } from "hono";
import { publicRoutes } from "../../src/public/app.tsx";
import { open311Routes } from "../../src/open311/app.ts";
import { migrate } from "../../src/store/migrate.ts";
import { openStore } from "../../src/store/client.ts";
import { mkdtempSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { seeded, seedPublic } from "../public/seed.ts";

const n = Number(process.argv[2] ?? 300);
const store = openStore(`file:${join(mkdtempSync(join(tmpdir(), "bench-public-")), "bench.db")}`);
await migrate(store);
await seedPublic(store);
const kamus = await store.db.kamusEntry.findFirstOrThrow({ where: { kode: "K-001" } });
const cycle = await store.db.cycle.findFirstOrThrow();
await store.db.proposal.createMany({
  data: Array.from({ length: n }, (_, i) => ({
    code: `U26-B${String(i).padStart(4, "0")}`,
    villageCode: i % 2 ? seeded.village : seeded.otherVillage,
    rt: String(i % 20).padStart(2, "0"),
    rw: "01",
    problem: "x",
    kamusEntryId: kamus.id,
    volume: 100 + i,
    unit: "m",
    estimatedCost: (100 + i) * 350000,
    channel: "telegram",
    searchText: "x",
    cycleId: cycle.id,
  })),
});
const app = new Hono();
app.route("/", publicRoutes({ db: store.db, cacheSeconds: 0 }));
app.route("/", open311Routes({ db: store.db }));
const gz = { headers: { "accept-encoding": "gzip" } };
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;

console.log(`public pages, ${n} extra proposals over 2 desa (100 rows per page)`);
for (const path of [`/desa/${seeded.village}`, `/kecamatan/${seeded.district}`, `/usulan/${seeded.agreed}`]) {
  await app.request(path, gz); // warm-up
  const started = performance.now();
  const res = await app.request(path, gz);
  const zipped = Buffer.from(await res.arrayBuffer());
  const ms = performance.now() - started;
  const html = gunzipSync(zipped).toString("utf8");
  let raw = html.length;
  let sent = zipped.length;
  for (const m of html.matchAll(/(?:src|href)="(\/publik\/aset\/[^"]+)"/g)) {
    const asset = Buffer.from(await (await app.request(m[1]!, gz)).arrayBuffer());
    sent += asset.length;
    raw += gunzipSync(asset).length;
  }
  console.log(
    `${path.padEnd(26)} html ${kb(html.length).padStart(9)} | with css+js raw ${kb(raw).padStart(9)}, sent gzipped ${kb(sent).padStart(8)} | render ${ms.toFixed(0)} ms uncached`,
  );
}
const started = performance.now();
const res = await app.request("/open311/v2/requests.json?start_date=2000-01-01&page_size=200");
const body = await res.text();
console.log(
  `/open311/v2/requests.json  ${(JSON.parse(body) as unknown[]).length} requests, ${kb(body.length)}, ${(performance.now() - started).toFixed(0)} ms`,
);
await store.db.$disconnect();
