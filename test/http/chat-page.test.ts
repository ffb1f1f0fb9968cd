// The /chat page in Debian's Chromium (playwright-core, no downloaded browser): a resident taps and types.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { serve, type ServerType } from "@hono/node-server";
import { chromium, type Browser } from "playwright-core";
import { chatRoutes } from "../../src/http/chat.ts";
import { startBot, type Bot } from "../host/harness.ts";

const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const haveChromium = existsSync(executablePath);
if (!haveChromium)
  console.log(`Browser test skipped: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH.`);

describe.skipIf(!haveChromium)("web chat page in a browser", () => {
  let bot: Bot;
  let server: ServerType;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    bot = await startBot();
    const app = chatRoutes(bot.host);
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
        base = `http://127.0.0.1:${info.port}`;
        resolve();
      });
    });
    browser = await chromium.launch({
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await bot?.close();
  });

  it("greets with the consent question, takes a tap on an option and a typed problem", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
    await page.goto(`${base}/chat`);
    await expect.poll(() => page.locator(".msg.bot").first().textContent()).toMatch(/setuju/i);

    await page.getByRole("button", { name: "1. Setuju" }).click();
    // Consent goes straight to the first question.
    await expect.poll(() => page.locator(".msg.bot").last().textContent()).toMatch(/desa\/kelurahan apa/);

    await page.getByLabel("Pesan").fill("saluran air di desa sukamaju mampet, tiap hujan banjir");
    await page.getByRole("button", { name: "Kirim" }).click();
    await expect.poll(() => page.locator(".msg.me").last().textContent()).toContain("saluran air");
    // The bot answers the problem with the kamus candidates it found, as tappable options.
    await expect.poll(() => page.locator(".msg.bot .options button").count()).toBeGreaterThan(1);
    await page.close();
  });
});
