// The public pages in Debian's Chromium: a script in a text stays inert, the charts draw from their tables under
// the page's Content-Security-Policy. With SHOTS_DIR set it saves screenshots at 390 and 1280 px.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { Hono } from "hono";
import { publicRoutes } from "../../src/public/app.tsx";
import { forumMinutesPdf } from "../../src/public/minutes.ts";
import type { Store } from "../../src/store/client.ts";
import { haveChromium, launchChromium, saveShots, serveApp, shotsDir, type ServedApp } from "../support/browser.ts";
import { freshSqlite } from "../support/stores.ts";
import { seeded, seedPublic } from "./seed.ts";

describe.skipIf(!haveChromium)("public pages in a browser", () => {
  let store: Store;
  let server: ServedApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    store = await freshSqlite();
    await seedPublic(store);
    const app = new Hono();
    app.route("/", publicRoutes({ db: store.db, cacheSeconds: 0, minutesPdf: forumMinutesPdf(store.db) }));
    server = await serveApp(app.fetch);
    base = server.url;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.db.$disconnect();
  });

  /** Opens `path` and collects console errors (a CSP violation is one). */
  async function open(path: string, width = 390): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${base}${path}`);
    return { page, errors };
  }

  it("shows a script in an approved wording as text and never runs it", async () => {
    const { page, errors } = await open(`/usulan/${seeded.script}`);
    await page.waitForLoadState("load");
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator("dl.facts").textContent()).toContain("<script>window.__pwned=1</script>");
    expect(await page.locator("img").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("draws the per-OPD charts from the table, with no error under the page's policy", async () => {
    const { page, errors } = await open(`/desa/${seeded.village}`, 1280);
    await page.waitForLoadState("load");
    await expect
      .poll(() =>
        page.evaluate(() => {
          const w = window as unknown as {
            Chart?: { getChart(c: Element): { data: { datasets: { data: number[] }[] } } };
          };
          const canvas = document.querySelector('canvas[data-column="2"]');
          return canvas && w.Chart ? w.Chart.getChart(canvas)?.data.datasets[0]?.data : null;
        }),
      )
      .toEqual([87_500_000, 30_000_000]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it.skipIf(!shotsDir)("saves screenshots of every public page at 390 and 1280 px", async () => {
    const pages = {
      desa: `/desa/${seeded.village}`,
      kecamatan: `/kecamatan/${seeded.district}`,
      usulan: `/usulan/${seeded.agreed}`,
      "tidak-ditemukan": `/usulan/U26-ZZZZ`,
    };
    for (const [name, path] of Object.entries(pages)) {
      const { page } = await open(path);
      await page.waitForLoadState("load");
      await page.waitForTimeout(300);
      await saveShots(page, `public-${name}`);
      await page.close();
    }
  });
});
