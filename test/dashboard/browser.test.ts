// The officer's flows in real Chromium (Debian's /usr/bin/chromium through playwright-core) against the real
// HTTP server and a SQLite file: log in, filter, open, verify, reject, merge, reclassify, bulk verify, export,
// and residents' text staying inert. With SHOTS_DIR=<folder> it also saves screenshots at 390 and 1280 px.
import ExcelJS from "exceljs";
import { Hono } from "hono";
import pino from "pino";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dashboardApp } from "../../src/dashboard/app.tsx";
import { watchReferenceData, type ReferenceWatch } from "../../src/host/reference-watch.ts";
import type { Store } from "../../src/store/client.ts";
import { haveChromium, launchChromium, saveShots, serveApp, type ServedApp } from "../support/browser.ts";
import { freshSqlite } from "../support/stores.ts";
import { A, addProposal, password, seedOfficers, seedRegions, testDeps } from "./fixture.ts";

let store: Store;
let server: ServedApp;
let browser: Browser;
let watch: ReferenceWatch;
let url = "";
const codes: Record<string, string> = {};

beforeAll(async () => {
  store = await freshSqlite();
  await seedRegions(store);
  await seedOfficers(store);
  codes.verify = await addProposal(store, {
    village: A,
    problem: "Jalan gang rusak berlubang",
    latitude: -6.3,
    longitude: 107.1,
  });
  codes.reject = await addProposal(store, { village: A, problem: "Minta jalan tol baru", kode: "K-001" });
  codes.mergeFrom = await addProposal(store, { village: A, problem: "Lampu jalan mati", kode: "K-002" });
  codes.mergeInto = await addProposal(store, { village: A, problem: "Lampu gang gelap", kode: "K-002" });
  codes.teach = await addProposal(store, { village: A, problem: "pos ronda warga sudah lapuk", kode: null });
  codes.xss = await addProposal(store, {
    village: A,
    problem: `<script>alert(1)</script> "><img src=x onerror=alert(2)> jalan`,
    kode: "K-003",
  });
  for (let i = 0; i < 3; i++)
    codes[`bulk${i}`] = await addProposal(store, { village: A, problem: `Saluran mampet ${i}`, kode: "K-003" });
  watch = await watchReferenceData({ db: store.db, logger: pino({ level: "silent" }), intervalMs: 0 });
  const deps = testDeps(
    store,
    { mapTileUrl: "http://127.0.0.1:9/{z}/{x}/{y}.png" },
    { kamusChanged: () => watch.check() },
  );
  const app = new Hono().route("/dashboard", dashboardApp(deps));
  server = await serveApp(app.fetch);
  url = server.url;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  watch?.stop();
  await store?.db.$disconnect();
});

async function loggedIn(user = "desa.a", width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, acceptDownloads: true });
  await page.goto(`${url}/dashboard`);
  expect(page.url()).toBe(`${url}/dashboard/login`);
  await page.fill("input[name=username]", user);
  await page.fill("input[name=password]", password);
  await page.click("button[type=submit]");
  await page.waitForURL(`${url}/dashboard`);
  return page;
}

const shot = (page: Page, name: string) => saveShots(page, `dash-${name}`);

