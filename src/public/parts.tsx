// Pieces the desa and kecamatan pages share: the proposal table, the per-OPD chart with its table, the locked
// forum, the year links and the pager. Every value goes through hono/jsx, which escapes it.
import type { FC } from "hono/jsx";
import { rupiah } from "../texts/number-format.ts";
import { perAgency, type PublicCycle, type PublicForum, type PublicProposal } from "./data.ts";
import { rtRw, volumeText } from "./describe.ts";
import type { PublicTexts } from "../texts/public-texts.ts";

const date = (d: Date) =>
  d.toLocaleDateString("id-ID", { day: "numeric", month: "long", year: "numeric", timeZone: "Asia/Jakarta" });

/** The summary line under the title: count and total estimated cost. */
export const Summary: FC<{ t: PublicTexts; proposals: PublicProposal[] }> = ({ t, proposals }) => {
  const live = proposals.filter((p) => p.status !== "DITOLAK" && p.status !== "DIGABUNG");
  const cost = live.reduce((sum, p) => sum + (p.estimatedCost ?? 0), 0);
  return (
    <p class="summary">
      {proposals.length ? t("summary.count", { count: proposals.length, cost: rupiah(cost) }) : t("summary.none")}
    </p>
  );
};

/** Links to the same page for other years. */
export const CycleLinks: FC<{ t: PublicTexts; path: string; cycles: PublicCycle[]; cycle: PublicCycle | null }> = ({
  t,
  path,
  cycles,
  cycle,
}) => {
  if (!cycle) return <p class="note">{t("cycle.none")}</p>;
  const others = cycles.filter((c) => c.id !== cycle.id);
  if (!others.length) return null;
  return (
    <p class="years">
      {t("cycle.other")}{" "}
      {others.map((c) => (
        <a href={`${path}?tahun=${c.year}`}>{c.year}</a>
      ))}
    </p>
  );
};

