// The forum's dashboard routes: the Musrenbang Desa page, its actions (each a plain form POST answered with a
// 303 back to the row, or 204 for forum.js' keyboard moves), and the berita acara PDF.
import type { Context, Hono } from "hono";
import { Refusal } from "../../refusal.ts";
import { defaultForumData, forumText } from "../../forum/forum-data.ts";
import type { ForumActor } from "../../forum/forum-actor.ts";
import {
  addParticipant,
  decideForumRow,
  moveForumRow,
  removeParticipant,
  setForumDetails,
  type ForumEdit,
} from "../../forum/forum-edit.ts";
import { lockVillageForum } from "../../forum/lock-forum.ts";
import { minutesDocument } from "../../forum/minutes-doc.ts";
import { renderPdf } from "../../forum/minutes-pdf.ts";
import { openVillageForum } from "../../forum/village-forum.ts";
import { forwardDistrictForum, lockDistrictForum, openDistrictForum } from "../../forum/district-forum.ts";
import type { DashboardDeps } from "../deps.ts";
import { base, type DashEnv } from "../env.ts";
import { VillagePage } from "./village-page.tsx";
import { ForumIndex } from "./index-page.tsx";

const FLASHES = ["moved", "decided", "participant", "details"] as const;

/** Adds /forum, /forum/<kode desa>/<tahun> and its actions to the dashboard. */
export function mountForum(app: Hono<DashEnv>, deps: DashboardDeps): void {
  const data = defaultForumData();
  const now = () => deps.now?.() ?? new Date();
  const actor = (c: Context<DashEnv>): ForumActor => {
    const o = c.get("officer");
    return { username: o.username, role: o.role, regionCode: o.regionCode };
  };
  const openVillage = (c: Context<DashEnv>) =>
    openVillageForum(deps.store.db, actor(c), c.req.param("desa") ?? "", Number(c.req.param("tahun")), now(), data);
  const openDistrict = (c: Context<DashEnv>) =>
    openDistrictForum(deps.store.db, actor(c), c.req.param("desa") ?? "", Number(c.req.param("tahun")), now(), data);
  const text = (v: unknown) => (typeof v === "string" ? v : "");

  app.get("/forum", async (c) => ForumIndex({ c, deps, data }));

  const levels = [
    { prefix: "/forum", open: openVillage, lock: lockVillageForum },
    { prefix: "/forum/kecamatan", open: openDistrict, lock: lockDistrictForum },
  ];
  for (const { prefix, open, lock } of levels) {
    const back = (c: Context<DashEnv>, flash: string, anchor = "") =>
      c.req.header("x-forum-fetch")
        ? c.body(null, 204)
        : c.redirect(`${base}${prefix}/${c.req.param("desa")}/${c.req.param("tahun")}?ok=${flash}${anchor}`, 303);
    const edit = async (c: Context<DashEnv>, form: Record<string, unknown>): Promise<ForumEdit> => {
      const view = await open(c);
      const reason = typeof form.alasan_perubahan === "string" ? form.alasan_perubahan : undefined;
      return { actor: actor(c), forumId: view.id, now: now(), data, ...(reason ? { amendReason: reason } : {}) };
    };
    app.get(`${prefix}/:desa/:tahun`, async (c) => {
      const view = await open(c);
      const ok = c.req.query("ok");
      let flash: { kind: "ok"; text: string } | null = null;
      if (ok && (FLASHES as readonly string[]).includes(ok))
        flash = { kind: "ok", text: forumText(data, `flash.${ok}`) };
      const locked = c.req.query("agreed");
      if (ok === "forwarded")
        flash = { kind: "ok", text: forumText(data, "flash.forwarded", { count: c.req.query("count") ?? "0" }) };
      if (ok === "locked" && locked)
        flash = {
          kind: "ok",
          text: forumText(data, "flash.locked", { agreed: locked, notAgreed: c.req.query("not") ?? "0" }),
        };
      return c.html(<VillagePage view={view} officer={c.get("officer")} data={data} flash={flash} />);
    });

    app.get(`${prefix}/:desa/:tahun/berita-acara.pdf`, async (c) => {
      const view = await open(c);
      const pdf = await renderPdf(minutesDocument(view, data, now()));
      return c.body(new Uint8Array(pdf), 200, {
        "content-type": "application/pdf",
        "content-disposition": `inline; filename="berita-acara-musrenbang-${view.level.toLowerCase()}-${view.region.code}-${view.year}.pdf"`,
        "cache-control": "no-store",
      });
    });

    app.post(`${prefix}/:desa/:tahun/geser`, async (c) => {
      const form = await c.req.parseBody();
      const code = text(form.code).toUpperCase();
      const arah = text(form.arah);
      if (arah !== "naik" && arah !== "turun") throw new Refusal(400, forumText(data, "refuse.order_mismatch"));
      await moveForumRow(deps.store.db, await edit(c, form), code, arah === "naik" ? -1 : 1);
      return back(c, "moved", `#row-${code}`);
    });

    app.post(`${prefix}/:desa/:tahun/putusan`, async (c) => {
      const form = await c.req.parseBody();
      const code = text(form.code).toUpperCase();
      const raw = text(form.volume).trim().replace(/\./g, "").replace(",", ".");
      const volume = raw ? Number(raw) : null;
      if (volume !== null && !(Number.isFinite(volume) && volume > 0))
        throw new Refusal(400, forumText(data, "refuse.volume"));
      await decideForumRow(deps.store.db, await edit(c, form), code, {
        agreed: text(form.sepakat) !== "tidak",
        reason: text(form.alasan),
        agreedVolume: volume,
      });
      return back(c, "decided", `#row-${code}`);
    });

    app.post(`${prefix}/:desa/:tahun/peserta`, async (c) => {
      const form = await c.req.parseBody();
      await addParticipant(deps.store.db, await edit(c, form), {
        name: text(form.nama),
        element: text(form.unsur),
        delegate: text(form.delegasi) === "1",
      });
      return back(c, "participant");
    });

    app.post(`${prefix}/:desa/:tahun/peserta/hapus`, async (c) => {
      const form = await c.req.parseBody();
      await removeParticipant(deps.store.db, await edit(c, form), Number(text(form.id)));
      return back(c, "participant");
    });

    app.post(`${prefix}/:desa/:tahun/rincian`, async (c) => {
      const form = await c.req.parseBody();
      const held = text(form.tanggal);
      // datetime-local has no zone: the forum is held in WIB.
      const heldAt = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(held) ? new Date(`${held}:00+07:00`) : null;
      await setForumDetails(deps.store.db, await edit(c, form), {
        heldAt,
        place: text(form.tempat),
        notes: text(form.catatan),
      });
      return back(c, "details");
    });

    app.post(`${prefix}/:desa/:tahun/kunci`, async (c) => {
      const view = await open(c);
      const result = await lock(deps.store.db, actor(c), view.id, now(), data);
      return c.redirect(
        `${base}${prefix}/${view.region.code}/${view.year}?ok=locked&agreed=${result.agreed}&not=${result.notAgreed}`,
        303,
      );
    });
  }

  app.post("/forum/kecamatan/:desa/:tahun/teruskan", async (c) => {
    const view = await openDistrict(c);
    const count = await forwardDistrictForum(deps.store.db, actor(c), view.id, now(), data);
    return c.redirect(`${base}/forum/kecamatan/${view.region.code}/${view.year}?ok=forwarded&count=${count}`, 303);
  });
}
