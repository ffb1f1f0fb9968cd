// The proposal list, filters, scopes, decisions and exports over HTTP, on SQLite and PostgreSQL.
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { storeCases } from "../support/stores.ts";
import type { Store } from "../../src/store/client.ts";
import { A, A2, B, Client, addProposal, seedOfficers, seedRegions, testApp, testDeps } from "./fixture.ts";

describe.each(storeCases())("dashboard proposals on $name", ({ open }) => {
  let store: Store;
  let app: ReturnType<typeof testApp>["app"];
  const codes = { a1: "", a2: "", a3: "", a4: "", b1: "" };

  beforeEach(async () => {
    store = await open();
    await seedRegions(store);
    await seedOfficers(store);
    codes.a1 = await addProposal(store, { village: A, problem: "Jalan gang rusak berlubang", kode: "K-001" });
    codes.a2 = await addProposal(store, { village: A, problem: "Lampu jalan mati di gang", kode: "K-002" });
    codes.a3 = await addProposal(store, { village: A, problem: "Jalan tanah becek", kode: null, channel: "web" });
    codes.a4 = await addProposal(store, { village: A2, problem: "Saluran air mampet", kode: "K-003" });
    codes.b1 = await addProposal(store, { village: B, problem: "Jalan rusak parah sekali", kode: "K-001" });
    app = testApp(testDeps(store)).app;
  });
  afterEach(async () => store.db.$disconnect());

  async function as(user: string) {
    const c = new Client(app);
    expect((await c.login(user)).status).toBe(303);
    return c;
  }
  const listed = (html: string) => [...html.matchAll(/href="\/dashboard\/usulan\/(U26-T\d+)"/g)].map((m) => m[1]);

  it("shows each officer only their own area, in lists, counts, detail pages and exports", async () => {
    const desaA = await as("desa.a");
    const html = await (await desaA.get("/dashboard/usulan")).text();
    expect(new Set(listed(html))).toEqual(new Set([codes.a1, codes.a2, codes.a3]));
    expect(html).toMatch(/Semua: 3/);
    expect((await desaA.get(`/dashboard/usulan/${codes.a1}`)).status).toBe(200);
    const other = await desaA.get(`/dashboard/usulan/${codes.b1}`);
    expect(other.status).toBe(404);
    expect(await other.text()).not.toContain("Jalan rusak parah");
    expect((await desaA.get(`/dashboard/usulan/${codes.a4}`)).status).toBe(404);
    // Filtering by the other desa shows nothing rather than its rows.
    expect(listed(await (await desaA.get(`/dashboard/usulan?desa=${B}`)).text())).toEqual([]);
    const csv = await (await desaA.get(`/dashboard/ekspor.csv?desa=${B}`)).text();
    expect(csv.trim().split("\n")).toHaveLength(1);
    const all = await (await desaA.get("/dashboard/ekspor.csv")).text();
    expect(all).not.toContain(codes.b1);
    expect(all).not.toContain(codes.a4);
    // A refused decision on another desa's proposal is a 404 too, and changes nothing.
    const post = await desaA.post(`/dashboard/usulan/${codes.b1}/status`, { status: "DIVERIFIKASI" });
    expect(post.status).toBe(404);
    expect((await store.db.proposal.findUnique({ where: { code: codes.b1 } }))!.status).toBe("DIAJUKAN");

    const camat = await as("camat.setu");
    expect(new Set(listed(await (await camat.get("/dashboard/usulan")).text()))).toEqual(
      new Set([codes.a1, codes.a2, codes.a3, codes.a4]),
    );
    const admin = await as("admin");
    expect(listed(await (await admin.get("/dashboard/usulan")).text())).toHaveLength(5);
  });

  it("filters by text, kamus entry, OPD, missing kamus entry and status, keeping the filters in the URL", async () => {
    const admin = await as("admin");
    expect(new Set(listed(await (await admin.get("/dashboard/usulan?q=JALAN+rusak")).text()))).toEqual(
      new Set([codes.a1, codes.b1]),
    );
    expect(new Set(listed(await (await admin.get("/dashboard/usulan?kamus=K-001")).text()))).toEqual(
      new Set([codes.a1, codes.b1]),
    );
    expect(listed(await (await admin.get("/dashboard/usulan?opd=Dinas+Perhubungan")).text())).toEqual([codes.a2]);
    expect(listed(await (await admin.get("/dashboard/usulan?tanpa_kamus=1")).text())).toEqual([codes.a3]);
    expect(listed(await (await admin.get(`/dashboard/usulan?q=${codes.a4.toLowerCase()}`)).text())).toEqual([codes.a4]);
    await store.db.proposal.update({ where: { code: codes.a2 }, data: { status: "DIVERIFIKASI" } });
    const page = await (await admin.get(`/dashboard/usulan?status=DIVERIFIKASI&desa=${A}`)).text();
    expect(listed(page)).toEqual([codes.a2]);
    expect(page).toContain(`href="/dashboard/ekspor.xlsx?status=DIVERIFIKASI&amp;desa=${A}"`);
    expect(page).toMatch(/Diajukan: <span class="count">2<\/span>/);
  });

  it("filters by photo, date range and kecamatan, and sorts by supporters and by cost", async () => {
    const admin = await as("admin");
    const old = await addProposal(store, { village: A, createdAt: new Date("2026-01-05T03:00:00Z") });
    const a2 = await store.db.proposal.findUniqueOrThrow({ where: { code: codes.a2 } });
    await store.db.attachment.create({
      data: { proposalId: a2.id, sha256: "f".repeat(64), mimeType: "image/jpeg", size: 10, path: "x.jpg" },
    });
    for (const [code, residents] of [
      [codes.a4, ["r-" + codes.a1, "r-" + codes.a2]],
      [codes.a2, ["r-" + codes.a3]],
    ] as const) {
      const p = await store.db.proposal.findUniqueOrThrow({ where: { code } });
      for (const residentId of residents) await store.db.support.create({ data: { proposalId: p.id, residentId } });
    }
    expect(listed(await (await admin.get("/dashboard/usulan?foto=1")).text())).toEqual([codes.a2]);
    // Dates are whole WIB days; "sampai" includes its day.
    expect(listed(await (await admin.get("/dashboard/usulan?dari=2026-01-01&sampai=2026-01-05")).text())).toEqual([
      old,
    ]);
    expect(listed(await (await admin.get("/dashboard/usulan?dari=2026-01-06")).text())).not.toContain(old);
    const setu = await (await admin.get("/dashboard/usulan?kecamatan=3216010")).text();
    expect(new Set(listed(setu))).toEqual(new Set([codes.a1, codes.a2, codes.a3, codes.a4, old]));
    expect(setu).toContain('<strong id="total">5</strong>');
    const bySupport = await (await admin.get("/dashboard/usulan?urut=dukungan")).text();
    expect(listed(bySupport).slice(0, 2)).toEqual([codes.a4, codes.a2]);
    // The supporters column counts each row's own supporters.
    const supporters = [...bySupport.matchAll(/<td class="num">(\d+)<\/td>\s*<\/tr>/g)].map((m) => Number(m[1]));
    expect(supporters.slice(0, 3)).toEqual([2, 1, 0]);
    // Cost: K-002 lamps (Rp 450 juta), K-003 drains (Rp 90 juta), then Rp 35 juta each; none last.
    const byCost = listed(await (await admin.get("/dashboard/usulan?urut=biaya")).text());
    expect(byCost.slice(0, 2)).toEqual([codes.a2, codes.a4]);
    expect(byCost.at(-1)).toBe(codes.a3);
    const diajukan = await (await admin.get("/dashboard/usulan?status=DIAJUKAN&kecamatan=3216020")).text();
    expect(diajukan).toContain('<strong id="total">1</strong>');
  });

  it("shows on the home page what needs attention, counts per status and OPD and the cost, in the officer's area", async () => {
    const days = 86_400_000;
    await addProposal(store, { village: A, createdAt: new Date(Date.now() - 30 * days) });
    const desaA = await as("desa.a");
    const first = await (await desaA.get("/dashboard")).text();
    expect(first).toContain('<strong id="new-since">–</strong>');
    expect(first).toContain('<strong id="no-kamus">1</strong>');
    expect(first).toContain('<strong id="waiting">1</strong>');
    // K-001 twice (Rp 35 juta each) and K-002 (Rp 450 juta); desa B's proposal is not counted.
    expect(first).toMatch(/id="cost-total">Rp 520\.000\.000</);
    expect(first).toMatch(/>Diajukan<\/a><\/td><td class="num" data-value="4">/);
    expect(first).toMatch(/>Dinas PUPR<\/td><td class="num" data-value="2">/);
    expect(first).toMatch(/>\(belum ada jenis usulan\)<\/td><td class="num" data-value="1">/);
    expect(first).not.toContain("Dinas Tenaga Kerja");
    await addProposal(store, { village: A, problem: "Posyandu bocor" });
    await addProposal(store, { village: B, problem: "Jembatan retak" });
    const second = await (await desaA.get("/dashboard")).text();
    expect(second).toContain('<strong id="new-since">1</strong>');
    const admin = await as("admin");
    const all = await (await admin.get("/dashboard")).text();
    expect(all).toMatch(/>Diajukan<\/a><\/td><td class="num" data-value="8">/);
  });

  it("shows a proposal's fields, the resident's words, pin, supporters, history and similar proposals of its desa", async () => {
    const pinned = await addProposal(store, {
      village: A,
      problem: "Jalan gang rusak dekat masjid",
      kode: "K-001",
      latitude: -6.35,
      longitude: 107.05,
    });
    const p = await store.db.proposal.findUniqueOrThrow({ where: { code: pinned } });
    await store.db.support.create({ data: { proposalId: p.id, residentId: `r-${codes.a2}` } });
    const desaA = await as("desa.a");
    const versi = /name="versi" value="(\d+)"/.exec(await (await desaA.get(`/dashboard/usulan/${pinned}`)).text())![1]!;
    await desaA.post(`/dashboard/usulan/${pinned}/status`, { status: "DIVERIFIKASI", versi });
    const page = await (await desaA.get(`/dashboard/usulan/${pinned}`)).text();
    expect(page).toContain('<blockquote id="problem">Jalan gang rusak dekat masjid</blockquote>');
    expect(page).toContain("K-001 · Pembangunan jalan lingkungan rabat beton");
    expect(page).toMatch(/data-lat="-6\.35" data-lng="107\.05" data-tiles="https:\/\/tile\.openstreetmap\.org/);
    expect(page).toMatch(/<ul id="supporters"><li>Warga \d+ · /);
    expect(page).toMatch(/Petugas desa\.a<\/td><td>Diajukan → Diverifikasi<\/td>/);
    // Same kamus entry in the same desa first; desa B's proposal with the same entry is not offered.
    const similar = /<ul id="candidates">(.*?)<\/ul>/s.exec(page)![1]!;
    expect(similar).toContain(codes.a1);
    expect(similar).not.toContain(codes.b1);
    const noPin = await (await desaA.get(`/dashboard/usulan/${codes.a3}`)).text();
    expect(noPin).toContain("Warga tidak mengirim titik lokasi.");
    expect(noPin).not.toContain("leaflet.js");
  });

  it("verifies and rejects with a reason: audit event, the resident's notice in the outbox, stale forms refused", async () => {
    const desaA = await as("desa.a");
    const page = await (await desaA.get(`/dashboard/usulan/${codes.a1}`)).text();
    const versi = /name="versi" value="(\d+)"/.exec(page)![1]!;
    const ok = await desaA.post(`/dashboard/usulan/${codes.a1}/status`, { status: "DIVERIFIKASI", versi });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe(`/dashboard/usulan/${codes.a1}`);
    const after = await (await desaA.get(`/dashboard/usulan/${codes.a1}`)).text();
    expect(after).toContain("sudah diverifikasi");
    // The same (now stale) form again is refused with a message, not applied twice.
    const again = await desaA.post(`/dashboard/usulan/${codes.a1}/status`, { status: "DITOLAK", reason: "x", versi });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("sudah diubah orang lain");
    const noReason = await desaA.post(`/dashboard/usulan/${codes.a2}/status`, { status: "DITOLAK", reason: " " });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("alasan penolakan");
    const rejected = await desaA.post(`/dashboard/usulan/${codes.a2}/status`, {
      status: "DITOLAK",
      reason: "Sudah dikerjakan tahun ini.",
    });
    expect(rejected.status).toBe(303);
    const events = await store.db.proposalEvent.findMany({ orderBy: { id: "asc" } });
    expect(events.map((e) => [e.toStatus, e.actorId, e.reason])).toEqual([
      ["DIVERIFIKASI", "desa.a", null],
      ["DITOLAK", "desa.a", "Sudah dikerjakan tahun ini."],
    ]);
    const outbox = await store.db.outboxMessage.findMany({ orderBy: { id: "asc" } });
    expect(outbox).toHaveLength(2);
    const notice = JSON.parse(outbox[1]!.payload) as { text: string };
    expect(notice.text).toContain(codes.a2);
    expect(notice.text).toContain("Sudah dikerjakan tahun ini.");
    expect(notice.text).not.toContain("desa.a");
    const forbidden = await desaA.post(`/dashboard/usulan/${codes.a2}/status`, { status: "DITERIMA" });
    expect(forbidden.status).toBe(400);
    const unknown = await desaA.post(`/dashboard/usulan/${codes.a3}/status`, { status: "SELESAI" });
    expect(unknown.status).toBe(400);
  });

  it("merges into a proposal of the same desa: supporters move, merging into another desa or a merged one is refused", async () => {
    const desaA = await as("desa.a");
    const supporter = await store.db.resident.create({ data: { id: "pendukung", name: "Pendukung" } });
    await store.db.support.create({
      data: {
        proposalId: (await store.db.proposal.findUnique({ where: { code: codes.a2 } }))!.id,
        residentId: supporter.id,
      },
    });
    const merged = await desaA.post(`/dashboard/usulan/${codes.a2}/status`, {
      status: "DIGABUNG",
      into: codes.a1.toLowerCase(),
    });
    expect(merged.status).toBe(303);
    const target = await store.db.proposal.findUnique({ where: { code: codes.a1 }, include: { supports: true } });
    expect(target!.supports.map((s) => s.residentId).sort()).toEqual(["pendukung", `r-${codes.a2}`].sort());
    const original = await (await desaA.get(`/dashboard/usulan/${codes.a2}`)).text();
    expect(original).toContain(`href="/dashboard/usulan/${codes.a1}"`);
    const intoMerged = await desaA.post(`/dashboard/usulan/${codes.a3}/status`, { status: "DIGABUNG", into: codes.a2 });
    expect(intoMerged.status).toBe(400);
    const admin = await as("admin");
    const otherDesa = await admin.post(`/dashboard/usulan/${codes.a3}/status`, { status: "DIGABUNG", into: codes.b1 });
    expect(otherDesa.status).toBe(400);
    expect(await otherDesa.text()).toContain("desa lain");
  });

  it("bulk-verifies and bulk-rejects (reason required) the selected rows and returns to the same filters", async () => {
    const desaA = await as("desa.a");
    const res = await desaA.post("/dashboard/usulan/massal", {
      codes: [codes.a1, codes.a3, codes.b1],
      aksi: "DIVERIFIKASI",
      kembali: "?q=jalan&urut=lama",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/dashboard/usulan?q=jalan&urut=lama");
    const status = async (code: string) => (await store.db.proposal.findUnique({ where: { code } }))!.status;
    expect([await status(codes.a1), await status(codes.a3), await status(codes.b1)]).toEqual([
      "DIVERIFIKASI",
      "DIVERIFIKASI",
      "DIAJUKAN",
    ]);
    expect(await (await desaA.get("/dashboard/usulan")).text()).toContain("2 usulan diubah. 1 usulan dilewati");
    // Bulk rejection needs the reason the residents will read; without it nothing changes.
    const noReason = await desaA.post("/dashboard/usulan/massal", { codes: [codes.a2], aksi: "DITOLAK", reason: " " });
    expect(noReason.status).toBe(303);
    expect(await status(codes.a2)).toBe("DIAJUKAN");
    const reason = "Di luar kewenangan desa";
    await desaA.post("/dashboard/usulan/massal", { codes: [codes.a1, codes.a2], aksi: "DITOLAK", reason });
    expect([await status(codes.a1), await status(codes.a2)]).toEqual(["DITOLAK", "DITOLAK"]);
    const events = await store.db.proposalEvent.findMany({ where: { toStatus: "DITOLAK" } });
    expect(events.map((e) => e.reason)).toEqual([reason, reason]);
    // A rejected proposal cannot take others by merging.
    const intoRejected = await desaA.post(`/dashboard/usulan/${codes.a3}/status`, {
      status: "DIGABUNG",
      into: codes.a1,
    });
    expect(intoRejected.status).toBe(400);
  });

  it("reclassifies: new entry, cost recomputed, an officer phrase, the old value in the audit event", async () => {
    const desaA = await as("desa.a");
    const res = await desaA.post(`/dashboard/usulan/${codes.a3}/jenis`, { kamus: "K-001" });
    expect(res.status).toBe(303);
    const p = await store.db.proposal.findUnique({ where: { code: codes.a3 }, include: { kamusEntry: true } });
    expect(p!.kamusEntry!.kode).toBe("K-001");
    expect(p!.estimatedCost).toBe(100 * 350000);
    const phrase = await store.db.learnedPhrase.findFirst({ where: { source: "officer" } });
    expect(phrase).toMatchObject({ phrase: "Jalan tanah becek", createdBy: "desa.a" });
    const event = await store.db.proposalEvent.findFirst({ where: { kind: "reclassify" } });
    expect(JSON.parse(event!.detail!)).toMatchObject({ kamus: { from: null, to: "K-001" } });
  });

  it("corrects fields keeping the old values in the audit event", async () => {
    const desaA = await as("desa.a");
    const res = await desaA.post(`/dashboard/usulan/${codes.a1}/koreksi`, {
      desa: A,
      rt: "04",
      rw: "05",
      address: "Gang Melati",
      volume: "120,5",
      beneficiaries: "60",
    });
    expect(res.status).toBe(303);
    const p = await store.db.proposal.findUnique({ where: { code: codes.a1 } });
    expect(p).toMatchObject({
      rt: "04",
      address: "Gang Melati",
      volume: 120.5,
      beneficiaries: 60,
      estimatedCost: 120.5 * 350000,
    });
    const event = await store.db.proposalEvent.findFirst({ where: { kind: "correct" } });
    expect(JSON.parse(event!.detail!)).toMatchObject({
      rt: { from: "03", to: "04" },
      volume: { from: 100, to: 120.5 },
    });
    const moveOut = await desaA.post(`/dashboard/usulan/${codes.a1}/koreksi`, { desa: B });
    expect(moveOut.status).toBe(400);
    const bad = await desaA.post(`/dashboard/usulan/${codes.a1}/koreksi`, { volume: "banyak" });
    expect(bad.status).toBe(400);
  });

  it("exports the selection as XLSX and as formula-safe CSV", async () => {
    await addProposal(store, { village: A, problem: '=HYPERLINK("http://x")\u0007 jalan', kode: "K-001" });
    const desaA = await as("desa.a");
    const csv = await (await desaA.get("/dashboard/ekspor.csv?kamus=K-001")).text();
    expect(csv).toContain("'=HYPERLINK");
    expect(csv).not.toContain("\u0007");
    const xlsx = await desaA.get("/dashboard/ekspor.xlsx?kamus=K-001");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(3);
    const codesCol = sheet.getColumn(1).values.slice(2);
    expect(codesCol).not.toContain(codes.b1);
  });

  it("shows a proposal its resident withdrew (DITARIK) in lists, counts and exports, with no decision left", async () => {
    await store.db.proposal.update({ where: { code: codes.a1 }, data: { status: "DITARIK" } });
    const desaA = await as("desa.a");
    const page = await (await desaA.get("/dashboard/usulan?status=DITARIK")).text();
    expect(listed(page)).toEqual([codes.a1]);
    expect(page).toMatch(/Ditarik pengusul: <span class="count">1<\/span>/);
    expect(page).toContain('<span class="badge DITARIK">Ditarik pengusul</span>');
    const detail = await (await desaA.get(`/dashboard/usulan/${codes.a1}`)).text();
    expect(detail).not.toContain('name="status" value="DIVERIFIKASI"');
    // A form refused answers with the reason (the dashboard's refusals are 400 pages).
    const onWithdrawn = await desaA.post(`/dashboard/usulan/${codes.a1}/status`, { status: "DIVERIFIKASI" });
    expect(onWithdrawn.status).toBe(400);
    expect(await onWithdrawn.text()).toContain("tidak bisa diubah menjadi DIVERIFIKASI");
    // Only the resident withdraws: an officer cannot set DITARIK.
    const byOfficer = await desaA.post(`/dashboard/usulan/${codes.a2}/status`, { status: "DITARIK" });
    expect(byOfficer.status).toBe(400);
    expect(await byOfficer.text()).toContain("tidak bisa diubah menjadi DITARIK");
    expect((await store.db.proposal.findUniqueOrThrow({ where: { code: codes.a2 } })).status).toBe("DIAJUKAN");
    const csv = await (await desaA.get("/dashboard/ekspor.csv?status=DITARIK")).text();
    expect(csv).toContain(`${codes.a1},DITARIK`);
  });
});
