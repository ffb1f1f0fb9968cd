// The proposal page and what an officer decides on it: status changes (verify, reject, merge, and the later
// lifecycle steps), reclassification, corrections, bulk verify/reject from the list, photos. Every proposal is
// looked up inside the officer's scope first: outside it the answer is 404, as for a code that does not exist.
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Context, Hono } from "hono";
import { changeProposalStatus } from "../../proposals/change-status.ts";
import { correctProposal, reclassifyProposal, type Correction } from "../../proposals/amend.ts";
import { isRefusal, Refusal } from "../../refusal.ts";
import { parseStatus } from "../../store/proposal-export.ts";
import { findProposalInScope, proposalRefInScope } from "../../store/proposal-detail.ts";
import { villageScope } from "../../store/scope.ts";
import { searchKamus } from "../../store/search.ts";
import type { DashboardDeps } from "../deps.ts";
import { base, type DashEnv } from "../env.ts";
import { setFlash, takeFlash, type Flash } from "../flash.ts";
import { detailPage, KamusResults } from "./detail.tsx";
import { mountPublicCard } from "./public-card.tsx";

const field = (body: Record<string, unknown>, name: string): string | undefined => {
  const v = body[name];
  return typeof v === "string" ? v : undefined;
};

/** The form's version stamp (the proposal's updatedAt in ms), if it sent one. */
const version = (body: Record<string, unknown>) => {
  const v = Number(field(body, "versi"));
  return Number.isFinite(v) && v > 0 ? new Date(v) : undefined;
};

/** "2,5" or "2.5" or "1.500" → number; "" → null; otherwise a refusal naming the field. */
function parseNumber(
  deps: DashboardDeps,
  raw: string | undefined,
  label: string,
  integer = false,
): number | null | undefined {
  if (raw === undefined) return undefined;
  const s = raw.trim();
  if (!s) return null;
  const normal = /^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s) ? s.replace(/\./g, "").replace(",", ".") : s.replace(",", ".");
  const n = Number(normal);
  if (!Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n)))
    throw new Refusal(400, deps.texts("correct.number", { field: label }));
  return n;
}

const text = (raw: string | undefined, max: number) =>
  raw === undefined ? undefined : raw.trim().slice(0, max) || null;

