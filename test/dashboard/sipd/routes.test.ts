// The SIPD export over proposals from three desa, and the results upload that notifies every proposer.
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";

const readCsv = (text: string) => parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), { columns: true });
import type { Store } from "../../../src/store/client.ts";
import { addOfficer } from "../../../src/store/officers.ts";
import { SIPD_COLUMNS } from "../../../src/export/sipd.ts";
import { NOW, seededCases, seedProposals } from "../../forum/fixtures.ts";
import { Client, origin, testApp, testDeps } from "../fixture.ts";

const DESA = ["3216082001", "3216082002", "3216082006"]; // three desa of Tambun Utara
const password = "rahasia-123";

let store: Store | undefined;
afterEach(async () => {
  await store?.db.$disconnect();
  store = undefined;
});

async function setUp(s: Store) {
  const forwarded: string[] = [];
  for (const [i, desa] of DESA.entries()) {
    const codes = await seedProposals(s, desa, 2, String.fromCharCode(65 + i));
    await s.db.proposal.updateMany({ where: { code: { in: codes } }, data: { status: "DITERUSKAN" } });
    forwarded.push(...codes);
  }
  // One proposal elsewhere that is not forwarded: never exported by default.
  await s.db.proposal.update({ where: { code: forwarded.pop()! }, data: { status: "DISEPAKATI" } });
  await s.db.village.update({ where: { code: DESA[0] }, data: { kemendagriCode: "32.16.14.2001" } });
  await addOfficer(s.db, { username: "admin", role: "ADMIN", password });
  await addOfficer(s.db, { username: "desa.x", role: "VILLAGE", regionCode: DESA[0], password });
  const { app } = testApp(testDeps(s, {}, { now: () => NOW }));
  return { app, forwarded };
}

describe.each(seededCases())("SIPD export and results on $name", ({ open }) => {
  it("exports one row per forwarded proposal with the documented columns, as XLSX and CSV, per officer area", async () => {
    store = await open();
    const { app, forwarded } = await setUp(store);
    const admin = new Client(app);
    await admin.login("admin");
    const xlsx = await admin.get("/dashboard/ekspor/sipd.xlsx");
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...SIPD_COLUMNS]);
    expect(sheet.rowCount - 1).toBe(forwarded.length);

    const csv = await admin.get("/dashboard/ekspor/sipd.csv");
    const rows = readCsv(await csv.text());
    expect(rows.map((r) => r.kode_usulan).sort()).toEqual([...forwarded].sort());
    const first = rows.find((r) => r.desa_kode === DESA[0])!;
    expect(first).toMatchObject({
      desa_kode_kemendagri: "32.16.14.2001",
      kecamatan_nama: "Tambun Utara",
      pengusul: "warga",
      status: "DITERUSKAN",
    });
    expect(Number(first.anggaran)).toBe(Math.round(Number(first.volume) * Number(first.harga_satuan)));
    expect(first.alamat).toMatch(/^RT \d{2}, RW \d{2}, Gang Melati/);
    // No proposer names or chat ids in the export.
    expect(await (await admin.get("/dashboard/ekspor/sipd.csv")).text()).not.toMatch(/Sutrisno|chat-/);

    const village = new Client(app);
    await village.login("desa.x");
    const mine = readCsv(await (await village.get("/dashboard/ekspor/sipd.csv")).text());
    expect(new Set(mine.map((r) => r.desa_kode))).toEqual(new Set([DESA[0]]));
    const agreed = readCsv(await (await admin.get("/dashboard/ekspor/sipd.csv?status=DISEPAKATI")).text());
    expect(agreed).toHaveLength(1);
  });

  it("takes the agencies' results, refuses a file with a bad row without applying any, and notifies every proposer", async () => {
    store = await open();
    const { app, forwarded } = await setUp(store);
    const admin = new Client(app);
    await admin.login("admin");
    const upload = (text: string, who = admin) => {
      const form = new FormData();
      form.append("berkas", new File([text], "hasil.csv", { type: "text/csv" }));
      return app.request("/dashboard/ekspor/hasil", {
        method: "POST",
        headers: { origin, cookie: who.cookie },
        body: form,
      });
    };
    const bad = await upload(`kode_usulan,hasil,catatan\n${forwarded[0]},DITERIMA,ok\n${forwarded[1]},MUNGKIN,\n`);
    expect(bad.status).toBe(422);
    expect(await bad.text()).toMatch(/line 3[\s\S]*MUNGKIN/);
    expect(await store.db.proposal.count({ where: { status: "DITERIMA" } })).toBe(0);

    const lines = forwarded.map(
      (c, i) => `${c},${i % 2 ? "TIDAK_DITERIMA" : "diterima"},${i % 2 ? "Pagu tidak cukup" : ""}`,
    );
    const ok = await upload(`kode_usulan,hasil,catatan\n${lines.join("\n")}\n`);
    expect(ok.status).toBe(200);
    const after = await store.db.proposal.findMany({ where: { code: { in: forwarded } }, orderBy: { code: "asc" } });
    expect(after.filter((p) => p.status === "DITERIMA")).toHaveLength(Math.ceil(forwarded.length / 2));
    const notices = await store.db.outboxMessage.findMany();
    expect(notices).toHaveLength(forwarded.length);
    expect(notices.map((n) => n.payload).join("\n")).toMatch(/belum dapat didanai[\s\S]*Pagu tidak cukup/);
    // Uploading the same file again changes nothing and sends nothing.
    expect((await upload(`kode_usulan,hasil,catatan\n${lines.join("\n")}\n`)).status).toBe(200);
    expect(await store.db.outboxMessage.count()).toBe(forwarded.length);

    const village = new Client(app);
    await village.login("desa.x");
    expect((await upload(`kode_usulan,hasil\n${forwarded[0]},DITERIMA\n`, village)).status).toBe(403);
  });
});
