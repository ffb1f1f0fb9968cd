// The public pages through app.request(), on SQLite and PostgreSQL seeded with recognisable personal data.
import { gunzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Hono } from "hono";
import { publicRoutes, type PublicDeps } from "../../src/public/app.tsx";
import { open311Routes } from "../../src/open311/app.ts";
import type { Store } from "../../src/store/client.ts";
import { storeCases } from "../support/stores.ts";
import { secrets, seeded, seedPublic } from "./seed.ts";

/** The public app as main.ts mounts it. */
function app(store: Store, extra: Partial<PublicDeps> = {}): Hono {
  const a = new Hono();
  a.route("/", publicRoutes({ db: store.db, cacheSeconds: 0, ...extra }));
  a.route("/", open311Routes({ db: store.db }));
  return a;
}

const text = async (a: Hono, path: string, init?: RequestInit) => {
  const res = await a.request(path, init);
  return { res, body: await res.text() };
};

/** Every public URL a visitor (or a crawler) can reach in the seeded data. */
const publicUrls = [
  `/desa/${seeded.village}`,
  `/desa/32.16.14.2003`,
  `/desa/${seeded.otherVillage}`,
  `/desa/${seeded.village}?tahun=2025`,
  `/desa/${seeded.village}?halaman=2`,
  `/desa/0000000000`,
  `/kecamatan/${seeded.district}`,
  `/kecamatan/32.16.14`,
  `/kecamatan/9999999`,
  ...[seeded.agreed, seeded.notAgreed, seeded.script, seeded.pinned].map((c) => `/usulan/${c}`),
  `/usulan/u26-aaaa`,
  `/usulan/U26-NONE`,
  `/desa/${seeded.village}/berita-acara/2026.pdf`,
  `/open311/v2/discovery.json`,
  `/open311/v2/services.json`,
  `/open311/v2/requests.json`,
  `/open311/v2/requests.json?status=open`,
  `/open311/v2/requests.json?status=closed&service_code=K-001`,
  `/open311/v2/requests.json?start_date=2000-01-01T00:00:00Z&page_size=1&page=2`,
  ...[seeded.agreed, seeded.notAgreed, seeded.script, seeded.pinned].map((c) => `/open311/v2/requests/${c}.json`),
  `/open311/v2/requests/U26-NONE.json`,
  `/open311/v2/requests.json?start_date=kemarin`,
];