export function mountProposalDecisions(app: Hono<DashEnv>, deps: DashboardDeps): void {
  const { db } = deps.store;
  const desk = { db, texts: deps.replies };
  const now = () => deps.now?.() ?? new Date();

  async function load(c: Context<DashEnv>, code: string) {
    const p = await findProposalInScope(db, c.get("scope"), code);
    if (!p) throw new Refusal(404, deps.texts("notfound"));
    return p;
  }

  /** The page again with a message: 400 for a refused decision (the form stays where the officer is). */
  async function render(c: Context<DashEnv>, code: string, flash: Flash | null, status: 200 | 400 = 200) {
    const p = await load(c, code);
    return c.html(
      await detailPage(deps, db, c.get("officer"), p, { flash, kamusQuery: c.req.query("cari_kamus") }),
      status,
    );
  }

  /** Runs a decision: success → flash + 303 back to the page; a refusal → the page with the message (400). */
  async function decide(c: Context<DashEnv>, code: string, work: () => Promise<string>) {
    await load(c, code); // 404 outside the scope, before anything is checked or changed
    try {
      const message = await work();
      setFlash(c, { kind: "ok", text: message });
      return c.redirect(`${base}/usulan/${code.toUpperCase()}`, 303);
    } catch (error) {
      if (!isRefusal(error) || error.status === 404) throw error;
      return render(c, code, { kind: "error", text: error.message }, 400);
    }
  }

  app.get("/usulan/:code", async (c) => render(c, c.req.param("code"), takeFlash(c)));
  mountPublicCard(app, db, decide, now);

  app.get("/usulan/:code/kamus", async (c) => {
    await load(c, c.req.param("code"));
    const q = (c.req.query("cari_kamus") ?? "").trim().slice(0, 100);
    return c.html(<KamusResults hits={q ? await searchKamus(db, q, 15) : []} query={q} />);
  });

  app.get("/usulan/:code/foto/:id", async (c) => {
    const p = await load(c, c.req.param("code"));
    const a = p.attachments.find((x) => String(x.id) === c.req.param("id"));
    if (!a) throw new Refusal(404, deps.texts("notfound"));
    const row = await db.attachment.findUnique({ where: { id: a.id } });
    const root = resolve(deps.dataDir);
    const full = resolve(join(root, row!.path));
    if (!full.startsWith(root)) throw new Refusal(404, deps.texts("notfound"));
    const bytes = await readFile(full).catch(() => null);
    if (!bytes) throw new Refusal(404, deps.texts("notfound"));
    return c.body(new Uint8Array(bytes), 200, {
      "content-type": a.mimeType.startsWith("image/") ? a.mimeType : "application/octet-stream",
    });
  });

  app.post("/usulan/:code/status", async (c) => {
    const code = c.req.param("code").toUpperCase();
    const body = await c.req.parseBody();
    const officer = c.get("officer");
    return decide(c, code, async () => {
      const raw = field(body, "status") ?? "";
      const to = parseStatus(raw);
      if (!to) throw new Refusal(400, deps.texts("decision.status.unknown", { status: raw.slice(0, 40) }));
      const into = field(body, "into")?.trim().toUpperCase();
      await changeProposalStatus(desk, {
        code,
        to,
        actor: { type: "officer", id: officer.username },
        reason: field(body, "reason")?.slice(0, 1000),
        mergeInto: into,
        expectedUpdatedAt: version(body),
        now: now(),
      });
      const key = ["DIVERIFIKASI", "DITOLAK", "DIGABUNG"].includes(to) ? `decision.done.${to}` : "decision.done.other";
      return deps.texts(key, { code, into: into ?? "", status: to });
    });
  });

  app.post("/usulan/:code/jenis", async (c) => {
    const code = c.req.param("code").toUpperCase();
    const body = await c.req.parseBody();
    const officer = c.get("officer");
    return decide(c, code, async () => {
      const kode = field(body, "kamus")?.trim();
      if (!kode) throw new Refusal(400, deps.replies("amend.kamus_missing", { kode: "(kosong)" }));
      const r = await reclassifyProposal(desk, {
        code,
        kode,
        actor: { type: "officer", id: officer.username },
        expectedUpdatedAt: version(body),
        now: now(),
      });
      // The running bot's matcher learns the officer's phrase now, not at its next periodic check.
      await deps.kamusChanged?.().catch((error: unknown) => deps.logger.warn({ err: error }, "matcher reload failed"));
      let message = deps.texts("reclassify.done", { code, nama: r.nama });
      if (r.unitChanged)
        message += ` ${deps.texts("reclassify.unit", { old: r.oldUnit ?? "–", new: r.newUnit ?? "–" })}`;
      return message;
    });
  });

  app.post("/usulan/:code/koreksi", async (c) => {
    const code = c.req.param("code").toUpperCase();
    const body = await c.req.parseBody();
    const officer = c.get("officer");
    const scope = c.get("scope");
    return decide(c, code, async () => {
      const fields: Correction = {
        villageCode: field(body, "desa")?.trim() || undefined,
        rt: text(field(body, "rt"), 10),
        rw: text(field(body, "rw"), 10),
        address: text(field(body, "address"), 300),
        volume: parseNumber(deps, field(body, "volume"), "volume"),
        beneficiaries: parseNumber(deps, field(body, "beneficiaries"), "penerima manfaat", true),
      };
      const r = await correctProposal(desk, {
        code,
        fields,
        actor: { type: "officer", id: officer.username },
        expectedUpdatedAt: version(body),
        now: now(),
        villageAllowed: async (v) =>
          Boolean(await db.village.findFirst({ where: { AND: [villageScope(scope), { code: v }] } })),
      });
      return r ? deps.texts("correct.done", { code }) : deps.texts("correct.nothing");
    });
  });

  app.post("/usulan/massal", async (c) => {
    const body = await c.req.parseBody({ all: true });
    const officer = c.get("officer");
    const back = field(body, "kembali") ?? "";
    const target = `${base}/usulan${back.startsWith("?") && !back.includes("\n") ? back : ""}`;
    const codes = [body.codes ?? []]
      .flat()
      .filter((v): v is string => typeof v === "string")
      .slice(0, 500);
    const to = field(body, "aksi") === "DITOLAK" ? "DITOLAK" : "DIVERIFIKASI";
    const reason = field(body, "reason")?.trim().slice(0, 1000);
    if (!codes.length) {
      setFlash(c, { kind: "error", text: deps.texts("bulk.none") });
      return c.redirect(target, 303);
    }
    if (to === "DITOLAK" && !reason) {
      setFlash(c, { kind: "error", text: deps.replies("status_change.reason_required") });
      return c.redirect(target, 303);
    }
    let done = 0;
    let skipped = 0;
    for (const code of codes) {
      const ref = await proposalRefInScope(db, c.get("scope"), code);
      if (!ref) {
        skipped++;
        continue;
      }
      try {
        await changeProposalStatus(desk, {
          code: ref.code,
          to,
          reason,
          actor: { type: "officer", id: officer.username },
          now: now(),
        });
        done++;
      } catch (error) {
        if (!isRefusal(error)) throw error;
        skipped++;
      }
    }
    setFlash(c, { kind: done ? "ok" : "error", text: deps.texts("bulk.done", { done, skipped }) });
    return c.redirect(target, 303);
  });
}
