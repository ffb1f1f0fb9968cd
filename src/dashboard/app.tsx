// The officer dashboard: a Hono app mounted at /dashboard on the program's HTTP server. Order matters:
// headers and the same-origin check wrap everything; assets and login are open; every other route needs a
// session (requireOfficer), so a route added below cannot be forgotten (test/dashboard/security.test.ts
// enumerates `app.routes` to prove it).
import { Hono } from "hono";
import { isRefusal } from "../refusal.ts";
import type { DashboardDeps } from "./deps.ts";
import type { DashEnv } from "./env.ts";
import { mountAssets } from "./assets.ts";
import { Layout } from "./layout.tsx";
import { mountLogin } from "./login.tsx";
import { dashboardHeaders, sameOriginOnly } from "./security.ts";
import { requireOfficer } from "./session.ts";
import { mountHome } from "./home.tsx";
import { mountForum } from "./forum/routes.tsx";
import { mountSipd } from "./sipd/routes.tsx";
import { mountCycles } from "./forum/cycles-page.tsx";
import { mountProposalList } from "./proposals/list.tsx";
import { mountProposalDecisions } from "./proposals/decisions.tsx";
import { mountProposalExport } from "./proposals/export.ts";
import { mountAdmin } from "./admin/kamus.tsx";

/** Adds pages behind the login; each feature (proposals, kamus, forum...) brings one of these. */
export type DashboardFeature = (app: Hono<DashEnv>, deps: DashboardDeps) => void;

// The bulk route (/usulan/massal) is registered before /usulan/:code/... routes; order within a feature matters.
const features: DashboardFeature[] = [
  mountCycles,
  mountHome,
  mountProposalList,
  mountProposalExport,
  mountProposalDecisions,
  mountForum,
  mountSipd,
  mountAdmin,
];

/** Paths reachable without a session (everything else answers 303 to the login page). */
export const openPaths = ["/login", "/keluar", "/aset/*"];

/** Builds the dashboard; mount it with `app.route("/dashboard", dashboardApp(deps))`. */
export function dashboardApp(deps: DashboardDeps, extra: DashboardFeature[] = []): Hono<DashEnv> {
  const app = new Hono<DashEnv>();
  app.use("*", dashboardHeaders(deps.settings.mapTileUrl));
  app.use("*", sameOriginOnly(deps.texts));
  mountAssets(app);
  mountLogin(app, deps);
  app.use("*", requireOfficer(deps));
  for (const add of [...features, ...extra]) add(app, deps);
  app.onError((error, c) => {
    if (isRefusal(error)) {
      if (error.retryAfterSeconds) c.header("retry-after", String(error.retryAfterSeconds));
      const officer = c.get("officer");
      return c.html(
        <Layout title={error.status === 404 ? "Tidak ditemukan" : "Tidak dapat diproses"} officer={officer}>
          <p class="flash error" role="alert">
            {error.message}
          </p>
          <p>
            <a href="/dashboard">Kembali ke beranda</a>
          </p>
        </Layout>,
        error.status,
      );
    }
    deps.logger.error({ err: error, path: c.req.path }, "dashboard request failed");
    return c.html(
      <Layout title="Kesalahan">
        <p class="flash error" role="alert">
          {deps.texts("error.server")}
        </p>
      </Layout>,
      500,
    );
  });
  return app;
}
