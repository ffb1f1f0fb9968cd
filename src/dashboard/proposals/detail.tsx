// GET /dashboard/usulan/<code>: every field, photos, the map, supporters, the resident's own words, the audit
// history, merge candidates, and the decision forms (plain forms; htmx only speeds up the kamus search).
import { villageScope } from "../../store/scope.ts";
import type { Child } from "hono/jsx";
import { nextStatuses } from "../../proposals/lifecycle.ts";
import type { Db } from "../../store/client.ts";
import { mergeCandidates, type ProposalDetail } from "../../store/proposal-detail.ts";
import { searchKamus } from "../../store/search.ts";
import type { DashboardDeps } from "../deps.ts";
import { base } from "../env.ts";
import { dateTime, money, num, statusLabel } from "../format.ts";
import type { Flash } from "../flash.ts";
import { Layout } from "../layout.tsx";
import { PublicCard, publicCardData } from "./public-card.tsx";
import type { SessionOfficer } from "../../store/officer-sessions.ts";

const actionLabel: Record<string, string> = {
  DIVERIFIKASI: "Verifikasi",
  DITOLAK: "Tolak",
  DIGABUNG: "Gabungkan",
  DISEPAKATI: "Tandai disepakati",
  DITERUSKAN: "Tandai diteruskan",
  DITERIMA: "Tandai diterima",
  TIDAK_DITERIMA: "Tandai tidak diterima",
  DIAJUKAN: "Kembalikan ke diajukan",
};

const fieldLabel: Record<string, string> = {
  kamus: "Jenis usulan (kode kamus)",
  unit: "Satuan",
  estimatedCost: "Perkiraan biaya",
  villageCode: "Desa",
  rt: "RT",
  rw: "RW",
  address: "Alamat",
  volume: "Volume",
  beneficiaries: "Penerima manfaat",
};

const Field = (props: { label: string; children?: Child }) => (
  <>
    <dt>{props.label}</dt>
    <dd>{props.children}</dd>
  </>
);

/** An old or new value of the audit detail as text. */
const shown = (v: unknown): string =>
  v === null || v === undefined || v === ""
    ? "–"
    : typeof v === "string"
      ? v
      : typeof v === "number" || typeof v === "boolean"
        ? String(v)
        : JSON.stringify(v);

export type KamusHit = Awaited<ReturnType<typeof searchKamus>>[number];

export const KamusResults = ({ hits, query }: { hits: KamusHit[]; query: string }) => (
  <div id="kamus-results">
    {query && hits.length === 0 && <p class="muted">Tidak ada entri kamus yang cocok dengan "{query}".</p>}
    {hits.map((k) => (
      <label>
        <input type="radio" name="kamus" value={k.kode} required />
        {k.kode} · {k.nama}{" "}
        <span class="muted">
          ({k.agency ?? "–"}, {k.unit ?? "tanpa satuan"}, {money(k.unitPrice)})
        </span>
      </label>
    ))}
  </div>
);

