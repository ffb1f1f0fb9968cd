// The public berita acara link serves the forum module's real PDF (read back with pdftotext).
import { execFileSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { publicRoutes } from "../../src/public/app.tsx";
import { forumMinutesPdf } from "../../src/public/minutes.ts";
import type { Store } from "../../src/store/client.ts";
import { freshSqlite } from "../support/stores.ts";
import { testTmpDir } from "../support/paths.ts";
import { seeded, seedPublic } from "./seed.ts";

const havePdftotext = existsSync("/usr/bin/pdftotext");

describe.skipIf(!havePdftotext)("public berita acara", () => {
  let store: Store;
  beforeEach(async () => {
    store = await freshSqlite();
    await seedPublic(store);
  });
  afterEach(async () => {
    await store.db.$disconnect();
  });

  it("serves the locked forum's berita acara with the agreed list and no proposer's name or number", async () => {
    const app = publicRoutes({ db: store.db, cacheSeconds: 0, minutesPdf: forumMinutesPdf(store.db) });
    const page = await (await app.request(`/desa/${seeded.village}`)).text();
    const href = `/desa/${seeded.village}/berita-acara/${seeded.year}.pdf`;
    expect(page).toContain(`href="${href}"`);
    const res = await app.request(href);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const file = join(testTmpDir, `berita-acara-${Date.now()}.pdf`);
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    expect(text).toContain("Rabat beton jalan lingkungan");
    expect(text).toContain("Sudah dianggarkan provinsi tahun ini.");
    for (const secret of ["Darto Sulistyo", "Sutarjo Wibisono", "081234567890", "6281234567890", "987654321012"])
      expect(text).not.toContain(secret);
  });
});
