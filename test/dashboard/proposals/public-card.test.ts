// The proposal page's public card: an officer approves a public wording and shows the pin; the public page
// follows. Outside the officer's area the form answers 404 and changes nothing. SQLite and PostgreSQL.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Hono } from "hono";
import { publicRoutes } from "../../../src/public/app.tsx";
import type { Store } from "../../../src/store/client.ts";
import { storeCases } from "../../support/stores.ts";
import { A, B, Client, addProposal, seedOfficers, seedRegions, testApp, testDeps } from "../fixture.ts";

describe.each(storeCases())("public card on the proposal page on $name", ({ open }) => {
  let store: Store;
  let app: Hono;
  let code = "";
  const problem = "Saya Pak Darto hp 081298765432, jalan depan rumah no 7 rusak";

  beforeEach(async () => {
    store = await open();
    await seedRegions(store);
    await seedOfficers(store);
    code = await addProposal(store, { village: A, problem, latitude: -6.31, longitude: 107.12 });
    app = new Hono();
    app.route("/", testApp(testDeps(store)).app);
    app.route("/", publicRoutes({ db: store.db, cacheSeconds: 0 }));
  });
  afterEach(async () => store.db.$disconnect());

  async function as(user: string) {
    const c = new Client(app);
    expect((await c.login(user)).status).toBe(303);
    return c;
  }
  const publicPage = async () => (await app.request(`/usulan/${code}`)).text();

  it("pre-fills the resident's words without the phone number, and approving puts the wording on the public page", async () => {
    const desa = await as("desa.a");
    const page = await (await desa.get(`/dashboard/usulan/${code}`)).text();
    expect(page).toContain("Tampil di halaman publik");
    expect(page).toMatch(/<textarea name="wording"[^>]*>Saya Pak Darto hp …, jalan depan rumah no 7 rusak<\/textarea>/);
    expect(await publicPage()).not.toContain("jalan depan rumah");

    const res = await desa.post(`/dashboard/usulan/${code}/publik`, {
      aksi: "setujui",
      wording: "Jalan lingkungan RT 03 rusak dan berlubang.",
    });
    expect(res.status).toBe(303);
    const after = await (await desa.get(res.headers.get("location")!)).text();
    expect(after).toContain("Keterangan untuk umum disetujui");
    expect(after).toContain("Disetujui oleh desa.a");
    expect(await publicPage()).toContain("Jalan lingkungan RT 03 rusak dan berlubang.");

    await desa.post(`/dashboard/usulan/${code}/publik`, { aksi: "tarik" });
    expect(await publicPage()).not.toContain("Jalan lingkungan RT 03 rusak dan berlubang.");
  });

  it("shows and hides the pin on the public page", async () => {
    const desa = await as("desa.a");
    expect(await publicPage()).not.toContain("-6.31000");
    expect((await desa.post(`/dashboard/usulan/${code}/publik`, { aksi: "pin", publish: "1" })).status).toBe(303);
    expect(await publicPage()).toContain("-6.31000, 107.12000");
    await desa.post(`/dashboard/usulan/${code}/publik`, { aksi: "pin", publish: "0" });
    expect(await publicPage()).not.toContain("-6.31000");
  });

  it("refuses an empty wording on the page, and another desa's officer gets 404 and changes nothing", async () => {
    const desa = await as("desa.a");
    const empty = await desa.post(`/dashboard/usulan/${code}/publik`, { aksi: "setujui", wording: "  " });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("tanpa nama orang dan nomor telepon");

    const other = await as("desa.b");
    const res = await other.post(`/dashboard/usulan/${code}/publik`, { aksi: "setujui", wording: "Bocor" });
    expect(res.status).toBe(404);
    expect((await store.db.proposal.findUniqueOrThrow({ where: { code } })).publicProblem).toBeNull();
    expect(B).not.toBe(A);
  });
});