function History({ p }: { p: ProposalDetail }) {
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th>Waktu</th>
            <th>Oleh</th>
            <th>Perubahan</th>
            <th>Alasan / catatan</th>
          </tr>
        </thead>
        <tbody>
          {p.events.map((e) => {
            let detail: Record<string, { from: unknown; to: unknown }> = {};
            try {
              detail = e.detail ? (JSON.parse(e.detail) as typeof detail) : {};
            } catch {
              detail = {};
            }
            return (
              <tr>
                <td>{dateTime(e.createdAt)}</td>
                <td>
                  {e.actorType === "officer" ? "Petugas" : e.actorType === "resident" ? "Warga" : "Sistem"}
                  {e.actorType === "officer" && e.actorId ? ` ${e.actorId}` : ""}
                </td>
                <td>
                  {e.kind === "status" ? (
                    <>
                      {e.fromStatus ? statusLabel[e.fromStatus] : "–"} → {statusLabel[e.toStatus]}
                    </>
                  ) : (
                    <ul>
                      {Object.entries(detail).map(([k, v]) => (
                        <li>
                          {fieldLabel[k] ?? k}: {shown(v.from)} → {shown(v.to)}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>{e.reason ?? ""}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The whole page; `kamusQuery` shows kamus search results inside the reclassify form (works without JS). */
export async function detailPage(
  deps: DashboardDeps,
  db: Db,
  officer: SessionOfficer,
  p: ProposalDetail,
  options: { flash?: Flash | null; kamusQuery?: string },
) {
  const candidates = await mergeCandidates(db, p);
  const kamusQuery = options.kamusQuery?.trim().slice(0, 100) ?? "";
  const hits = kamusQuery ? await searchKamus(db, kamusQuery, 15) : [];
  const villages = await db.village.findMany({
    where: villageScope({ role: officer.role, regionCode: officer.regionCode }),
    select: { code: true, name: true },
    orderBy: { name: "asc" },
  });
  const version = String(p.updatedAt.getTime());
  const next = nextStatuses(p.status);
  const url = `${base}/usulan/${p.code}`;
  const hasPin = p.latitude != null && p.longitude != null;
  const publicForm = await publicCardData(db, p.code);
  return (
    <Layout
      title={`Usulan ${p.code}`}
      officer={officer}
      active={`${base}/usulan`}
      flash={options.flash}
      scripts={hasPin ? ["leaflet.js"] : []}
      styles={hasPin ? ["leaflet.css"] : []}
    >
      <p>
        <a href={`${base}/usulan`}>‹ Daftar usulan</a>
      </p>
      <div class="grid two">
        <section class="card">
          <p>
            <span class={`badge ${p.status}`} id="status">
              {statusLabel[p.status]}
            </span>{" "}
            {p.mergedInto && (
              <>
                digabung ke <a href={`${base}/usulan/${p.mergedInto.code}`}>{p.mergedInto.code}</a>
              </>
            )}
          </p>
          <dl class="fields">
            <Field label="Jenis usulan">
              {p.kamusEntry ? `${p.kamusEntry.kode} · ${p.kamusEntry.nama}` : <em>Belum ada jenis usulan</em>}
            </Field>
            <Field label="OPD">{p.kamusEntry?.agency ?? "–"}</Field>
            <Field label="Desa">
              {p.village.name}, Kec. {p.village.district.name}
            </Field>
            <Field label="RT / RW">
              {p.rt ?? "–"} / {p.rw ?? "–"}
            </Field>
            <Field label="Alamat / patokan">{p.address ?? "–"}</Field>
            <Field label="Volume">
              {num(p.volume)} {p.unit ?? ""}
            </Field>
            <Field label="Harga satuan">{money(p.kamusEntry?.unitPrice)}</Field>
            <Field label="Perkiraan biaya">{money(p.estimatedCost)}</Field>
            <Field label="Penerima manfaat">{p.beneficiaries == null ? "–" : `${p.beneficiaries} KK/orang`}</Field>
            <Field label="Pengusul">{p.proposerName ?? "(tanpa nama)"}</Field>
            <Field label="Saluran">{p.channel}</Field>
            <Field label="Diajukan">{dateTime(p.createdAt)}</Field>
            <Field label="Dukungan">{p.supports.length} warga</Field>
          </dl>
          <h2>Kata-kata warga</h2>
          <blockquote id="problem">{p.problem}</blockquote>
          {p.activity && p.activity !== p.problem && <blockquote>{p.activity}</blockquote>}
          {p.attachments.length > 0 && (
            <>
              <h2>Foto</h2>
              <div class="photos">
                {p.attachments.map((a) => (
                  <a href={`${url}/foto/${a.id}`}>
                    <img src={`${url}/foto/${a.id}`} alt={`Foto usulan ${p.code}`} loading="lazy" />
                  </a>
                ))}
              </div>
            </>
          )}
          <h2>Lokasi</h2>
          {hasPin ? (
            <>
              <div
                id="map"
                data-lat={String(p.latitude)}
                data-lng={String(p.longitude)}
                data-tiles={deps.settings.mapTileUrl}
                data-attribution="© OpenStreetMap"
                role="img"
                aria-label="Peta lokasi usulan"
              ></div>
              <p class="muted">
                Koordinat: {p.latitude}, {p.longitude}{" "}
                <a href={`geo:${p.latitude},${p.longitude}`}>buka di aplikasi peta</a>
              </p>
            </>
          ) : (
            <p class="muted">Warga tidak mengirim titik lokasi.</p>
          )}
          {p.supports.length > 0 && (
            <>
              <h2>Pendukung</h2>
              <ul id="supporters">
                {p.supports.map((s) => (
                  <li>
                    {s.resident.name ?? "Warga"} · {dateTime(s.createdAt)}
                  </li>
                ))}
              </ul>
            </>
          )}
          {p.mergedFrom.length > 0 && (
            <p>
              Usulan yang digabung ke sini:{" "}
              {p.mergedFrom.map((m) => (
                <>
                  <a href={`${base}/usulan/${m.code}`}>{m.code}</a>{" "}
                </>
              ))}
            </p>
          )}
        </section>
        <section>
          <div class="card">
            <h2>Keputusan</h2>
            {next.length === 0 && <p class="muted">Status ini sudah akhir; tidak ada perubahan status lagi.</p>}
            {next
              .filter((s) => s !== "DITOLAK" && s !== "DIGABUNG")
              .map((s) => (
                <form method="post" action={`${url}/status`} class="actions">
                  <input type="hidden" name="versi" value={version} />
                  <input type="hidden" name="status" value={s} />
                  <button type="submit" class={s === "DIAJUKAN" ? "secondary" : ""}>
                    {actionLabel[s]}
                  </button>
                </form>
              ))}
            {next.includes("DITOLAK") && (
              <form method="post" action={`${url}/status`}>
                <input type="hidden" name="versi" value={version} />
                <input type="hidden" name="status" value="DITOLAK" />
                <label>
                  Alasan penolakan (dikirim ke warga)
                  <select data-reason-target="reason">
                    <option value="">Pilih alasan umum…</option>
                    {deps.texts.rejectReasons.map((r) => (
                      <option value={r}>{r}</option>
                    ))}
                  </select>
                </label>
                <textarea id="reason" name="reason" rows={3} required aria-label="Alasan penolakan"></textarea>
                <div class="actions">
                  <button type="submit" class="danger">
                    Tolak usulan
                  </button>
                </div>
              </form>
            )}
            {next.includes("DIGABUNG") && (
              <form method="post" action={`${url}/status`}>
                <input type="hidden" name="versi" value={version} />
                <input type="hidden" name="status" value="DIGABUNG" />
                <label>
                  Gabungkan ke usulan (kode, desa yang sama)
                  <input name="into" required placeholder="U26-XXXX" list="merge-candidates" />
                </label>
                <datalist id="merge-candidates">
                  {candidates.map((m) => (
                    <option value={m.code} />
                  ))}
                </datalist>
                <button type="submit" class="secondary">
                  Gabungkan
                </button>
              </form>
            )}
          </div>
          {candidates.length > 0 && (
            <div class="card">
              <h2>Usulan serupa di desa ini</h2>
              <ul id="candidates">
                {candidates.map((m) => (
                  <li>
                    <a href={`${base}/usulan/${m.code}`}>{m.code}</a> · {statusLabel[m.status]} ·{" "}
                    {m.kamusEntry?.nama ?? m.problem.slice(0, 60)} · {m._count.supports} dukungan
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div class="card">
            <h2>Ganti jenis usulan</h2>
            <form method="get" action={url} class="actions">
              <input
                name="cari_kamus"
                type="search"
                value={kamusQuery}
                placeholder="Cari nama atau kode kamus"
                aria-label="Cari kamus"
                hx-get={`${url}/kamus`}
                hx-trigger="input changed delay:300ms"
                hx-target="#kamus-results"
                hx-swap="outerHTML"
              />
              <button type="submit" class="secondary">
                Cari
              </button>
            </form>
            <form method="post" action={`${url}/jenis`}>
              <input type="hidden" name="versi" value={version} />
              <KamusResults hits={hits} query={kamusQuery} />
              <button type="submit">Simpan jenis usulan</button>
            </form>
          </div>
          <div class="card">
            <h2>Perbaiki data</h2>
            <form method="post" action={`${url}/koreksi`}>
              <input type="hidden" name="versi" value={version} />
              <label>
                Desa
                <select name="desa">
                  {villages.map((v) => (
                    <option value={v.code} selected={v.code === p.villageCode}>
                      {v.name}
                    </option>
                  ))}
                </select>
              </label>
              <div class="filters">
                <label>
                  RT
                  <input name="rt" value={p.rt ?? ""} />
                </label>
                <label>
                  RW
                  <input name="rw" value={p.rw ?? ""} />
                </label>
                <label>
                  Volume ({p.unit ?? "–"})
                  <input
                    name="volume"
                    value={p.volume == null ? "" : String(p.volume).replace(".", ",")}
                    inputmode="decimal"
                  />
                </label>
                <label>
                  Penerima manfaat
                  <input
                    name="beneficiaries"
                    value={p.beneficiaries == null ? "" : String(p.beneficiaries)}
                    inputmode="numeric"
                  />
                </label>
              </div>
              <label>
                Alamat / patokan
                <input name="address" value={p.address ?? ""} />
              </label>
              <button type="submit" class="secondary">
                Simpan perbaikan
              </button>
            </form>
          </div>
          <PublicCard form={publicForm} url={url} />
        </section>
      </div>
      <h2>Riwayat</h2>
      <History p={p} />
    </Layout>
  );
}
