// An officer approves a public wording and publishes a pin; only then do they reach the public page and Open311.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Hono } from "hono";
import {
  approvePublicWording,
  maskPhoneNumbers,
  publicWordingForm,
  setPublishLocation,
  withdrawPublicWording,
} from "../../src/proposals/public-wording.ts";
import { publicRoutes } from "../../src/public/app.tsx";
import { open311Routes } from "../../src/open311/app.ts";
import { loadPublicTexts } from "../../src/texts/public-texts.ts";
import type { Store } from "../../src/store/client.ts";
import { storeCases } from "../support/stores.ts";
import { seeded, seedPublic } from "../public/seed.ts";

const texts = loadPublicTexts();

describe.each(storeCases())("public wording on $name", (storeCase) => {
  let store: Store;
  let app: Hono;
  const page = async (code: string) => (await app.request(`/usulan/${code}`)).text();
  const open311 = async (code: string) =>
    ((await (await app.request(`/open311/v2/requests/${code}.json`)).json()) as Record<string, unknown>[])[0]!;

  beforeEach(async () => {
    store = await storeCase.open();
    await seedPublic(store);
    app = new Hono();
    app.route("/", publicRoutes({ db: store.db, cacheSeconds: 0 }));
    app.route("/", open311Routes({ db: store.db }));
  });
  afterEach(async () => {
    await store.db.$disconnect();
  });

  it("pre-fills the form with the resident's text, phone numbers masked, until a wording is approved", async () => {
    const form = await publicWordingForm({ db: store.db, texts }, seeded.notAgreed);
    expect(form.approved).toBeNull();
    expect(form.draft).toContain("tukang ojek pangkalan");
    expect(form.draft).not.toContain("081234567890");
    expect(form).toMatchObject({ publishLocation: false, hasLocation: true });
  });

  it("shows an approved wording on the page and in Open311, and takes it back on withdrawal", async () => {
    expect(await page(seeded.notAgreed)).not.toContain("Lampu jalan mati");
    const now = new Date("2026-11-29T10:00:00Z");
    const message = await approvePublicWording(
      { db: store.db, texts },
      { code: seeded.notAgreed, wording: "  Lampu jalan mati,\n gang gelap di malam hari. ", officer: "desa.x", now },
    );
    expect(message).toContain("disetujui");
    expect(await page(seeded.notAgreed)).toContain("Lampu jalan mati, gang gelap di malam hari.");
    expect((await open311(seeded.notAgreed)).description).toBe("Lampu jalan mati, gang gelap di malam hari.");
    const form = await publicWordingForm({ db: store.db, texts }, seeded.notAgreed);
    expect(form.approved).toEqual({ wording: "Lampu jalan mati, gang gelap di malam hari.", by: "desa.x", at: now });

    await withdrawPublicWording({ db: store.db, texts }, seeded.notAgreed);
    expect(await page(seeded.notAgreed)).not.toContain("Lampu jalan mati");
    expect((await open311(seeded.notAgreed)).description).toMatch(/^Penerangan jalan umum, 4 titik di RT 03/);
  });

  it("refuses an empty or overlong wording and an unknown code, saying what to do", async () => {
    const desk = { db: store.db, texts };
    await expect(
      approvePublicWording(desk, { code: seeded.notAgreed, wording: "   ", officer: "x" }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringContaining("tanpa nama orang") as unknown });
    await expect(
      approvePublicWording(desk, { code: seeded.notAgreed, wording: "a".repeat(1001), officer: "x" }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(approvePublicWording(desk, { code: "U26-NONE", wording: "ok", officer: "x" })).rejects.toMatchObject({
      status: 404,
    });
  });

  it("shows the pin only while it is published", async () => {
    expect(await open311(seeded.notAgreed)).not.toHaveProperty("lat");
    await setPublishLocation({ db: store.db, texts }, { code: seeded.notAgreed, publish: true });
    expect(await open311(seeded.notAgreed)).toMatchObject({ lat: -6.2345678, long: 106.9876543 });
    expect(await page(seeded.notAgreed)).toContain("-6.23457, 106.98765");
    await setPublishLocation({ db: store.db, texts }, { code: seeded.notAgreed, publish: false });
    expect(await open311(seeded.notAgreed)).not.toHaveProperty("lat");
  });
});

describe("maskPhoneNumbers", () => {
  it("masks Indonesian mobile numbers in their usual spellings and leaves other numbers", () => {
    expect(maskPhoneNumbers("hp 0812-3456-7890 atau +62 812 3456 7890, RT 03 panjang 200 m")).toBe(
      "hp … atau …, RT 03 panjang 200 m",
    );
  });
});
