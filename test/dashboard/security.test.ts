// Security over HTTP: every route behind the login, headers, same-origin POSTs. Routes are enumerated from
// the router itself so a route added later is covered without touching this file.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshSqlite } from "../support/stores.ts";
import type { Store } from "../../src/store/client.ts";
import { Client, seedOfficers, seedRegions, testApp, testDeps } from "./fixture.ts";
import { openPaths } from "../../src/dashboard/app.tsx";

let store: Store;
beforeAll(async () => {
  store = await freshSqlite();
  await seedRegions(store);
  await seedOfficers(store);
});
afterAll(async () => store.db.$disconnect());

/** Every (method, path) the dashboard answers, with parameters filled in, except the open ones. */
function guardedRoutes(dash: ReturnType<typeof testApp>["dash"]) {
  const seen = new Set<string>();
  for (const r of dash.routes) {
    if (r.method === "ALL" || r.path.endsWith("*") || openPaths.includes(r.path)) continue;
    const path = `/dashboard${r.path === "/" ? "" : r.path}`;
    seen.add(`${r.method} ${path.replace(/:(\w+)(\{[^}]*\})?/g, "U26-XXXX")}`);
  }
  return [...seen].map((s) => s.split(" ") as [string, string]);
}

describe("dashboard security", () => {
  it("sends every route without a session to the login page", async () => {
    const { app, dash } = testApp(testDeps(store));
    const routes = guardedRoutes(dash);
    expect(routes.length).toBeGreaterThan(0);
    const client = new Client(app);
    for (const [method, path] of routes) {
      const res = method === "GET" ? await client.get(path) : await client.post(path, { status: "DIVERIFIKASI" });
      expect({ route: `${method} ${path}`, status: res.status, location: res.headers.get("location") }).toEqual({
        route: `${method} ${path}`,
        status: 303,
        location: "/dashboard/login",
      });
    }
  });

  it("refuses every POST route without a same-origin Origin (403), even with a session", async () => {
    const { app, dash } = testApp(testDeps(store));
    const client = new Client(app);
    await client.login("admin");
    const posts = guardedRoutes(dash).filter(([m]) => m === "POST");
    for (const [, path] of [...posts, ["POST", "/dashboard/login"]]) {
      const foreign = await client.post(path!, { status: "DIVERIFIKASI" }, { origin: "https://evil.example" });
      expect(`${path} ${foreign.status}`).toBe(`${path} 403`);
    }
  });

  it("sends strict headers: no inline scripts, no framing, no sniffing", async () => {
    const { app } = testApp(testDeps(store));
    const res = await new Client(app).get("/dashboard/login");
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await res.text()).not.toMatch(/<script>(?!<\/script>)|<script(?![^>]*src=)[^>]*>/);
  });

  it("serves htmx, Chart.js and Leaflet from the installed packages", async () => {
    const { app } = testApp(testDeps(store));
    for (const name of ["htmx.min.js", "chart.umd.js", "leaflet.js", "leaflet.css", "dashboard.css", "dashboard.js"]) {
      const res = await app.request(`/dashboard/aset/${name}`);
      expect(`${name} ${res.status}`).toBe(`${name} 200`);
    }
    expect((await app.request("/dashboard/aset/../../package.json")).status).toBe(404);
  });
});
