// ADMIN pages: kamus upload through the CLI's importer (errors with line and column, nothing half-imported),
// search, switching an entry off; other officers are refused.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../../src/store/client.ts";
import { freshSqlite } from "../support/stores.ts";
import { startImportJob } from "../../src/dashboard/admin/import-jobs.ts";
import { addOfficer } from "../../src/store/officers.ts";
import { Client, origin, password, seedOfficers, seedRegions, testApp, testDeps } from "./fixture.ts";

let store: Store;
let app: ReturnType<typeof testApp>["app"];
let reloads = 0;
beforeEach(async () => {
  store = await freshSqlite();
  await seedRegions(store);
  await seedOfficers(store);
  reloads = 0;
  app = testApp(testDeps(store, {}, { kamusChanged: async () => reloads++ })).app;
});
afterEach(async () => store.db.$disconnect());

const header = "kode,nama,perangkat_daerah,satuan,harga_satuan";

async function upload(client: Client, name: string, text: string) {
  const form = new FormData();
  form.append("berkas", new File([text], name, { type: "text/csv" }));
  return app.request("/dashboard/kamus/unggah", {
    method: "POST",
    headers: { origin, cookie: client.cookie },
    body: form,
  });
}

describe("dashboard kamus admin", () => {
  it("imports an uploaded kamus, and a bad file names line and column and changes nothing", async () => {
    const admin = new Client(app);
    await admin.login("admin");
    const bad = await upload(
      admin,
      "kamus-baru.csv",
      `${header}\nX-1,Sumur bor,Dinas PUPR,unit,5000000\nX-2,,Dinas PUPR,unit,abc\n`,
    );
    expect(bad.status).toBe(422);
    const page = await bad.text();
    expect(page).toMatch(/Impor dibatalkan.*kamus-baru\.csv line 3, column/);
    expect(await store.db.kamusEntry.count({ where: { kode: { startsWith: "X-" } } })).toBe(0);
    await upload(admin, "kamus-baru.csv", `${header}\nX-1,Sumur bor,Dinas PUPR,unit,5000000\n`);
    expect(await store.db.kamusEntry.findUnique({ where: { kode: "X-1" } })).toMatchObject({ nama: "Sumur bor" });
    expect(reloads).toBe(1);
    const found = await (await admin.get("/dashboard/kamus?q=sumur")).text();
    expect(found).toContain("X-1");
    expect(found).not.toContain("K-002");
  });

  it("writes a big kamus in the background and shows a progress line until it is done", async () => {
    const admin = new Client(app);
    await admin.login("admin");
    const rows = Array.from({ length: 1500 }, (_, i) => `B-${i},Sumur bor ${i},Dinas PUPR,unit,${1000 + i}`);
    const res = await upload(admin, "kamus-besar.csv", `${header}\n${rows.join("\n")}\n`);
    expect(res.status).toBe(303);
    const progressPage = res.headers.get("location")!;
    expect(progressPage).toMatch(/^\/dashboard\/impor\/[\w-]+$/);
    // A browser without JavaScript follows the page's own refresh until the import has finished.
    let page = "";
    for (let i = 0; i < 200; i++) {
      page = await (await admin.get(progressPage)).text();
      if (!page.includes('http-equiv="refresh"')) break;
      expect(page).toMatch(/<progress max="1500" value="\d+"/);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(page).toContain("Impor selesai: 1500 entri (1500 baru, 0 diperbarui, 0 tetap)");
    expect(await store.db.kamusEntry.count({ where: { kode: { startsWith: "B-" } } })).toBe(1500);
    expect(reloads).toBe(1);
    // Another admin cannot read this officer's import.
    await addOfficer(store.db, { username: "admin2", role: "ADMIN", password });
    const other = new Client(app);
    await other.login("admin2");
    expect((await other.get(progressPage)).status).toBe(404);
  });

  it("shows rows done of the total while an import runs, refreshing itself, and the result once it ends", async () => {
    const admin = new Client(app);
    await admin.login("admin");
    const officer = await store.db.officer.findUniqueOrThrow({ where: { username: "admin" } });
    let finish: () => void = () => undefined;
    const id = startImportJob(
      "kamus",
      officer.id,
      3000,
      async (onProgress) => {
        onProgress(1500, 3000);
        await new Promise<void>((resolve) => (finish = resolve));
        return { created: 3000 };
      },
      { finish: async () => "Impor selesai: 3000 baru", fail: () => "gagal" },
    );
    const running = await (await admin.get(`/dashboard/impor/${id}`)).text();
    expect(running).toContain("1.500 dari 3.000 baris sudah ditulis (50%)");
    expect(running).toContain('<noscript><meta http-equiv="refresh" content="2"/></noscript>');
    expect(running).toContain('hx-trigger="every 1s"');
    finish();
    await new Promise((r) => setTimeout(r, 10));
    const done = await (await admin.get(`/dashboard/impor/${id}`)).text();
    expect(done).toContain("Impor selesai: 3000 baru");
    expect(done).not.toContain("refresh");
    expect(done).not.toContain("hx-trigger");
  });

  it("loads a kabupaten's kecamatan and desa from the Kemendagri data, and refuses an unknown code", async () => {
    const admin = new Client(app);
    await admin.login("admin");
    const unknown = await admin.post("/dashboard/wilayah/kabupaten", { kode: "99.99" });
    expect(unknown.status).toBe(422);
    expect(await unknown.text()).toContain("tidak ada dalam data wilayah Kemendagri");
    const res = await admin.post("/dashboard/wilayah/kabupaten", { kode: "32.16" });
    expect(res.status).toBe(303);
    expect(
      await store.db.village.count({ where: { kemendagriCode: { startsWith: "32.16." } } }),
    ).toBeGreaterThanOrEqual(187);
    expect(await (await admin.get("/dashboard/wilayah")).text()).toMatch(
      /Impor selesai: 23 kecamatan \(.*\), 187 desa \(\d+ baru, \d+ diperbarui, \d+ tetap\)/,
    );
    expect(reloads).toBe(1);
  });

  it("switches an entry off so it is no longer offered", async () => {
    const admin = new Client(app);
    await admin.login("admin");
    const res = await admin.post("/dashboard/kamus/K-002/aktif", { aktif: "0" });
    expect(res.status).toBe(303);
    expect((await store.db.kamusEntry.findUnique({ where: { kode: "K-002" } }))!.active).toBe(false);
    expect(reloads).toBe(1);
  });

  it("refuses kamus and wilayah pages to village and district officers", async () => {
    const desa = new Client(app);
    await desa.login("desa.a");
    expect((await desa.get("/dashboard/kamus")).status).toBe(403);
    expect((await desa.get("/dashboard/wilayah")).status).toBe(403);
    expect((await desa.post("/dashboard/kamus/K-002/aktif", { aktif: "0" })).status).toBe(403);
    expect((await store.db.kamusEntry.findUnique({ where: { kode: "K-002" } }))!.active).toBe(true);
  });
});
