// The forum routes over HTTP: the kecamatan page, its lock and forward, and who may reach which forum.
import { afterEach, describe, expect, it } from "vitest";
import type { Store } from "../../../src/store/client.ts";
import { addOfficer } from "../../../src/store/officers.ts";
import { openVillageForum } from "../../../src/forum/village-forum.ts";
import { lockVillageForum } from "../../../src/forum/lock-forum.ts";
import { NOW, seededCases, seedProposals, villageOfficer, YEAR } from "../../forum/fixtures.ts";
import { Client, testApp, testDeps } from "../fixture.ts";

const KEC = "3216082";
const DESA = ["3216082001", "3216082006"];
const password = "rahasia-123";

let store: Store | undefined;
afterEach(async () => {
  await store?.db.$disconnect();
  store = undefined;
});

describe("forum routes", () => {
  it("lets the kecamatan officer consolidate, lock and forward; a village officer cannot reach it", async () => {
    store = await seededCases()[0]!.open();
    const db = store.db;
    for (const [i, desa] of DESA.entries()) {
      await seedProposals(store, desa, 2, String.fromCharCode(65 + i));
      const v = await openVillageForum(db, villageOfficer(desa), desa, YEAR, NOW);
      await lockVillageForum(db, villageOfficer(desa), v.id, NOW);
    }
    await addOfficer(db, { username: "camat.tu", role: "DISTRICT", regionCode: KEC, password });
    await addOfficer(db, { username: "desa.a", role: "VILLAGE", regionCode: DESA[0], password });
    const { app } = testApp(testDeps(store, {}, { now: () => NOW }));
    const camat = new Client(app);
    await camat.login("camat.tu");
    const page = await camat.get(`/dashboard/forum/kecamatan/${KEC}/${YEAR}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Musrenbang Kecamatan Tambun Utara 2027");
    expect(html.match(/class="forum-row/g)).toHaveLength(4);
    expect((await camat.get("/dashboard/forum")).status).toBe(200);

    const desa = new Client(app);
    await desa.login("desa.a");
    expect((await desa.get(`/dashboard/forum/kecamatan/${KEC}/${YEAR}`)).status).toBe(404);
    expect((await desa.post(`/dashboard/forum/kecamatan/${KEC}/${YEAR}/kunci`, {})).status).toBe(404);

    expect((await camat.post(`/dashboard/forum/kecamatan/${KEC}/${YEAR}/kunci`, {})).status).toBe(303);
    const pdf = await camat.get(`/dashboard/forum/kecamatan/${KEC}/${YEAR}/berita-acara.pdf`);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const forwarded = await camat.post(`/dashboard/forum/kecamatan/${KEC}/${YEAR}/teruskan`, {});
    expect(forwarded.headers.get("location")).toMatch(/ok=forwarded&count=4/);
    expect(await db.proposal.count({ where: { status: "DITERUSKAN" } })).toBe(4);
  });
});
