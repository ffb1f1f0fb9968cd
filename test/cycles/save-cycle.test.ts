// The admin's cycle schedule through the dashboard: saved as WIB days, refused with a field to fix, admin only.
import { afterEach, describe, expect, it } from "vitest";
import type { Store } from "../../src/store/client.ts";
import { addOfficer } from "../../src/store/officers.ts";
import { freshSqlite } from "../support/stores.ts";
import { A, Client, seedRegions, testApp, testDeps } from "../dashboard/fixture.ts";

let store: Store | undefined;
afterEach(async () => {
  await store?.db.$disconnect();
  store = undefined;
});

describe("cycle schedule", () => {
  it("stores the intake window as whole WIB days and the forum periods, and refuses a window that ends first", async () => {
    store = await freshSqlite();
    await seedRegions(store);
    await addOfficer(store.db, { username: "admin", role: "ADMIN", password: "rahasia-123" });
    await addOfficer(store.db, {
      username: "desa.a",
      role: "VILLAGE",
      regionCode: A,
      password: "rahasia-123",
    });
    const { app } = testApp(testDeps(store));
    const admin = new Client(app);
    await admin.login("admin");
    const form = {
      tahun: "2027",
      buka: "2027-01-04",
      tutup: "2027-02-28",
      desa_mulai: "2027-01-15",
      desa_selesai: "2027-02-10",
    };
    const saved = await admin.post("/dashboard/siklus", form);
    expect(saved.headers.get("location")).toBe("/dashboard/siklus?disimpan=2027");
    expect(await store.db.cycle.findUniqueOrThrow({ where: { year: 2027 } })).toMatchObject({
      opensAt: new Date("2027-01-03T17:00:00Z"),
      closesAt: new Date("2027-02-28T16:59:59Z"),
      villageForumsFrom: new Date("2027-01-14T17:00:00Z"),
      districtForumsFrom: null,
    });
    const page = await (await admin.get("/dashboard/siklus?disimpan=2027")).text();
    expect(page).toContain('value="2027-02-28"');

    const bad = await admin.post("/dashboard/siklus", { ...form, tutup: "2026-12-31" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/harus sesudah tanggal buka/);
    expect((await admin.post("/dashboard/siklus", { ...form, buka: "4 Januari" })).status).toBe(400);

    const desa = new Client(app);
    await desa.login("desa.a");
    expect((await desa.post("/dashboard/siklus", form)).status).toBe(403);
  });
});