describe.skipIf(!haveChromium)("dashboard in Chromium", () => {
  it("logs in, filters the list and opens a proposal", async () => {
    const page = await browser.newPage();
    await page.goto(`${url}/dashboard/login`);
    await shot(page, "login");
    await page.close();
    const p = await loggedIn();
    await shot(p, "home");
    await p.goto(`${url}/dashboard/usulan`);
    await shot(p, "list");
    await p.click("summary:has-text('Saring')");
    await p.fill("input[name=q]", "lampu");
    await p.click("text=Terapkan");
    await p.waitForURL(/q=lampu/);
    const rows = await p.locator("tbody tr a").allTextContents();
    expect(new Set(rows)).toEqual(new Set([codes.mergeFrom, codes.mergeInto]));
    await p.click(`text=${codes.mergeInto}`);
    await p.waitForURL(`${url}/dashboard/usulan/${codes.mergeInto}`);
    expect(await p.textContent("#problem")).toBe("Lampu gang gelap");
    await p.close();
  });

  it("verifies one; rejects one with a reason and the resident's notice is queued", async () => {
    const p = await loggedIn();
    await p.goto(`${url}/dashboard/usulan/${codes.verify}`);
    await shot(p, "detail");
    await p.click("button:has-text('Verifikasi')");
    await p.waitForURL(`${url}/dashboard/usulan/${codes.verify}`);
    expect(await p.textContent("#status")).toBe("Diverifikasi");
    await expect.poll(() => p.textContent(".flash")).toContain("sudah diverifikasi");
    await p.goto(`${url}/dashboard/usulan/${codes.reject}`);
    await p.selectOption("select[data-reason-target=reason]", { index: 1 });
    expect(await p.inputValue("#reason")).toMatch(/kewenangan/);
    await p.click("button:has-text('Tolak usulan')");
    await p.waitForURL(`${url}/dashboard/usulan/${codes.reject}`);
    expect(await p.textContent("#status")).toBe("Ditolak");
    const outbox = await store.db.outboxMessage.findMany();
    const notice = outbox
      .map((o) => (JSON.parse(o.payload) as { text: string }).text)
      .find((t) => t.includes(codes.reject!));
    expect(notice).toMatch(/kewenangan/);
    await p.close();
  });

  it("merges two proposals and the supporters move", async () => {
    const p = await loggedIn();
    await p.goto(`${url}/dashboard/usulan/${codes.mergeFrom}`);
    await p.fill("input[name=into]", codes.mergeInto!);
    await p.click("button:has-text('Gabungkan')");
    await p.waitForURL(`${url}/dashboard/usulan/${codes.mergeFrom}`);
    expect(await p.textContent("#status")).toBe("Digabung");
    await p.click(`main a[href='/dashboard/usulan/${codes.mergeInto}']`);
    expect(await p.locator("#supporters li").count()).toBe(1);
    await p.close();
  });

  it("reclassifies one and the running matcher ranks that entry first for the same words", async () => {
    const words = "pos ronda warga sudah lapuk";
    expect(watch.matcher.match(words).matches[0]?.entry.kode).not.toBe("K-004");
    const p = await loggedIn();
    await p.goto(`${url}/dashboard/usulan/${codes.teach}`);
    await p.fill("input[name=cari_kamus]", "menjahit");
    await p.locator("#kamus-results input[value='K-004']").waitFor();
    await p.check("#kamus-results input[value='K-004']");
    await p.click("button:has-text('Simpan jenis usulan')");
    await p.waitForURL(`${url}/dashboard/usulan/${codes.teach}`);
    expect(await p.textContent("main")).toContain("K-004");
    expect(watch.matcher.match(words).matches[0]?.entry.kode).toBe("K-004");
    await p.close();
  });

  it("bulk-verifies the selected rows and exports the selection as XLSX", async () => {
    const p = await loggedIn();
    await p.goto(`${url}/dashboard/usulan?q=saluran+mampet`);
    await p.check("input[data-select-all]");
    await p.click("button[value=DIVERIFIKASI]");
    await p.waitForURL(/q=saluran/);
    expect(await p.textContent(".flash")).toContain("3 usulan diubah");
    const [download] = await Promise.all([p.waitForEvent("download"), p.click("text=Unduh Excel")]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    const sheet = book.worksheets[0]!;
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    expect(rows.map((r) => r[1]).sort()).toEqual([codes.bulk0, codes.bulk1, codes.bulk2].sort());
    expect(rows.map((r) => r[2])).toEqual(["DIVERIFIKASI", "DIVERIFIKASI", "DIVERIFIKASI"]);
    await p.close();
  });

  it("shows a resident's script and HTML as inert text", async () => {
    const p = await loggedIn();
    let dialogs = 0;
    p.on("dialog", (d) => {
      dialogs++;
      void d.dismiss();
    });
    await p.goto(`${url}/dashboard/usulan/${codes.xss}`);
    expect(await p.textContent("#problem")).toContain("<script>alert(1)</script>");
    expect(await p.textContent("#problem")).toContain(`"><img src=x onerror=alert(2)>`);
    await p.goto(`${url}/dashboard/usulan?q=jalan`);
    await p.waitForTimeout(300);
    expect(dialogs).toBe(0);
    expect(await p.locator("img[src=x]").count()).toBe(0);
    await p.close();
  });

  it("lets the admin search the kamus and see the wilayah", async () => {
    const p = await loggedIn("admin");
    await shot(p, "home-admin");
    await p.goto(`${url}/dashboard/kamus?q=lampu`);
    expect(await p.locator("tbody tr").count()).toBe(1);
    await shot(p, "kamus");
    await p.goto(`${url}/dashboard/wilayah`);
    await shot(p, "wilayah");
    await p.close();
  });
});
