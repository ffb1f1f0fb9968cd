// The three public pages: a desa, a kecamatan, one proposal. Data comes in already stripped of anything
// personal (data.ts); these components only lay it out.
import type { FC } from "hono/jsx";
import { rupiah } from "../texts/number-format.ts";
import type { PublicCycle, PublicForum, PublicProposal } from "./data.ts";
import { rtRw, volumeText } from "./describe.ts";
import { PublicLayout } from "./layout.tsx";
import { AgencyCharts, CycleLinks, ForumSection, Pager, ProposalTable, Summary, publicDate } from "./parts.tsx";
import type { PublicTexts } from "../texts/public-texts.ts";

/** What the desa and kecamatan pages share. */
interface ListPage {
  t: PublicTexts;
  path: string;
  cycles: PublicCycle[];
  cycle: PublicCycle | null;
  /** Every proposal of the cycle (for the summary and charts). */
  all: PublicProposal[];
  /** The ones on this page of the list. */
  shown: PublicProposal[];
  page: number;
  pages: number;
  pageSize: number;
  forum: PublicForum | null;
  minutesHref: string | null;
}

export const VillagePage: FC<ListPage & { village: { name: string; district: { name: string } } }> = (p) => {
  const { t } = p;
  return (
    <PublicLayout t={t} title={t("desa.title", { name: p.village.name })} charts={p.all.length > 0}>
      <p class="lead">{t("desa.lead", { district: p.village.district.name, year: p.cycle?.year ?? t("year.all") })}</p>
      <CycleLinks t={t} path={p.path} cycles={p.cycles} cycle={p.cycle} />
      <Summary t={t} proposals={p.all} />
      <ForumSection t={t} title={t("forum.title")} forum={p.forum} minutesHref={p.minutesHref} />
      <AgencyCharts t={t} proposals={p.all} />
      <section>
        <h2>{t("list.title")}</h2>
        <ProposalTable t={t} proposals={p.shown} start={(p.page - 1) * p.pageSize + 1} />
        <Pager t={t} path={p.path} year={p.cycle?.year ?? null} page={p.page} pages={p.pages} />
      </section>
    </PublicLayout>
  );
};

export const DistrictPage: FC<ListPage & { district: { name: string; villages: { code: string; name: string }[] } }> = (
  p,
) => {
  const { t } = p;
  const byVillage = new Map<string, { count: number; cost: number }>();
  for (const x of p.all) {
    const v = byVillage.get(x.village.code) ?? { count: 0, cost: 0 };
    v.count++;
    if (x.status !== "DITOLAK" && x.status !== "DIGABUNG") v.cost += x.estimatedCost ?? 0;
    byVillage.set(x.village.code, v);
  }
  return (
    <PublicLayout t={t} title={t("kecamatan.title", { name: p.district.name })} charts={p.all.length > 0}>
      <p class="lead">{t("kecamatan.lead", { name: p.district.name, year: p.cycle?.year ?? t("year.all") })}</p>
      <CycleLinks t={t} path={p.path} cycles={p.cycles} cycle={p.cycle} />
      <Summary t={t} proposals={p.all} />
      <ForumSection t={t} title={t("forum.district_title")} forum={p.forum} minutesHref={p.minutesHref} />
      <section>
        <h2>{t("districts.title")}</h2>
        <div class="scroll">
          <table class="list">
            <thead>
              <tr>
                <th>{t("col.desa")}</th>
                <th class="num">{t("col.count")}</th>
                <th class="num">{t("col.cost")}</th>
              </tr>
            </thead>
            <tbody>
              {p.district.villages.map((v) => (
                <tr>
                  <td>
                    <a href={`/desa/${v.code}${p.cycle ? `?tahun=${p.cycle.year}` : ""}`}>{v.name}</a>
                  </td>
                  <td class="num">{byVillage.get(v.code)?.count ?? 0}</td>
                  <td class="num">{rupiah(byVillage.get(v.code)?.cost ?? 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <AgencyCharts t={t} proposals={p.all} />
      <section>
        <h2>{t("list.title")}</h2>
        <ProposalTable t={t} proposals={p.shown} start={(p.page - 1) * p.pageSize + 1} showVillage />
        <Pager t={t} path={p.path} year={p.cycle?.year ?? null} page={p.page} pages={p.pages} />
      </section>
    </PublicLayout>
  );
};

export const ProposalPage: FC<{
  t: PublicTexts;
  proposal: PublicProposal;
  history: { status: PublicProposal["status"]; at: Date }[];
}> = ({ t, proposal: p, history }) => (
  <PublicLayout t={t} title={t("usulan.title", { code: p.code })}>
    <p class="lead">{t("usulan.lead", { code: p.code })}</p>
    <dl class="facts">
      <dt>{t("proposal.status")}</dt>
      <dd>
        <span class={`st st-${p.status}`}>{t(`status.${p.status}`)}</span>{" "}
        {p.mergedInto && <a href={`/usulan/${p.mergedInto}`}>{t("merged", { code: p.mergedInto })}</a>}
        <br />
        <small>{t(`status_notes.${p.status}`)}</small>
      </dd>
      <dt>{t("proposal.kamus")}</dt>
      <dd>{p.kamus?.nama ?? t("kamus.none")}</dd>
      <dt>{t("proposal.agency")}</dt>
      <dd>{p.kamus?.agency ?? "-"}</dd>
      <dt>{t("proposal.place")}</dt>
      <dd>
        {rtRw(p, t)}, <a href={`/desa/${p.village.code}`}>{p.village.name}</a>,{" "}
        <a href={`/kecamatan/${p.district.code}`}>Kec. {p.district.name}</a>
      </dd>
      {p.location && (
        <>
          <dt>{t("proposal.map")}</dt>
          <dd>
            <a
              href={`https://www.openstreetmap.org/?mlat=${p.location.latitude}&mlon=${p.location.longitude}#map=18/${p.location.latitude}/${p.location.longitude}`}
              rel="noopener noreferrer"
            >
              {p.location.latitude.toFixed(5)}, {p.location.longitude.toFixed(5)}
            </a>
          </dd>
        </>
      )}
      <dt>{t("proposal.volume")}</dt>
      <dd>{volumeText(p)}</dd>
      <dt>{t("proposal.cost")}</dt>
      <dd>{p.estimatedCost === null ? "-" : `Rp ${rupiah(p.estimatedCost)}`}</dd>
      <dt>{t("proposal.supporters")}</dt>
      <dd>{p.supporters}</dd>
      {p.rank !== null && (
        <>
          <dt>{t("proposal.rank")}</dt>
          <dd>{p.rank}</dd>
        </>
      )}
      <dt>{t("proposal.problem")}</dt>
      <dd>{p.publicProblem ?? <small>{t("proposal.problem_hidden")}</small>}</dd>
      <dt>{t("proposal.submitted")}</dt>
      <dd>{publicDate(p.createdAt)}</dd>
    </dl>
    {history.length > 0 && (
      <section>
        <h2>{t("proposal.history")}</h2>
        <ol class="history">
          {history.map((h) => (
            <li>
              {publicDate(h.at)}: {t(`status.${h.status}`)}
            </li>
          ))}
        </ol>
      </section>
    )}
    <p>
      <a href={`/desa/${p.village.code}`}>{t("proposal.back", { name: p.village.name })}</a>
    </p>
  </PublicLayout>
);

/** A page that says what was not found and what to do. */
export const NotFoundPage: FC<{ t: PublicTexts; message: string }> = ({ t, message }) => (
  <PublicLayout t={t} title={t("site")}>
    <p>{message}</p>
  </PublicLayout>
);
