// Login, sessions and throttling over HTTP (app.request) on a real SQLite database.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freshSqlite } from "../support/stores.ts";
import type { Store } from "../../src/store/client.ts";
import { Client, seedOfficers, seedRegions, testApp, testDeps } from "./fixture.ts";
import { setOfficerActive } from "../../src/store/officers.ts";

let store: Store;
beforeEach(async () => {
  store = await freshSqlite();
  await seedRegions(store);
  await seedOfficers(store);
});
afterEach(async () => store.db.$disconnect());

describe("dashboard login", () => {
  it("sends a visitor without a session to the login page", async () => {
    const { app } = testApp(testDeps(store));
    const res = await new Client(app).get("/dashboard");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/dashboard/login");
  });

  it("logs in with the right password: an HttpOnly, SameSite=Lax cookie whose token is not stored", async () => {
    const { app } = testApp(testDeps(store));
    const client = new Client(app);
    const res = await client.login("admin");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/dashboard");
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const token = client.cookie.split("=")[1]!;
    const rows = await store.db.officerSession.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).not.toContain(token);
    expect((await client.get("/dashboard")).status).toBe(200);
  });

  it("names the officer's desa or kecamatan in the page header, not its code", async () => {
    const { app } = testApp(testDeps(store));
    const village = new Client(app);
    await village.login("desa.a");
    const header = await (await village.get("/dashboard")).text();
    expect(header).toContain("desa.a · Desa Ragemanunggal");
    const district = new Client(app);
    await district.login("camat.setu");
    expect(await (await district.get("/dashboard")).text()).toContain("camat.setu · Kecamatan Setu");
  });

  it("marks the cookie Secure over HTTPS or when configured", async () => {
    const viaProxy = await new Client(testApp(testDeps(store)).app).login("admin");
    expect(viaProxy.headers.get("set-cookie")).not.toMatch(/Secure/);
    const configured = await new Client(testApp(testDeps(store, { secureCookie: true })).app).login("admin");
    expect(configured.headers.get("set-cookie")).toMatch(/Secure/);
    const https = await new Client(testApp(testDeps(store)).app).post(
      "/dashboard/login",
      { username: "admin", password: "rahasia-123" },
      { "x-forwarded-proto": "https", origin: "https://localhost" },
    );
    expect(https.headers.get("set-cookie")).toMatch(/Secure/);
  });

  it("answers 401 with an Indonesian message for a wrong password", async () => {
    const { app } = testApp(testDeps(store));
    const res = await new Client(app).login("admin", "salah-sekali");
    expect(res.status).toBe(401);
    expect(await res.text()).toContain("Nama pengguna atau kata sandi salah");
  });

  it("refuses the 6th wrong password for a username with 429 and the time to try again", async () => {
    const { app } = testApp(testDeps(store));
    for (let i = 0; i < 5; i++) expect((await new Client(app).login("desa.a", `salah-${i}`)).status).toBe(401);
    const sixth = await new Client(app).login("desa.a", "salah-6");
    expect(sixth.status).toBe(429);
    expect(await sixth.text()).toMatch(/coba lagi pukul \d\d:\d\d WIB/);
    // Even the right password waits until then; another officer is not affected.
    expect((await new Client(app).login("desa.a")).status).toBe(429);
    expect((await new Client(app).login("desa.b")).status).toBe(303);
  });

  it("throttles one address trying many usernames", async () => {
    const { app } = testApp(testDeps(store, { trustProxy: true }));
    const from = { "x-forwarded-for": "10.0.0.9" };
    for (let i = 0; i < 20; i++)
      await new Client(app).post("/dashboard/login", { username: `tebak${i}`, password: "x" }, from);
    const res = await new Client(app).post("/dashboard/login", { username: "admin", password: "rahasia-123" }, from);
    expect(res.status).toBe(429);
    const other = await new Client(app).post(
      "/dashboard/login",
      { username: "admin", password: "rahasia-123" },
      {
        "x-forwarded-for": "10.0.0.10",
      },
    );
    expect(other.status).toBe(303);
  });

  it("ends the session on logout: the old token no longer works", async () => {
    const { app } = testApp(testDeps(store));
    const client = new Client(app);
    await client.login("admin");
    const stolen = client.cookie;
    const out = await client.post("/dashboard/keluar", {});
    expect(out.status).toBe(303);
    const again = new Client(app);
    again.cookie = stolen;
    expect((await again.get("/dashboard")).status).toBe(303);
  });

  it("ends a session after the idle time and after the absolute limit", async () => {
    let now = new Date("2026-11-29T08:00:00Z");
    const deps = testDeps(store, { session: { idleMs: 30 * 60_000, absoluteMs: 2 * 3600_000 } }, { now: () => now });
    const { app } = testApp(deps);
    const client = new Client(app);
    await client.login("admin");
    for (const minutes of [20, 40, 60, 80, 100]) {
      now = new Date(Date.parse("2026-11-29T08:00:00Z") + minutes * 60_000);
      expect((await client.get("/dashboard")).status).toBe(200);
    }
    now = new Date(Date.parse("2026-11-29T08:00:00Z") + 125 * 60_000);
    expect((await client.get("/dashboard")).status).toBe(303);
    await client.login("admin");
    now = new Date(now.getTime() + 31 * 60_000);
    expect((await client.get("/dashboard")).status).toBe(303);
  });

  it("logs out a disabled officer at once", async () => {
    const { app } = testApp(testDeps(store));
    const client = new Client(app);
    await client.login("desa.a");
    await setOfficerActive(store.db, "desa.a", false);
    expect((await client.get("/dashboard")).status).toBe(303);
    expect((await new Client(app).login("desa.a")).status).toBe(401);
  });

  it("refuses a login POST from another origin or without one (403)", async () => {
    const { app } = testApp(testDeps(store));
    const c = new Client(app);
    const foreign = await c.post(
      "/dashboard/login",
      { username: "admin", password: "rahasia-123" },
      {
        origin: "https://evil.example",
      },
    );
    expect(foreign.status).toBe(403);
    const none = await app.request("/dashboard/login", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "username=admin&password=rahasia-123",
    });
    expect(none.status).toBe(403);
    expect(foreign.headers.get("set-cookie")).toBeNull();
  });
});
