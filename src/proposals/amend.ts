// An officer's changes that keep the status: reclassify (another kamus entry; the matcher learns the resident's
// words for it) and corrections (desa, RT/RW, address, volume, beneficiaries). Each is one transaction with an
// audit event that keeps the old values (kind "reclassify" / "correct", detail = { field: { from, to } }) and a
// notice to the proposer through the outbox. A form built on an older version of the proposal is refused.
import { learnablePhrase } from "../engine/learn-phrase.ts";
import { Refusal } from "../refusal.ts";
import type { Tx } from "../store/client.ts";
import { addLearnedPhrase } from "../store/learned-phrases.ts";
import { enqueueWithPrisma } from "../store/outbox.ts";
import { findResidentChat } from "../store/proposal-status.ts";
import { shortTitle } from "../texts/short-title.ts";
import type { Texts } from "../texts/reply-texts.ts";
import type { ProposalDesk } from "./change-status.ts";
import type { Actor } from "./lifecycle.ts";

type Detail = Record<string, { from: unknown; to: unknown }>;

interface Base {
  code: string;
  actor: Actor;
  /** The proposal's updatedAt when the form was built. */
  expectedUpdatedAt?: Date;
  now?: Date;
}

async function loadForAmend(tx: Tx, texts: Texts, change: Base) {
  const p = await tx.proposal.findUnique({
    where: { code: change.code.toUpperCase() },
    include: { kamusEntry: true, village: { include: { district: true } }, proposer: { select: { optedOutAt: true } } },
  });
  if (!p) throw new Refusal(404, texts("status_change.not_found", { code: change.code.toUpperCase() }));
  if (change.expectedUpdatedAt && p.updatedAt.getTime() !== change.expectedUpdatedAt.getTime())
    throw new Refusal(409, texts("status_change.stale", { code: p.code }));
  return p;
}
type Loaded = Awaited<ReturnType<typeof loadForAmend>>;

async function record(
  tx: Tx,
  texts: Texts,
  p: Loaded,
  kind: "reclassify" | "correct",
  detail: Detail,
  change: Base,
  notice: string,
) {
  const now = change.now ?? new Date();
  const event = await tx.proposalEvent.create({
    data: {
      proposalId: p.id,
      actorType: change.actor.type,
      actorId: change.actor.id ?? null,
      fromStatus: p.status,
      toStatus: p.status,
      kind,
      detail: JSON.stringify(detail),
      createdAt: now,
    },
  });
  if (p.proposerId && !p.proposer?.optedOutAt) {
    const chat = await findResidentChat(tx, p.proposerId, p.channel);
    const title = p.kamusEntry?.nama ?? p.activity ?? p.problem;
    if (chat)
      await enqueueWithPrisma(
        tx,
        [{ ...chat, text: texts("notify.status", { code: p.code, title: shortTitle(title), message: notice }) }],
        now,
      );
  }
  return event.id;
}

const sameUnit = (a: string | null, b: string | null) =>
  (a ?? "").toLowerCase().replace(/[²2]/g, "2").replace(/\s/g, "") ===
  (b ?? "").toLowerCase().replace(/[²2]/g, "2").replace(/\s/g, "");

/**
 * Puts the proposal under kamus entry `kode` (active entries only), recomputes the estimated cost and teaches
 * the matcher the resident's words as an officer phrase. `unitChanged` tells the officer to check the volume.
 */
export async function reclassifyProposal(
  { db, texts }: ProposalDesk,
  change: Base & { kode: string },
): Promise<{ eventId: number; unitChanged: boolean; oldUnit: string | null; newUnit: string | null; nama: string }> {
  return db.$transaction(async (tx) => {
    const p = await loadForAmend(tx, texts, change);
    const entry = await tx.kamusEntry.findUnique({ where: { kode: change.kode.trim() } });
    if (!entry || !entry.active) throw new Refusal(400, texts("amend.kamus_missing", { kode: change.kode.trim() }));
    const unitChanged = p.unit !== null && entry.unit !== null && !sameUnit(p.unit, entry.unit);
    const unit = entry.unit ?? p.unit;
    const cost = p.volume != null && entry.unitPrice != null ? p.volume * entry.unitPrice : null;
    await tx.proposal.update({
      where: { id: p.id },
      data: { kamusEntryId: entry.id, kamusNoMatch: false, unit, estimatedCost: cost },
    });
    const detail: Detail = {
      kamus: { from: p.kamusEntry?.kode ?? null, to: entry.kode },
      unit: { from: p.unit, to: unit },
      estimatedCost: { from: p.estimatedCost, to: cost },
    };
    const phrase = learnablePhrase(p.activity ?? p.problem, {
      name: p.village.name,
      districtName: p.village.district.name,
    });
    if (phrase)
      await addLearnedPhrase(tx, { kode: entry.kode, phrase, source: "officer", createdBy: change.actor.id ?? null });
    const notice = texts("notify.reclassified", { nama: entry.nama });
    const eventId = await record(tx, texts, p, "reclassify", detail, change, notice);
    return { eventId, unitChanged, oldUnit: p.unit, newUnit: unit, nama: entry.nama };
  });
}

/** The fields an officer may correct; absent = unchanged, null = cleared. */
export interface Correction {
  villageCode?: string;
  rt?: string | null;
  rw?: string | null;
  address?: string | null;
  volume?: number | null;
  beneficiaries?: number | null;
}

const fieldNames: Record<keyof Correction, string> = {
  villageCode: "desa",
  rt: "RT",
  rw: "RW",
  address: "alamat",
  volume: "volume",
  beneficiaries: "jumlah penerima manfaat",
};

/**
 * Applies the corrections that differ from the stored values; returns null when nothing changed. `villageAllowed`
 * says whether the officer may move the proposal to that desa (their scope).
 */
export async function correctProposal(
  { db, texts }: ProposalDesk,
  change: Base & { fields: Correction; villageAllowed: (code: string) => Promise<boolean> },
): Promise<{ eventId: number; changed: string[] } | null> {
  return db.$transaction(async (tx) => {
    const p = await loadForAmend(tx, texts, change);
    const detail: Detail = {};
    const data: Record<string, unknown> = {};
    for (const [key, to] of Object.entries(change.fields) as [keyof Correction, unknown][]) {
      if (to === undefined) continue;
      const from = p[key];
      if (from === to) continue;
      if (key === "villageCode") {
        const ok =
          typeof to === "string" &&
          (await tx.village.findUnique({ where: { code: to } })) &&
          (await change.villageAllowed(to));
        if (!ok) throw new Refusal(400, texts("amend.village_missing", { kode: typeof to === "string" ? to : "-" }));
      }
      detail[key] = { from, to };
      data[key] = to;
    }
    if (!Object.keys(data).length) return null;
    if ("volume" in data) {
      const v = data.volume as number | null;
      const cost = v != null && p.kamusEntry?.unitPrice != null ? v * p.kamusEntry.unitPrice : null;
      detail.estimatedCost = { from: p.estimatedCost, to: cost };
      data.estimatedCost = cost;
    }
    await tx.proposal.update({ where: { id: p.id }, data });
    const changed = Object.keys(detail)
      .filter((k) => k in fieldNames)
      .map((k) => fieldNames[k as keyof Correction]);
    const notice = texts("notify.corrected", { fields: changed.join(", ") });
    const eventId = await record(tx, texts, p, "correct", detail, change, notice);
    return { eventId, changed };
  });
}
