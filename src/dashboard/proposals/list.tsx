// GET /dashboard/usulan: the officer's proposals, filtered in the URL, sorted, paged, with counts per status,
// bulk verify/reject of the selected rows (back to the same filters) and links to export the selection.
import type { Hono } from "hono";
import { ProposalStatus } from "../../store/client.ts";
import { filterChoices, listProposalPage, type ProposalListRow } from "../../store/proposal-query.ts";
import type { DashboardDeps } from "../deps.ts";
import { base, type DashEnv } from "../env.ts";
import { takeFlash } from "../flash.ts";
import { dateOnly, money, num, statusLabel } from "../format.ts";
import { Layout } from "../layout.tsx";
import { listQuery, parseListParams, type ListParams } from "./filters.ts";

export const pageSize = 50;

const sortLabels = {
  baru: "Terbaru",
  lama: "Terlama",
  dukungan: "Dukungan terbanyak",
  biaya: "Perkiraan biaya terbesar",
};

type Choices = Awaited<ReturnType<typeof filterChoices>>;

const Filters = ({ p, choices, admin }: { p: ListParams; choices: Choices; admin: boolean }) => (
  <details class="card" open={Object.keys(p.raw).some((k) => k !== "urut")}>
    <summary>Saring dan urutkan</summary>
    <form method="get" action={`${base}/usulan`} class="filters">
      <label class="wide">
        Cari (masalah, kegiatan, alamat, atau kode usulan)
        <input name="q" value={p.raw.q ?? ""} type="search" />
      </label>
      <label>
        Status
        <select name="status">
          <option value="">Semua</option>
          {Object.values(ProposalStatus).map((s) => (
            <option value={s} selected={p.filter.status === s}>
              {statusLabel[s]}
            </option>
          ))}
        </select>
      </label>
      {choices.districts.length > 1 && (
        <label>
          Kecamatan
          <select name="kecamatan">
            <option value="">Semua</option>
            {choices.districts.map((d) => (
              <option value={d.code} selected={p.filter.district === d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {choices.villages.length > 1 && (
        <label>
          Desa/kelurahan
          <select name="desa">
            <option value="">Semua</option>
            {choices.villages.map((v) => (
              <option value={v.code} selected={p.filter.village === v.code}>
                {v.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        OPD
        <select name="opd">
          <option value="">Semua</option>
          {choices.agencies.map((a) => (
            <option value={a} selected={p.filter.agency === a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      <label>
        Kode kamus
        <input name="kamus" value={p.raw.kamus ?? ""} />
      </label>
      <label>
        Dari tanggal
        <input name="dari" type="date" value={p.raw.dari ?? ""} />
      </label>
      <label>
        Sampai tanggal
        <input name="sampai" type="date" value={p.raw.sampai ?? ""} />
      </label>
      <label>
        Urutkan
        <select name="urut">
          {Object.entries(sortLabels).map(([k, v]) => (
            <option value={k} selected={p.sort === k}>
              {v}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input type="checkbox" name="tanpa_kamus" value="1" checked={p.filter.noKamus} />
        Belum ada jenis usulan
      </label>
      <label>
        <input type="checkbox" name="foto" value="1" checked={p.filter.withPhoto} />
        Ada foto
      </label>
      <div class="actions wide">
        <button type="submit">Terapkan</button>
        <a class="button secondary" href={`${base}/usulan`}>
          Hapus saringan
        </a>
        {admin ? null : null}
      </div>
    </form>
  </details>
);

const Counts = ({ p, counts }: { p: ListParams; counts: Record<string, number> }) => {
  const all = Object.values(counts).reduce((a, b) => a + b, 0);
  return (
    <nav class="counts" aria-label="Jumlah per status">
      <a
        href={`${base}/usulan${listQuery(p.raw, { status: undefined })}`}
        aria-current={!p.filter.status ? "true" : undefined}
      >
        Semua: {all}
      </a>
      {Object.entries(counts).map(([s, n]) => (
        <a
          href={`${base}/usulan${listQuery(p.raw, { status: s })}`}
          aria-current={p.filter.status === s ? "true" : undefined}
          data-status={s}
        >
          {statusLabel[s]}: <span class="count">{n}</span>
        </a>
      ))}
    </nav>
  );
};

const Row = ({ r }: { r: ProposalListRow }) => (
  <tr>
    <td>
      <input type="checkbox" name="codes" value={r.code} aria-label={`Pilih ${r.code}`} />
    </td>
    <td>
      <a href={`${base}/usulan/${r.code}`}>{r.code}</a>
      <div class="muted">{dateOnly(r.createdAt)}</div>
    </td>
    <td>
      <span class={`badge ${r.status}`}>{statusLabel[r.status]}</span>
    </td>
    <td>
      {r.kamusNama ?? <em class="muted">Belum ada jenis usulan</em>}
      <div class="muted">{r.problem.length > 90 ? `${r.problem.slice(0, 87)}...` : r.problem}</div>
    </td>
    <td class="hide-sm">
      {r.villageName}
      <div class="muted">{r.districtName}</div>
    </td>
    <td class="hide-sm">{r.agency ?? "–"}</td>
    <td class="num hide-sm">
      {num(r.volume)} {r.unit ?? ""}
    </td>
    <td class="num">{money(r.estimatedCost)}</td>
    <td class="num">{r.supporters}</td>
  </tr>
);

export function mountProposalList(app: Hono<DashEnv>, deps: DashboardDeps): void {
  const { db } = deps.store;
  app.get("/usulan", async (c) => {
    const officer = c.get("officer");
    const scope = c.get("scope");
    const p = parseListParams(c.req.query());
    const [page, choices] = await Promise.all([
      listProposalPage(db, scope, p.filter, { sort: p.sort, page: p.page, pageSize }),
      filterChoices(db, scope),
    ]);
    const pages = Math.max(1, Math.ceil(page.total / pageSize));
    const query = listQuery(p.raw);
    return c.html(
      <Layout title="Daftar usulan" officer={officer} active={`${base}/usulan`} flash={takeFlash(c)}>
        <Counts p={p} counts={page.counts} />
        <Filters p={p} choices={choices} admin={officer.role === "ADMIN"} />
        <div class="actions">
          <span>
            <strong id="total">{page.total}</strong> usulan
          </span>
          <a class="button secondary" href={`${base}/ekspor.xlsx${query}`}>
            Unduh Excel
          </a>
          <a class="button secondary" href={`${base}/ekspor.csv${query}`}>
            Unduh CSV
          </a>
        </div>
        <form method="post" action={`${base}/usulan/massal`}>
          <input type="hidden" name="kembali" value={query} />
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>
                    <input type="checkbox" data-select-all aria-label="Pilih semua di halaman ini" />
                  </th>
                  <th>Kode</th>
                  <th>Status</th>
                  <th>Jenis usulan / masalah</th>
                  <th class="hide-sm">Desa</th>
                  <th class="hide-sm">OPD</th>
                  <th class="num hide-sm">Volume</th>
                  <th class="num">Perkiraan biaya</th>
                  <th class="num">Dukungan</th>
                </tr>
              </thead>
              <tbody>
                {page.rows.map((r) => (
                  <Row r={r} />
                ))}
                {page.rows.length === 0 && (
                  <tr>
                    <td colspan={9}>Tidak ada usulan yang cocok dengan saringan ini.</td>
                  </tr>
                )}
              </tbody>
            </table>
          </div>
          <div class="pager">
            {p.page > 1 && <a href={`${base}/usulan${listQuery(p.raw, { hal: p.page - 1 })}`}>‹ Sebelumnya</a>}
            <span>
              Halaman {Math.min(p.page, pages)} dari {pages}
            </span>
            {p.page < pages && <a href={`${base}/usulan${listQuery(p.raw, { hal: p.page + 1 })}`}>Berikutnya ›</a>}
          </div>
          <fieldset class="card">
            <legend>Untuk usulan yang dicentang</legend>
            <div class="actions">
              <button type="submit" name="aksi" value="DIVERIFIKASI">
                Verifikasi
              </button>
            </div>
            <label>
              Alasan penolakan (dikirim ke warga)
              <select data-reason-target="bulk-reason">
                <option value="">Pilih alasan umum…</option>
                {deps.texts.rejectReasons.map((r) => (
                  <option value={r}>{r}</option>
                ))}
              </select>
            </label>
            <textarea id="bulk-reason" name="reason" rows={2} aria-label="Alasan penolakan"></textarea>
            <div class="actions">
              <button type="submit" name="aksi" value="DITOLAK" class="danger">
                Tolak
              </button>
            </div>
          </fieldset>
        </form>
      </Layout>,
    );
  });
}
