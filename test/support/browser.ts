// Pages in a real browser: Debian's Chromium through playwright-core (never a downloaded browser), the app
// under test served on a free local port, and screenshots for review when SHOTS_DIR is set
// (e.g. SHOTS_DIR=/work/lead/shots) at phone (390 px) and desktop (1280 px) width.
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { chromium, type Browser, type Page } from "playwright-core";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** False where Chromium is missing: browser suites skip (`describe.skipIf(!haveChromium)`) and say why. */
export const haveChromium = existsSync(chromiumPath);
if (!haveChromium)
  console.log(`Browser tests skipped: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH.`);

/** Where screenshots go, or undefined (then none are taken). */
export const shotsDir = process.env.SHOTS_DIR;

/** Chromium, headless and quiet (no sync, updates or background traffic). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** A running server for the browser, e.g. `{ url: "http://127.0.0.1:40123", close }`. */
export interface ServedApp {
  url: string;
  close: () => Promise<void>;
}

/** Serves `fetch` (a Hono app's) on a free port of 127.0.0.1. */
export function serveApp(fetch: (request: Request) => Response | Promise<Response>): Promise<ServedApp> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: "127.0.0.1" }, (info) =>
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    );
  });
}

/** Saves `<name>-390.png` and `<name>-1280.png` into SHOTS_DIR (nothing without it); leaves the page at 1280 px. */
export async function saveShots(page: Page, name: string, options: { fullPage?: boolean; height?: number } = {}) {
  if (!shotsDir) return;
  mkdirSync(shotsDir, { recursive: true });
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: options.height ?? 900 });
    await page.screenshot({ path: join(shotsDir, `${name}-${width}.png`), fullPage: options.fullPage ?? true });
  }
}
