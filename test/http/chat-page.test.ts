// The /chat page in a real browser (Debian's chromium; skipped where it is not installed): options are
// buttons, typed messages go to /api/chat, replies appear.
import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { chromium, type Browser } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { chatRoutes } from "../../src/http/chat.ts";
import { startBot, type Bot } from "../host/harness.ts";

const chromiumPath = "/usr/bin/chromium";

describe.skipIf(!existsSync(chromiumPath))("web chat page", () => {
  let bot: Bot | undefined;
  let server: ServerType | undefined;
  let browser: Browser | undefined;
  afterAll(async () => {
    await browser?.close();
    server?.close();
    await bot?.close();
  });

  it("lets a resident tap options and type a proposal on a phone-sized screen", async () => {
    bot = await startBot();
    const app = chatRoutes(bot.host);
    const port = await new Promise<number>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) => resolve(info.port));
    });
    browser = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox", "--disable-gpu"] });
    const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`http://127.0.0.1:${port}/chat`);
    await page.getByText("1. Setuju").click();
    await expect.poll(() => page.locator(".bot").allTextContents()).toContainEqual(expect.stringMatching(/Silakan pilih/));
    await page.fill("#t", "jalan lingkungan rt 3 rw 5 desa sukamaju rusak, minta dibangun rabat beton panjang 100 lebar 3");
    await page.press("#t", "Enter");
    await expect.poll(() => page.locator(".bot").allTextContents()).toContainEqual(expect.stringMatching(/Desa Sukamaju, Kecamatan Tambelang/));
    await expect.poll(() => page.locator(".options button").count()).toBeGreaterThan(4);
    expect(errors).toEqual([]);
  });
});
