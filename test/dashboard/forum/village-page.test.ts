// A whole Musrenbang Desa in Debian's Chromium: 12 verified proposals, reorder with the keyboard, two not
// agreed, participants, lock; then statuses, ranks and notices, the berita acara PDF, and a locked list the
// village officer cannot change. SHOTS_DIR=/some/dir also saves screenshots at 390 and 1280 px.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { Store } from "../../../src/store/client.ts";
import { addOfficer } from "../../../src/store/officers.ts";
import { rupiah } from "../../../src/texts/number-format.ts";
import { NOW, seededCases, seedProposals, YEAR } from "../../forum/fixtures.ts";
import { haveChromium, launchChromium, saveShots, serveApp, type ServedApp } from "../../support/browser.ts";
import { testApp, testDeps } from "../fixture.ts";

const DESA = "3216082006"; // Srimukti
const password = "rahasia-123";

describe.skipIf(!haveChromium)("Musrenbang Desa page in a browser", () => {
  let store: Store;
  let server: ServedApp;
  let browser: Browser;
  let base: string;
  let codes: string[];

  beforeAll(async () => {
    store = await seededCases()[0]!.open();
    codes = await seedProposals(store, DESA, 12);
    await addOfficer(store.db, { username: "desa.srimukti", role: "VILLAGE", regionCode: DESA, password });
    const { app } = testApp(testDeps(store, {}, { now: () => NOW }));
    server = await serveApp(app.fetch);
    base = server.url;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.db.$disconnect();
  });

  const rowCodes = (page: Page) =>
    page.locator("li.forum-row").evaluateAll((els) => els.map((e) => e.getAttribute("data-code") ?? ""));

  const shoot = (page: Page, name: string) => saveShots(page, `forum-${name}`, { fullPage: false });

  it("runs a whole forum: keyboard reorder, two not agreed, lock, notices, berita acara, no change afterwards", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("dialog", (d) => void d.accept());
    await page.goto(`${base}/dashboard/login`);
    await page.locator("input[name=username]").fill("desa.srimukti");
    await page.locator("input[name=password]").fill(password);
    await page.getByRole("button", { name: "Masuk" }).click();
    const forumUrl = `${base}/dashboard/forum/${DESA}/${YEAR}`;
    await page.goto(forumUrl);
    await expect.poll(() => page.locator("li.forum-row").count()).toBe(12);
    const suggested = await rowCodes(page);
    expect(new Set(suggested)).toEqual(new Set(codes));
    await expect
      .poll(() => page.locator("li.forum-row").first().locator("summary").textContent())
      .toMatch(/saran ke-1/);
    await page.locator("li.forum-row").first().locator("summary").click();
    await shoot(page, "open");

    // Keyboard: focus the last row, Alt+↑ three times moves it to place 9; ↓ alone only moves the focus.
    const last = suggested[11]!;
    await page.locator(`#row-${last}`).focus();
    for (let i = 0; i < 3; i++) {
      const before = await rowCodes(page);
      await page.keyboard.press("Alt+ArrowUp");
      await expect.poll(() => rowCodes(page)).not.toEqual(before);
    }
    await page.keyboard.press("ArrowDown");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-code"))).toBe(suggested[8]);
    await page.reload();
    const ordered = await rowCodes(page);
    expect(ordered.indexOf(last)).toBe(8);
    // A button works too: the second row goes up to the top.
    await page.getByRole("button", { name: `Naikkan ${ordered[1]}` }).click();
    await expect.poll(() => rowCodes(page)).toEqual([ordered[1], ordered[0], ...ordered.slice(2)]);
    const finalOrder = await rowCodes(page);

    // Two not agreed, with reasons.
    const notAgreed = {
      [finalOrder[2]!]: "Sudah dianggarkan dari Dana Desa",
      [finalOrder[7]!]: "Lahan belum tersedia",
    };
    for (const [code, reason] of Object.entries(notAgreed)) {
      const row = page.locator(`#row-${code}`);
      await row.getByLabel("Tidak disepakati", { exact: true }).check();
      await row.getByLabel("Alasan tidak disepakati").fill(reason);
      await row.getByRole("button", { name: "Simpan" }).click();
      await expect.poll(() => page.locator(`#row-${code}`).getAttribute("class")).toMatch(/not-agreed/);
    }
    // Participants and the place.
    for (const [name, element, delegate] of [
      ["H. Ahmad Kades", "kepala_desa", false],
      ["Ibu Siti BPD", "bpd", true],
      ["Pak Ujang", "tokoh_masyarakat", true],
    ] as const) {
      await page.locator("input[name=nama]").fill(name);
      await page.locator("select[name=unsur]").selectOption(element);
      if (delegate) await page.getByLabel("Delegasi ke Musrenbang Kecamatan").check();
      await page.getByRole("button", { name: "Tambah peserta" }).click();
      await expect.poll(() => page.locator("ul.participants").textContent()).toContain(name);
    }
    await page.getByLabel("Hari dan jam musyawarah").fill("2027-03-10T09:00");
    await page.getByLabel("Tempat").fill("Balai Desa Srimukti");
    await page.getByRole("button", { name: "Simpan" }).last().click();
    await expect.poll(() => page.locator(".flash").textContent()).toMatch(/Rincian disimpan/);

    await page.getByRole("button", { name: "Kunci daftar sekarang" }).click();
    await expect.poll(() => page.locator(".flash").textContent()).toMatch(/10 usulan disepakati, 2 tidak disepakati/);
    await shoot(page, "locked");

    // Statuses, ranks and notices.
    const proposals = await store.db.proposal.findMany({ where: { villageCode: DESA } });
    const agreedOrder = finalOrder.filter((c) => !(c in notAgreed));
    for (const p of proposals) {
      if (p.code in notAgreed) expect([p.code, p.status, p.rank]).toEqual([p.code, "DIVERIFIKASI", null]);
      else expect([p.code, p.status, p.rank]).toEqual([p.code, "DISEPAKATI", agreedOrder.indexOf(p.code) + 1]);
    }
    const notices = await store.db.outboxMessage.findMany();
    expect(notices).toHaveLength(12);
    for (const [code, reason] of Object.entries(notAgreed)) {
      const owner = proposals.find((p) => p.code === code)!.proposerId;
      expect(notices.find((n) => n.chatId === `chat-${owner}`)!.payload).toContain(reason);
    }

    // The berita acara holds every agreed row, in rank order within each OPD, and its totals add up.
    const res = await page.request.get(`${forumUrl}/berita-acara.pdf`);
    expect(res.headers()["content-type"]).toBe("application/pdf");
    const file = join(mkdtempSync(join(tmpdir(), "ba-")), "ba.pdf");
    writeFileSync(file, await res.body());
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    expect(text).toMatch(/hari ini Rabu, tanggal 10 Maret 2027, bertempat di Balai Desa Srimukti/);
    const kamus = new Map(
      (await store.db.proposal.findMany({ where: { villageCode: DESA }, include: { kamusEntry: true } })).map((p) => [
        p.code,
        p,
      ]),
    );
    const byAgency = new Map<string, string[]>();
    for (const code of agreedOrder) {
      const agency = kamus.get(code)!.kamusEntry!.agency!;
      byAgency.set(agency, [...(byAgency.get(agency) ?? []), code]);
    }
    for (const group of byAgency.values()) {
      const at = group.map((c) => text.indexOf(c));
      expect(at.every((i) => i > 0)).toBe(true);
      expect(at).toEqual([...at].sort((a, b) => a - b));
    }
    const subtotals = [...text.matchAll(/^\s*Jumlah (?!peserta|SELURUHNYA).*?\s{2,}([\d.]+)\s*$/gm)].map((m) =>
      Number(m[1]!.replace(/\./g, "")),
    );
    const total = Number(/JUMLAH SELURUHNYA\s+([\d.]+)/.exec(text)![1]!.replace(/\./g, ""));
    expect(subtotals.reduce((s, n) => s + n, 0)).toBe(total);
    const expected = agreedOrder.reduce((s, c) => s + kamus.get(c)!.estimatedCost!, 0);
    expect(rupiah(total)).toBe(rupiah(expected));
    for (const reason of Object.values(notAgreed)) expect(text).toContain(reason);
    expect(text).not.toMatch(/Sutrisno/);

    // Locked: no move buttons or lock button for the village officer, and a forged move is refused.
    await page.goto(forumUrl);
    expect(await page.getByRole("button", { name: /Naikkan/ }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Kunci daftar sekarang" }).count()).toBe(0);
    const forged = await page.request.post(`${forumUrl}/geser`, {
      form: { code: agreedOrder[3]!, arah: "naik" },
      headers: { origin: base },
    });
    expect(forged.status()).toBe(403);
    expect(await rowCodes(page)).toEqual(finalOrder);
    expect(
      (await store.db.proposal.findMany({ where: { status: "DISEPAKATI" }, orderBy: { rank: "asc" } })).map(
        (p) => p.code,
      ),
    ).toEqual(agreedOrder);
    await page.close();
  }, 120_000);
});