/** One row per proposal: code (link to its page), kamus entry, RT/RW, volume, cost, supporters, status, rank. */
export const ProposalTable: FC<{
  t: PublicTexts;
  proposals: PublicProposal[];
  /** First row's number (for later pages). */
  start: number;
  showVillage?: boolean;
}> = ({ t, proposals, start, showVillage }) => (
  <div class="scroll">
    <table class="list cards">
      <thead>
        <tr>
          <th>{t("col.no")}</th>
          <th>{t("col.code")}</th>
          <th>{t("col.kamus")}</th>
          {showVillage && <th>{t("col.desa")}</th>}
          <th>{t("col.place")}</th>
          <th class="num">{t("col.volume")}</th>
          <th class="num">{t("col.cost")}</th>
          <th class="num">{t("col.supporters")}</th>
          <th>{t("col.status")}</th>
          <th class="num">{t("col.rank")}</th>
        </tr>
      </thead>
      <tbody>
        {proposals.map((p, i) => (
          <tr>
            <td class="num" data-label={t("col.no")}>
              {start + i}
            </td>
            <td class="nowrap" data-label={t("col.code")}>
              <a href={`/usulan/${p.code}`}>{p.code}</a>
            </td>
            <td data-label={t("col.kamus")}>{p.kamus?.nama ?? t("kamus.none")}</td>
            {showVillage && <td data-label={t("col.desa")}>{p.village.name}</td>}
            <td class="nowrap" data-label={t("col.place")}>
              {rtRw(p, t)}
            </td>
            <td class="num" data-label={t("col.volume")}>
              {volumeText(p)}
            </td>
            <td class="num" data-label={t("col.cost")}>
              {p.estimatedCost === null ? "-" : rupiah(p.estimatedCost)}
            </td>
            <td class="num" data-label={t("col.supporters")}>
              {p.supporters}
            </td>
            <td data-label={t("col.status")}>
              <span class={`st st-${p.status}`}>{t(`status.${p.status}`)}</span>
              {p.mergedInto && <small> {t("merged", { code: p.mergedInto })}</small>}
            </td>
            <td class="num" data-label={t("col.rank")}>
              {p.rank ?? "-"}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

/**
 * Count and estimated cost per OPD as a table; the chart script draws two bar charts from this very table
 * (`data-chart`), so the chart and the table cannot disagree. Without JavaScript the table is the chart.
 */
export const AgencyCharts: FC<{ t: PublicTexts; proposals: PublicProposal[] }> = ({ t, proposals }) => {
  const rows = perAgency(proposals, t("kamus.none"));
  if (!rows.length) return null;
  return (
    <section>
      <h2>{t("charts.title")}</h2>
      <div class="charts">
        <div class="chart">
          <canvas data-for="opd" data-column="1" aria-label={t("charts.count")} role="img"></canvas>
        </div>
        <div class="chart">
          <canvas data-for="opd" data-column="2" aria-label={t("charts.cost")} role="img"></canvas>
        </div>
      </div>
      <p class="note">{t("charts.note")}</p>
      <div class="scroll">
        <table class="list" id="opd" data-chart="bar">
          <thead>
            <tr>
              <th>{t("col.agency")}</th>
              <th class="num">{t("charts.count")}</th>
              <th class="num">{t("charts.cost")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <td>{r.agency}</td>
                <td class="num" data-value={r.count}>
                  {r.count}
                </td>
                <td class="num" data-value={Math.round(r.cost)}>
                  {rupiah(r.cost)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
};

/** The locked forum: agreed list by rank, not agreed with reasons, participants by element, later changes. */
export const ForumSection: FC<{
  t: PublicTexts;
  title: string;
  forum: PublicForum | null;
  /** Where the berita acara PDF is served, or null while no PDF is available. */
  minutesHref: string | null;
}> = ({ t, title, forum, minutesHref }) => (
  <section>
    <h2>{title}</h2>
    {!forum ? (
      <p class="note">{t("forum.none")}</p>
    ) : (
      <>
        <p>
          {t("forum.locked", { date: date(forum.lockedAt) })}{" "}
          {minutesHref ? <a href={minutesHref}>{t("forum.minutes")}</a> : t("forum.minutes_none")}
        </p>
        <h3>{t("forum.agreed")}</h3>
        <ol class="ranked">
          {forum.agreed.map((a) => (
            <li>
              <a href={`/usulan/${a.code}`}>{a.code}</a>
            </li>
          ))}
        </ol>
        {forum.notAgreed.length > 0 && (
          <>
            <h3>{t("forum.not_agreed")}</h3>
            <table class="list">
              <thead>
                <tr>
                  <th>{t("col.code")}</th>
                  <th>{t("col.reason")}</th>
                </tr>
              </thead>
              <tbody>
                {forum.notAgreed.map((n) => (
                  <tr>
                    <td>
                      <a href={`/usulan/${n.code}`}>{n.code}</a>
                    </td>
                    <td>{n.reason ?? "-"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        {forum.elements.length > 0 && (
          <>
            <h3>{t("forum.participants")}</h3>
            <table class="list">
              <thead>
                <tr>
                  <th>{t("col.element")}</th>
                  <th class="num">{t("col.people")}</th>
                </tr>
              </thead>
              <tbody>
                {forum.elements.map((e) => (
                  <tr>
                    <td>{e.element}</td>
                    <td class="num">{e.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        {forum.changes.length > 0 && (
          <>
            <h3>{t("forum.changes")}</h3>
            <table class="list">
              <thead>
                <tr>
                  <th>{t("col.date")}</th>
                  <th>{t("col.code")}</th>
                  <th>{t("col.reason")}</th>
                </tr>
              </thead>
              <tbody>
                {forum.changes.map((c) => (
                  <tr>
                    <td>{date(c.at)}</td>
                    <td>{c.code ? <a href={`/usulan/${c.code}`}>{c.code}</a> : "-"}</td>
                    <td>{c.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </>
    )}
  </section>
);

/** "Halaman 2 dari 3" with previous/next links; nothing when everything fits on one page. */
export const Pager: FC<{ t: PublicTexts; path: string; year: number | null; page: number; pages: number }> = ({
  t,
  path,
  year,
  page,
  pages,
}) => {
  if (pages <= 1) return null;
  const href = (n: number) => `${path}?${year === null ? "" : `tahun=${year}&`}halaman=${n}`;
  return (
    <nav class="pager">
      {page > 1 && <a href={href(page - 1)}>{t("list.prev")}</a>} <span>{t("list.more", { page, pages })}</span>{" "}
      {page < pages && <a href={href(page + 1)}>{t("list.next")}</a>}
    </nav>
  );
};

export { date as publicDate };
