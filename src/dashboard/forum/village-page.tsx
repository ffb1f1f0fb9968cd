// The Musrenbang Desa page, used live on a projector and on a phone: the list in the forum's order with each
// score explained, moves by buttons (forms, work without script) and by keyboard (forum.js), the decision per
// proposal, participants, details, the lock, and after it the change log. Server-rendered; hono/jsx escapes.
import type { FC } from "hono/jsx";
import type { SessionOfficer } from "../../store/officer-sessions.ts";
import { formatNumber, rupiah } from "../../texts/number-format.ts";
import { forumText, type ForumData } from "../../forum/forum-data.ts";
import { groupByAgency } from "../../forum/agency-groups.ts";
import { rowCost, type ForumRow, type ForumView } from "../../forum/village-forum.ts";
import { base } from "../env.ts";
import { Layout } from "../layout.tsx";

export interface VillagePageProps {
  view: ForumView;
  officer: SessionOfficer;
  data: ForumData;
  flash: { kind: "ok" | "error"; text: string } | null;
}

const WIB = "Asia/Jakarta";
export const wibDateTime = (d: Date) =>
  d.toLocaleString("id-ID", { dateStyle: "long", timeStyle: "short", timeZone: WIB });
/** A Date as the value of an <input type="datetime-local"> in WIB. */
const localInput = (d: Date) => new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 16);