describe.each(storeCases())("public pages on $name", (storeCase) => {
  let store: Store;
  beforeEach(async () => {
    store = await storeCase.open();
    await seedPublic(store);
  });
  afterEach(async () => {
    await store.db.$disconnect();
  });

  it("never shows a name, phone number, chat id, the resident's own words or an unpublished pin", async () => {
    const a = app(store, { minutesPdf: () => Promise.resolve(new TextEncoder().encode("%PDF-1.4 test")) });
    for (const url of publicUrls) {
      const { res, body } = await text(a, url);
      expect(res.status, url).toBeLessThan(500);
      for (const secret of secrets) expect(body, `${url} shows "${secret}"`).not.toContain(secret);
      // The unpublished pin must not leak in a rounded form either.
      expect(body, url).not.toMatch(/-6\.2345|106\.9876/);
    }
  });

  it("shows a desa's proposals with code, kamus entry, RT/RW, volume, cost, supporters, status and rank", async () => {
    const { res, body } = await text(app(store), `/desa/${seeded.village}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    const row = rowOf(body, seeded.agreed);
    for (const cell of ["Rabat beton jalan lingkungan", "RT 03 / RW 05", "200 m", "70.000.000", ">1<", "Disepakati"])
      expect(row).toContain(cell);
    expect(body).toContain("Usulan Desa Sukamakmur");
    expect(body).toContain("3 usulan");
    // Only this desa's proposals.
    expect(body).not.toContain(seeded.pinned);
    // The same page under the Kemendagri code.
    expect((await text(app(store), "/desa/32.16.14.2003")).body).toContain(seeded.agreed);
  });

  it("shows the locked forum: agreed by rank, not agreed with the reason, participants by element, later changes", async () => {
    const { body } = await text(app(store), `/desa/${seeded.village}`);
    expect(body).toContain("Hasil Musrenbang Desa");
    expect(body).toMatch(new RegExp(`<ol class="ranked"><li><a href="/usulan/${seeded.agreed}">`));
    expect(body).toContain("Sudah dianggarkan provinsi tahun ini.");
    expect(body).toMatch(/<td>BPD<\/td><td class="num">2<\/td>/);
    expect(body).toContain("Volume dikoreksi sesuai survei.");
  });

  it("links the berita acara PDF when the forum module renders one, and says it is not there yet otherwise", async () => {
    const without = await text(app(store), `/desa/${seeded.village}`);
    expect(without.body).toContain("Berita acara belum tersedia.");
    expect((await app(store).request(`/desa/${seeded.village}/berita-acara/2026.pdf`)).status).toBe(404);

    const pdf = new TextEncoder().encode("%PDF-1.4 berita acara");
    const withPdf = app(store, { minutesPdf: () => Promise.resolve(pdf) });
    const page = await text(withPdf, `/desa/${seeded.village}`);
    const href = `/desa/${seeded.village}/berita-acara/2026.pdf`;
    expect(page.body).toContain(`href="${href}"`);
    const res = await withPdf.request(href);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    // A desa whose forum is not locked has no link and no PDF.
    expect((await withPdf.request(`/desa/${seeded.otherVillage}/berita-acara/2026.pdf`)).status).toBe(404);
    expect((await text(withPdf, `/desa/${seeded.otherVillage}`)).body).toContain("Musrenbang belum selesai");
  });

  it("charts count and cost per OPD next to a table with the same numbers", async () => {
    const { body } = await text(app(store), `/kecamatan/${seeded.district}`);
    expect(body).toContain('<canvas data-for="opd"');
    expect(body).toContain('src="/publik/aset/chart.umd.js"');
    const table = body.slice(body.indexOf('id="opd"'), body.indexOf("</table>", body.indexOf('id="opd"')));
    // PUPR: 70,000,000 + 17,500,000; Dishub: 30,000,000 + 15,000,000.
    expect(table).toMatch(
      /Dinas Pekerjaan Umum dan Penataan Ruang<\/td><td class="num" data-value="2">2<\/td><td class="num" data-value="87500000">87\.500\.000/,
    );
    expect(table).toMatch(
      /Dinas Perhubungan<\/td><td class="num" data-value="2">2<\/td><td class="num" data-value="45000000">45\.000\.000/,
    );
    const chart = await app(store).request("/publik/aset/chart.umd.js");
    expect(chart.status).toBe(200);
    expect(await chart.text()).toContain("Chart");
  });

  it("shows a kecamatan with each desa's count and every proposal of the cycle", async () => {
    const { res, body } = await text(app(store), `/kecamatan/${seeded.district}`);
    expect(res.status).toBe(200);
    expect(body).toContain("Usulan Kecamatan Sukakarya");
    expect(body).toMatch(/Sukajadi<\/a><\/td><td class="num">1<\/td>/);
    for (const code of [seeded.agreed, seeded.notAgreed, seeded.script, seeded.pinned]) expect(body).toContain(code);
    expect(body).toContain("Musrenbang belum selesai");
  });

  it("lets a resident without the bot check a proposal by its code, typed in any case", async () => {
    const { res, body } = await text(app(store), `/usulan/u26-aaaa`);
    expect(res.status).toBe(200);
    expect(body).toContain("Usulan U26-AAAA");
    expect(body).toContain("Disepakati di Musrenbang Desa.");
    expect(body).toContain("Jalan lingkungan RT 03 rusak berlubang dan licin saat hujan.");
    // The history has dates and statuses, never the officer's reason (it named a resident).
    expect(body).toContain("Diverifikasi");
    // Without an approved wording the problem is not shown.
    expect((await text(app(store), `/usulan/${seeded.notAgreed}`)).body).toContain(
      "Keterangan dari warga belum ditampilkan untuk umum.",
    );
    // The published pin is shown, the others are not.
    expect((await text(app(store), `/usulan/${seeded.pinned}`)).body).toContain("-6.30000, 107.10000");
  });

  it("answers an unknown code with 404 and says what to check", async () => {
    const usulan = await text(app(store), "/usulan/U26-ZZZZ");
    expect(usulan.res.status).toBe(404);
    expect(usulan.body).toContain("Periksa kodenya");
    const desa = await text(app(store), "/desa/123");
    expect(desa.res.status).toBe(404);
    expect(desa.body).toContain("Desa dengan kode 123 tidak ditemukan");
  });

  it("escapes a script in an approved wording: it is shown as text, never as markup", async () => {
    const { body } = await text(app(store), `/usulan/${seeded.script}`);
    expect(body).not.toContain("<script>window.__pwned");
    expect(body).not.toContain("<img src=x");
    expect(body).toContain("&lt;script&gt;window.__pwned=1&lt;/script&gt;");
    expect(body.match(/<script/g)?.length ?? 0).toBe(0);
  });

  it("serves a page from its cache within the time limit, gzipped, with an ETag that answers 304", async () => {
    const a = app(store, { cacheSeconds: 60 });
    const first = await a.request(`/desa/${seeded.village}`, { headers: { "accept-encoding": "gzip" } });
    expect(first.headers.get("content-encoding")).toBe("gzip");
    expect(first.headers.get("cache-control")).toBe("public, max-age=60");
    const html = gunzipSync(Buffer.from(await first.arrayBuffer())).toString("utf8");
    expect(html).toContain(seeded.agreed);
    await store.db.proposal.update({ where: { code: seeded.agreed }, data: { volume: 999 } });
    const cached = await text(a, `/desa/${seeded.village}`);
    expect(rowOf(cached.body, seeded.agreed)).toContain("200 m");
    const etag = first.headers.get("etag")!;
    expect((await a.request(`/desa/${seeded.village}`, { headers: { "if-none-match": etag } })).status).toBe(304);
    // Without the cache the change shows at once.
    expect(rowOf((await text(app(store), `/desa/${seeded.village}`)).body, seeded.agreed)).toContain("999 m");
  });

  it("keeps a desa page of 300 proposals, with its styles and scripts, under 200 KB as sent", async () => {
    const kamus = await store.db.kamusEntry.findFirstOrThrow({ where: { kode: "K-001" } });
    const cycle = await store.db.cycle.findFirstOrThrow();
    await store.db.proposal.createMany({
      data: Array.from({ length: 300 }, (_, i) => ({
        code: `U26-X${String(i).padStart(3, "0")}`,
        villageCode: seeded.village,
        rt: String(i % 20).padStart(2, "0"),
        rw: "01",
        problem: "x",
        kamusEntryId: kamus.id,
        volume: 100 + i,
        unit: "m",
        estimatedCost: (100 + i) * 350000,
        channel: "telegram",
        searchText: "x",
        cycleId: cycle.id,
      })),
    });
    const a = app(store);
    const gz = { headers: { "accept-encoding": "gzip" } };
    const page = await a.request(`/desa/${seeded.village}`, gz);
    const html = gunzipSync(Buffer.from(await page.arrayBuffer())).toString("utf8");
    expect(html).toContain("Halaman 1 dari 4");
    let sent = (await (await a.request(`/desa/${seeded.village}`, gz)).arrayBuffer()).byteLength;
    for (const src of html.matchAll(/(?:src|href)="(\/publik\/aset\/[^"]+)"/g)) {
      const asset = await a.request(src[1]!, gz);
      expect(asset.status).toBe(200);
      sent += (await asset.arrayBuffer()).byteLength;
    }
    expect(sent).toBeLessThan(200 * 1024);
    expect((await text(a, `/desa/${seeded.village}?halaman=4`)).body).toContain("U26-X299");
  });
});

/** The HTML of the table row that holds `code`. */
function rowOf(html: string, code: string): string {
  const at = html.indexOf(`data-label="Kode"><a href="/usulan/${code}">`);
  expect(at).toBeGreaterThan(-1);
  return html.slice(html.lastIndexOf("<tr", at), html.indexOf("</tr>", at));
}
