// /dashboard/forum: the desa of the officer's area with a link to each cycle's forum (a village officer sees
// only their own desa), and for a kecamatan officer or the admin the kecamatan forums.
import type { Context } from "hono";
import { forumText, type ForumData } from "../../forum/forum-data.ts";
import { districtScope, villageScope } from "../../store/scope.ts";
import type { DashboardDeps } from "../deps.ts";
import { base, type DashEnv } from "../env.ts";
import { Layout } from "../layout.tsx";

export async function ForumIndex({ c, deps, data }: { c: Context<DashEnv>; deps: DashboardDeps; data: ForumData }) {
  const t = (key: string, vars?: Record<string, string | number>) => forumText(data, key, vars);
  const scope = c.get("scope");
  const cycles = await deps.store.db.cycle.findMany({ orderBy: { year: "desc" }, take: 3 });
  const villages = await deps.store.db.village.findMany({
    where: { ...villageScope(scope), active: true },
    include: { district: true },
    orderBy: [{ districtCode: "asc" }, { name: "asc" }],
    take: 300,
  });
  const districts =
    scope.role === "VILLAGE"
      ? []
      : await deps.store.db.district.findMany({
          where: { ...districtScope(scope), active: true },
          orderBy: { name: "asc" },
        });
  const forums = await deps.store.db.forum.findMany({
    where: { cycleId: { in: cycles.map((cy) => cy.id) } },
    select: { regionCode: true, cycleId: true, lockedAt: true, level: true },
  });
  const locked = new Set(forums.filter((f) => f.lockedAt).map((f) => `${f.level}:${f.regionCode}:${f.cycleId}`));
  return c.html(
    <Layout title={t("page.title.index")} officer={c.get("officer")} active={`${base}/forum`}>
      {cycles.length === 0 ? (
        <p>{t("page.index.none")}</p>
      ) : (
        <>
          <p class="muted">{t("page.index.help")}</p>
          {districts.length > 0 && (
            <>
              <h2>{t("page.index.district")}</h2>
              <ul>
                {districts.map((d) => (
                  <li>
                    {d.name}:{" "}
                    {cycles.map((cy) => (
                      <a href={`${base}/forum/kecamatan/${d.code}/${cy.year}`}>{` ${cy.year} `}</a>
                    ))}
                  </li>
                ))}
              </ul>
            </>
          )}
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>Desa</th>
                  <th>Kecamatan</th>
                  {cycles.map((cy) => (
                    <th>{cy.year}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {villages.map((v) => (
                  <tr>
                    <td>{v.name}</td>
                    <td>{v.district.name}</td>
                    {cycles.map((cy) => (
                      <td>
                        <a href={`${base}/forum/${v.code}/${cy.year}`}>
                          {locked.has(`DESA:${v.code}:${cy.id}`) ? "Dikunci" : t("page.index.open")}
                        </a>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Layout>,
  );
}