export const VillagePage: FC<VillagePageProps> = ({ view, officer, data, flash }) => {
  const t = (key: string, vars?: Record<string, string | number>) => forumText(data, key, vars);
  const district = view.level === "KECAMATAN";
  const path = `${base}/forum/${district ? "kecamatan/" : ""}${view.region.code}/${view.year}`;
  const locked = !!view.lockedAt;
  const canEdit = !locked || officer.role === "ADMIN";
  const amend = locked && officer.role === "ADMIN";
  const { total } = groupByAgency(view.rows);
  const agreed = view.rows.filter((r) => r.agreed).length;
  return (
    <Layout
      title={
        district
          ? t("page.title.district", { district: view.region.name, year: view.year })
          : t("page.title", { village: view.region.name, year: view.year })
      }
      officer={officer}
      active={`${base}/forum`}
      flash={flash}
      scripts={["forum.js"]}
      styles={["forum.css"]}
    >
      <p class={`forum-state ${locked ? "locked" : "open"}`} role="status">
        {locked
          ? t("page.state.locked", { date: wibDateTime(view.lockedAt!), by: view.lockedBy ?? "-" })
          : t("page.state.open")}
      </p>
      <p>
        <a class="button secondary" href={`${path}/berita-acara.pdf`}>
          {t("page.pdf")}
        </a>
      </p>
      <p class="muted">
        {t("page.totals", {
          agreed,
          notAgreed: view.rows.length - agreed,
          cost: rupiah(locked ? total : agreedCost(view.rows)),
        })}
      </p>

      <h2>{t("page.list")}</h2>
      {view.rows.length === 0 ? (
        <p>{t("page.list.empty", { year: view.year })}</p>
      ) : (
        <>
          {canEdit && <p class="muted">{t("page.list.help")}</p>}
          <p class="muted">{t("page.score.weights", data.weights)}</p>
          <p id="forum-live" class="visually-hidden" aria-live="polite"></p>
          <ol
            class="forum-list"
            data-move-url={canEdit ? `${path}/geser` : undefined}
            data-amend={amend ? "1" : undefined}
          >
            {view.rows.map((r, i) => (
              <Row r={r} i={i} n={view.rows.length} t={t} path={path} canEdit={canEdit} amend={amend} locked={locked} />
            ))}
          </ol>
        </>
      )}

      <h2>{t("page.participants")}</h2>
      <Participants view={view} t={t} data={data} path={path} canEdit={canEdit} amend={amend} />

      <h2>{t("page.details")}</h2>
      <form method="post" action={`${path}/rincian`} class="card">
        <label>
          {t("page.details.held")}
          <input
            type="datetime-local"
            name="tanggal"
            value={view.heldAt ? localInput(view.heldAt) : ""}
            disabled={!canEdit}
          />
        </label>
        <label>
          {t("page.details.place")}
          <input name="tempat" value={view.place ?? ""} maxlength={200} disabled={!canEdit} />
        </label>
        <label>
          {t("page.details.notes")}
          <textarea name="catatan" rows={3} maxlength={5000} disabled={!canEdit}>
            {view.notes ?? ""}
          </textarea>
        </label>
        {amend && <AmendReason t={t} />}
        {canEdit && <button type="submit">{t("page.save")}</button>}
      </form>

      {!locked && view.rows.length > 0 && (
        <section class="card lock">
          <h2>{t("page.lock")}</h2>
          <p>{t("page.lock.help")}</p>
          <form method="post" action={`${path}/kunci`} data-confirm={t("page.lock.confirm")}>
            <button type="submit" class="danger">
              {t("page.lock.button")}
            </button>
          </form>
        </section>
      )}

      {district && locked && !view.forwardedAt && officer.role !== "VILLAGE" && (
        <section class="card lock">
          <h2>{t("page.forward")}</h2>
          <p>{t("page.forward.help")}</p>
          <form method="post" action={`${path}/teruskan`} data-confirm={t("page.forward.confirm")}>
            <button type="submit">{t("page.forward")}</button>
          </form>
        </section>
      )}
      {view.forwardedAt && (
        <p class="forum-state locked">{t("page.forwarded", { date: wibDateTime(view.forwardedAt) })}</p>
      )}

      {locked && (
        <>
          <h2>{t("page.changes")}</h2>
          {view.changes.length === 0 ? (
            <p class="muted">{t("page.changes.none")}</p>
          ) : (
            <ul>
              {view.changes.map((c) => (
                <li>
                  {wibDateTime(c.createdAt)} · {c.actorId}
                  {c.proposalCode ? ` · ${c.proposalCode}` : ""}: {c.reason}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Layout>
  );
};

type T = (key: string, vars?: Record<string, string | number>) => string;

function agreedCost(rows: ForumRow[]): number {
  return rows.filter((r) => r.agreed).reduce((s, r) => s + rowCost(r), 0);
}

const AmendReason: FC<{ t: T }> = ({ t }) => (
  <label class="amend">
    {t("page.amend_reason")}
    <input name="alasan_perubahan" required maxlength={500} />
  </label>
);

const Row: FC<{
  r: ForumRow;
  i: number;
  n: number;
  t: T;
  path: string;
  canEdit: boolean;
  amend: boolean;
  locked: boolean;
}> = ({ r, i, n, t, path, canEdit, amend, locked }) => {
  const unit = r.kamus?.unit ?? r.unit ?? "";
  return (
    <li
      id={`row-${r.code}`}
      class={`forum-row ${r.agreed ? "agreed" : "not-agreed"}`}
      data-code={r.code}
      tabindex={canEdit ? 0 : undefined}
    >
      <div class="forum-pos">
        <span class="pos-n">{i + 1}</span>
        {canEdit && !amend && (
          <span class="moves">
            <form method="post" action={`${path}/geser`}>
              <input type="hidden" name="code" value={r.code} />
              <input type="hidden" name="arah" value="naik" />
              <button
                type="submit"
                class="secondary"
                aria-label={t("page.move.up", { code: r.code })}
                disabled={i === 0}
              >
                ▲
              </button>
            </form>
            <form method="post" action={`${path}/geser`}>
              <input type="hidden" name="code" value={r.code} />
              <input type="hidden" name="arah" value="turun" />
              <button
                type="submit"
                class="secondary"
                aria-label={t("page.move.down", { code: r.code })}
                disabled={i === n - 1}
              >
                ▼
              </button>
            </form>
          </span>
        )}
      </div>
      <div class="forum-body">
        <p class="forum-title">
          <strong>{r.kamus?.nama ?? r.activity ?? r.problem}</strong>
          <span class="muted">
            {" "}
            {r.code} · RT {r.rt ?? "-"}/RW {r.rw ?? "-"} · Desa {r.village.name} · {r.kamus?.agency ?? "-"}
          </span>
          {locked && r.rank !== null && <span class="badge DISEPAKATI">{t("page.rank", { rank: r.rank })}</span>}
        </p>
        <p class="muted">
          {r.volume !== null ? `${formatNumber(r.agreedVolume ?? r.volume)} ${unit}` : "-"} · Rp {rupiah(rowCost(r))} ·{" "}
          {r.beneficiaries ?? "-"} penerima · {r.supporters} dukungan
        </p>
        <details class="score">
          <summary>
            {t("page.col.score")} {formatNumber(r.score)} ({t("page.score.suggested", { n: r.suggested })})
          </summary>
          <ul class="factors">
            {r.factors.map((f) => (
              <li>
                <strong>{t(`factor.${f.key}`)}</strong>:{" "}
                {f.value === null
                  ? t("factor.value.none")
                  : t(`factor.value.${f.key}`, {
                      value: f.key === "costPerBeneficiary" ? rupiah(f.value) : formatNumber(f.value),
                    })}{" "}
                → {t("page.score.points", { points: formatNumber(f.points), max: formatNumber(f.maxPoints) })}
              </li>
            ))}
          </ul>
        </details>
        {!canEdit && (
          <p class="decided">
            <strong>{r.agreed ? t("page.agreed") : t("page.not_agreed")}</strong>
            {!r.agreed && r.reason ? `: ${r.reason}` : ""}
          </p>
        )}
        {canEdit && (
          <form method="post" action={`${path}/putusan`} class="decision">
            <input type="hidden" name="code" value={r.code} />
            <fieldset>
              <legend class="visually-hidden">{t("page.col.decision")}</legend>
              <label class="inline">
                <input type="radio" name="sepakat" value="ya" checked={r.agreed} /> {t("page.agreed")}
              </label>
              <label class="inline">
                <input type="radio" name="sepakat" value="tidak" checked={!r.agreed} /> {t("page.not_agreed")}
              </label>
              <label>
                {t("page.reason")}
                <input name="alasan" value={r.reason ?? ""} maxlength={500} />
              </label>
              <label>
                {t("page.volume", { unit })}
                <input
                  name="volume"
                  inputmode="decimal"
                  value={r.agreedVolume !== null ? formatNumber(r.agreedVolume) : ""}
                  placeholder={r.volume !== null ? formatNumber(r.volume) : ""}
                />
              </label>
              {amend && <AmendReason t={t} />}
              <button type="submit">{t("page.save")}</button>
            </fieldset>
          </form>
        )}
      </div>
    </li>
  );
};

const Participants: FC<{ view: ForumView; t: T; data: ForumData; path: string; canEdit: boolean; amend: boolean }> = ({
  view,
  t,
  data,
  path,
  canEdit,
  amend,
}) => {
  const counts = new Map<string, number>();
  for (const p of view.participants) counts.set(p.element, (counts.get(p.element) ?? 0) + 1);
  return (
    <div class="card">
      <p>
        <strong>{t("page.participants.count", { count: view.participants.length })}</strong>
        {[...counts].map(([k, n]) => ` · ${data.elements[k] ?? k}: ${n}`).join("")}
      </p>
      {view.participants.length === 0 ? (
        <p class="muted">{t("page.participants.none")}</p>
      ) : (
        <ul class="participants">
          {view.participants.map((p) => (
            <li>
              {p.name} — {data.elements[p.element] ?? p.element}
              {p.delegate && <span class="badge DIVERIFIKASI">{t("page.delegate.yes")}</span>}
              {canEdit && !amend && (
                <form method="post" action={`${path}/peserta/hapus`} class="inline">
                  <input type="hidden" name="id" value={String(p.id)} />
                  <button type="submit" class="link">
                    {t("page.participant.remove")}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form method="post" action={`${path}/peserta`} class="participant-add">
          <label>
            {t("page.participant.name")}
            <input name="nama" required maxlength={120} />
          </label>
          <label>
            {t("page.participant.element")}
            <select name="unsur" required>
              {Object.entries(data.elements).map(([k, label]) => (
                <option value={k}>{label}</option>
              ))}
            </select>
          </label>
          <label class="inline">
            <input type="checkbox" name="delegasi" value="1" /> {t("page.participant.delegate")}
          </label>
          {amend && <AmendReason t={t} />}
          <button type="submit">{t("page.participant.add")}</button>
        </form>
      )}
    </div>
  );
};
