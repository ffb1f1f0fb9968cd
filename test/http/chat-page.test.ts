// The /chat page in Debian's Chromium (playwright-core, no downloaded browser): a resident taps and types.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { chatRoutes } from "../../src/http/chat.ts";
import { createApp } from "../../src/http/server.ts";
import { createLogger } from "../../src/logger.ts";
import { verifyProposal } from "../../src/proposals/change-status.ts";
import { makeTexts } from "../../src/texts/reply-texts.ts";
import { defaultIntentData } from "../../src/nlu/files.ts";
import { startBot, type Bot } from "../host/harness.ts";
import { haveChromium, launchChromium, serveApp, shotsDir, type ServedApp } from "../support/browser.ts";

describe.skipIf(!haveChromium)("web chat page in a browser", () => {
  let bot: Bot;
  let server: ServedApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    bot = await startBot();
    // The whole app, so the page runs under the real Content-Security-Policy (no inline script).
    const app = createApp({ ready: true }, createLogger("silent"), [(a) => a.route("/", chatRoutes(bot.host))]);
    server = await serveApp(app.fetch);
    base = server.url;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await bot?.close();
  });

  it("greets with the consent question, takes a tap on an option and a typed problem", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
    await page.goto(`${base}/chat`);
    await expect.poll(() => page.locator(".msg.bot").first().textContent()).toMatch(/setuju/i);

    await page.getByRole("button", { name: "1. Setuju" }).click();
    // Consent goes straight to the first question.
    await expect.poll(() => page.locator(".msg.bot").last().textContent()).toMatch(/desa\/kelurahan apa/);
    // The resident's bubble shows what they pressed, not the number sent to the bot.
    expect(await page.locator(".msg.me").last().textContent()).toBe("Setuju");

    await page.getByLabel("Pesan").fill("saluran air di desa sukamaju mampet, tiap hujan banjir");
    await page.getByRole("button", { name: "Kirim" }).click();
    await expect.poll(() => page.locator(".msg.me").last().textContent()).toContain("saluran air");
    // The bot answers the problem with the kamus candidates it found, as tappable options.
    await expect.poll(() => page.locator(".msg.bot .options button").count()).toBeGreaterThan(1);
    if (shotsDir) await page.screenshot({ path: `${shotsDir}/rel-chat-390.png` });
    await page.close();
  });

  it("shows a status notice queued for the resident without a message from them", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    await page.goto(`${base}/chat`);
    await expect.poll(() => page.locator(".msg.bot").first().textContent()).toMatch(/setuju/i);
    await page.getByRole("button", { name: "1. Setuju" }).click();
    await expect.poll(() => page.locator(".msg.bot").last().textContent()).toMatch(/desa\/kelurahan apa/);
    // This browser's resident: the id inside its identity cookie ("v1.<id>.<signature>").
    const cookie = (await context.cookies()).find((c) => c.name === "musrenbang_chat")!;
    expect(cookie.httpOnly).toBe(true);
    const chatId = cookie.value.split(".")[1]!;
    // A proposal of this resident, stored directly, then verified by an officer.
    const resident = await bot.store.db.channelIdentity.findFirstOrThrow({
      where: { channel: "web", externalId: chatId },
    });
    const village = await bot.store.db.village.findFirstOrThrow();
    await bot.store.db.proposal.create({
      data: {
        code: "U26-WEBX",
        villageCode: village.code,
        problem: "Jalan rusak",
        channel: "web",
        searchText: "jalan rusak",
        proposerId: resident.residentId,
      },
    });
    const texts = makeTexts(defaultIntentData().replies);
    await verifyProposal({ db: bot.store.db, texts }, { code: "U26-WEBX", actor: { type: "officer", id: "desa" } });
    // The page asks every few seconds (or on focus) and shows the notice.
    await expect
      .poll(() => page.locator(".msg.bot.news").last().textContent(), { timeout: 12_000 })
      .toMatch(/Kabar usulan U26-WEBX/);
    if (shotsDir) await page.screenshot({ path: `${shotsDir}/rel-chat-1280.png` });
    expect(errors.filter((e) => /Content Security Policy|Refused/.test(e))).toEqual([]);
    await context.close();
  });
});
