// The officer's home page: what needs attention (new since the last visit, without a kamus entry, waiting
// longer than DASHBOARD_WAITING_DAYS), counts per status and per OPD as charts with the same numbers in a
// table (the charts are drawn from the tables by dashboard.js), and the estimated cost total.
import type { Hono } from "hono";
import { ProposalStatus } from "../store/client.ts";
import { homeStats, markVisit } from "../store/proposal-stats.ts";
import type { DashboardDeps } from "./deps.ts";
import { base, type DashEnv } from "./env.ts";
import { takeFlash } from "./flash.ts";
import { dateTime, money, statusLabel } from "./format.ts";
import { Layout } from "./layout.tsx";

const ChartTable = (props: {
  id: string;
  caption: string;
  rows: [string, number][];
  axis?: "y";
  href?: (label: string) => string | undefined;
}) => (
  <section class="card">
    <h2>{props.caption}</h2>
    <div class="chart-box">
      <canvas
        data-chart-table={props.id}
        data-chart-axis={props.axis ?? "x"}
        aria-label={props.caption}
        role="img"
      ></canvas>
    </div>
    <div class="table-wrap">
      <table id={props.id}>
        <thead>
          <tr>
            <th class="first-cap">{props.caption.split(" per ")[1] ?? ""}</th>
            <th class="num">Jumlah</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map(([label, n]) => {
            const href = props.href?.(label);
            return (
              <tr>
                <td>{href ? <a href={href}>{label}</a> : label}</td>
                <td class="num" data-value={String(n)}>
                  {n}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  </section>
);

export function mountHome(app: Hono<DashEnv>, deps: DashboardDeps): void {
  const { db } = deps.store;
  app.get("/", async (c) => {
    const officer = c.get("officer");
    const now = deps.now?.() ?? new Date();
    const waitingBefore = new Date(now.getTime() - deps.settings.waitingDays * 86_400_000);
    const stats = await homeStats(db, c.get("scope"), { since: officer.lastVisitAt, waitingBefore });
    await markVisit(db, officer.id, now);
    const statusRows = Object.values(ProposalStatus).map(
      (s) => [statusLabel[s]!, stats.byStatus[s] ?? 0] as [string, number],
    );
    const codeOf = Object.fromEntries(Object.values(ProposalStatus).map((s) => [statusLabel[s]!, s]));
    const day = (d: Date) => new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
    return c.html(
      <Layout title="Beranda" officer={officer} active={base} flash={takeFlash(c)} scripts={["chart.umd.js"]}>
        <h2>Perlu perhatian</h2>
        <div class="tiles">
          <a
            class="tile"
            href={officer.lastVisitAt ? `${base}/usulan?dari=${day(officer.lastVisitAt)}` : `${base}/usulan`}
          >
            <strong id="new-since">{stats.newSince ?? "–"}</strong>
            {officer.lastVisitAt ? `baru sejak ${dateTime(officer.lastVisitAt)}` : "kunjungan pertama"}
          </a>
          <a class="tile" href={`${base}/usulan?tanpa_kamus=1`}>
            <strong id="no-kamus">{stats.noKamus}</strong>
            belum ada jenis usulan
          </a>
          <a class="tile" href={`${base}/usulan?status=DIAJUKAN&sampai=${day(waitingBefore)}&urut=lama`}>
            <strong id="waiting">{stats.waiting}</strong>
            menunggu verifikasi lebih dari {deps.settings.waitingDays} hari
          </a>
          <div class="tile">
            <strong id="cost-total">{money(stats.costTotal)}</strong>
            perkiraan biaya usulan yang masih berjalan
          </div>
        </div>
        <div class="grid two">
          <ChartTable
            id="per-status"
            caption="Usulan per status"
            rows={statusRows}
            href={(label) => `${base}/usulan?status=${codeOf[label]}`}
          />
          <ChartTable id="per-opd" caption="Usulan berjalan per OPD" rows={stats.byAgency} axis="y" />
        </div>
      </Layout>,
    );
  });
}
