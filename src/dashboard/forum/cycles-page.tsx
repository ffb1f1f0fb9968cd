// /dashboard/siklus: every cycle's intake window and forum periods; the admin adds or changes them.
import type { Hono } from "hono";
import { saveCycle, wibDay } from "../../forum/save-cycle.ts";
import { defaultForumData, forumText } from "../../forum/forum-data.ts";
import { Refusal } from "../../refusal.ts";
import type { DashboardDeps } from "../deps.ts";
import { base, type DashEnv } from "../env.ts";
import { Layout } from "../layout.tsx";

export function mountCycles(app: Hono<DashEnv>, deps: DashboardDeps): void {
  const data = defaultForumData();
  const t = (key: string, vars?: Record<string, string | number>) => forumText(data, key, vars);
  app.get("/siklus", async (c) => {
    const officer = c.get("officer");
    const cycles = await deps.store.db.cycle.findMany({ orderBy: { year: "desc" } });
    const saved = c.req.query("disimpan");
    const admin = officer.role === "ADMIN";
    const next = (cycles[0]?.year ?? (deps.now?.() ?? new Date()).getUTCFullYear()) + (cycles.length ? 1 : 0);
    const field = (name: string, label: string, value: string, required = false) => (
      <label>
        {t(label)}
        <input type="date" name={name} value={value} required={required} disabled={!admin} />
      </label>
    );
    return c.html(
      <Layout
        title={t("cycle.title")}
        officer={officer}
        active={`${base}/siklus`}
        flash={saved && /^\d{4}$/.test(saved) ? { kind: "ok", text: t("cycle.saved", { year: saved }) } : null}
      >
        <p class="muted">{t("cycle.help")}</p>
        {cycles.length === 0 && <p>{t("cycle.none")}</p>}
        {[...cycles.map((cy) => ({ cy, year: cy.year })), ...(admin ? [{ cy: null, year: next }] : [])].map(
          ({ cy, year }) => (
            <form method="post" action={`${base}/siklus`} class="card">
              <h2>{year}</h2>
              <input type="hidden" name="tahun" value={String(year)} />
              {field("buka", "cycle.opens", wibDay(cy?.opensAt ?? null), true)}
              {field("tutup", "cycle.closes", wibDay(cy?.closesAt ?? null), true)}
              {field("desa_mulai", "cycle.village_from", wibDay(cy?.villageForumsFrom ?? null))}
              {field("desa_selesai", "cycle.village_until", wibDay(cy?.villageForumsUntil ?? null))}
              {field("kec_mulai", "cycle.district_from", wibDay(cy?.districtForumsFrom ?? null))}
              {field("kec_selesai", "cycle.district_until", wibDay(cy?.districtForumsUntil ?? null))}
              {admin && <button type="submit">{t("cycle.save")}</button>}
            </form>
          ),
        )}
      </Layout>,
    );
  });
  app.post("/siklus", async (c) => {
    if (c.get("officer").role !== "ADMIN") throw new Refusal(403, t("cycle.admin_only"));
    const f = await c.req.parseBody();
    const s = (k: string) => (typeof f[k] === "string" ? f[k] : "");
    const year = await saveCycle(
      deps.store.db,
      {
        year: s("tahun"),
        opens: s("buka"),
        closes: s("tutup"),
        villageFrom: s("desa_mulai"),
        villageUntil: s("desa_selesai"),
        districtFrom: s("kec_mulai"),
        districtUntil: s("kec_selesai"),
      },
      data,
    );
    return c.redirect(`${base}/siklus?disimpan=${year}`, 303);
  });
}
