// Changing a proposal's status: the one path the dashboard, the CLI and tests use. In one transaction it
// checks the move against the lifecycle, writes the audit event, moves supporters on a merge, and puts the
// proposer's notice in the outbox. The named actions below are what an officer's button does.
import { Refusal } from "../refusal.ts";
import type { Db, ProposalStatus, Tx } from "../store/client.ts";
import { enqueueWithPrisma } from "../store/outbox.ts";
import {
  findProposalForStatus,
  findMergeTarget,
  findResidentChat,
  moveSupport,
  writeStatusChange,
  type ProposalForStatus,
} from "../store/proposal-status.ts";
import type { Texts } from "../texts/reply-texts.ts";
import { checkStatusChange, type Actor, type StatusChange } from "./lifecycle.ts";
import { noticeText, statusNoticeText } from "./notice.ts";

/** What a status change works with: the database, and the reply texts for notices and refusals. */
export interface ProposalDesk {
  db: Db;
  texts: Texts;
}

/**
 * Changes the status; returns the audit event id. Throws a Refusal when the proposal does not exist (404),
 * the move is not allowed (409) or a reason or merge target is missing or wrong (400). Example:
 * `await changeProposalStatus(desk, { code: "U26-7K3Q", to: "DITOLAK", actor: { type: "officer", id: "ani" }, reason: "Sudah dibangun 2025" })`.
 */
export async function changeProposalStatus({ db, texts }: ProposalDesk, change: StatusChange): Promise<number> {
  const now = change.now ?? new Date();
  return db.$transaction(async (tx) => {
    const p = await findProposalForStatus(tx, change.code);
    if (!p) throw new Refusal(404, texts("status_change.not_found", { code: change.code.toUpperCase() }));
    // A form built before someone else changed the proposal is refused, not applied on top of that change.
    if (change.expectedUpdatedAt && p.updatedAt.getTime() !== change.expectedUpdatedAt.getTime())
      throw new Refusal(409, texts("status_change.stale", { code: p.code }));
    const reason = checkStatusChange(texts, p.code, p.status, change);
    let mergedIntoId: number | undefined;
    if (change.to === "DIGABUNG" && change.mergeInto) {
      const target = await findMergeTarget(tx, change.mergeInto);
      const shown = change.mergeInto.trim().toUpperCase();
      if (!target || target.id === p.id)
        throw new Refusal(400, texts("status_change.merge_target_invalid", { target: shown }));
      if (target.villageCode !== p.villageCode)
        throw new Refusal(400, texts("status_change.merge_other_village", { target: shown }));
      if (target.status === "DIGABUNG" || target.status === "DITOLAK")
        throw new Refusal(400, texts("status_change.merge_target_closed", { target: shown, status: target.status }));
      mergedIntoId = target.id;
      await moveSupport(tx, p.id, target.id, p.proposerId, now);
    }
    const eventId = await writeStatusChange(tx, {
      proposalId: p.id,
      from: p.status,
      to: change.to,
      actor: change.actor,
      reason,
      mergedIntoId,
      now,
    });
    const text = statusNoticeText(texts, {
      code: p.code,
      title: p.title,
      to: change.to,
      reason,
      mergeInto: change.mergeInto?.trim(),
    });
    await queueForProposer(tx, p, text, now);
    return eventId;
  });
}

/** The proposer's notice in the outbox, on the channel they used. */
async function queueForProposer(tx: Tx, p: ProposalForStatus, text: string, now: Date): Promise<void> {
  // A resident who said BERHENTI hears nothing until they write again; the event is recorded all the same.
  if (!p.proposerId || p.proposerOptedOut) return;
  const chat = await findResidentChat(tx, p.proposerId, p.channel);
  if (chat) await enqueueWithPrisma(tx, [{ ...chat, text }], now);
}

/** A move made inside the caller's transaction, e.g. one of the many of a forum's lock (all or nothing). */
export interface StatusMoveInTransaction {
  proposalId: number;
  to: ProposalStatus;
  actor: Actor;
  /** Kept in the audit event. */
  reason?: string;
  /** A forum's rank (null: not agreed). */
  rank?: number | null;
  /** What the proposer reads after "Kabar usulan KODE (judul): "; nothing is sent without it. */
  notice?: string;
  now: Date;
}

/**
 * Changes the status inside `tx`: checked against the lifecycle like every other change (`to` equal to the
 * current status records a decision without a move), written with its audit event, and the notice queued.
 */
export async function changeStatusInTransaction(tx: Tx, texts: Texts, m: StatusMoveInTransaction): Promise<void> {
  const p = await findProposalForStatus(tx, m.proposalId);
  if (!p) throw new Refusal(404, texts("status_change.not_found", { code: String(m.proposalId) }));
  const reason =
    p.status === m.to
      ? m.reason?.trim() || undefined
      : checkStatusChange(texts, p.code, p.status, { code: p.code, to: m.to, actor: m.actor, reason: m.reason });
  await writeStatusChange(tx, {
    proposalId: p.id,
    from: p.status,
    to: m.to,
    actor: m.actor,
    reason,
    rank: m.rank,
    now: m.now,
  });
  if (m.notice) await queueForProposer(tx, p, noticeText(texts, p.code, p.title, m.notice), m.now);
}

/** Queues `message` for the proposer of `proposalId` ("Kabar usulan KODE (judul): message") without a move. */
export async function notifyProposer(
  tx: Tx,
  texts: Texts,
  proposalId: number,
  message: string,
  now: Date,
): Promise<void> {
  const p = await findProposalForStatus(tx, proposalId);
  if (p) await queueForProposer(tx, p, noticeText(texts, p.code, p.title, message), now);
}

/** The common part of an officer's action: which proposal, who, when, and an optional note for the resident. */
export interface ProposalAction {
  code: string;
  actor: Actor;
  /** Shown to the resident under the notice. */
  note?: string;
  now?: Date;
}

/** An officer checked it: DIAJUKAN → DIVERIFIKASI. */
export function verifyProposal(desk: ProposalDesk, a: ProposalAction): Promise<number> {
  return changeProposalStatus(desk, { ...a, to: "DIVERIFIKASI", reason: a.note });
}

/** Rejected, with the reason the resident reads (required). */
export function rejectProposal(desk: ProposalDesk, a: ProposalAction & { reason: string }): Promise<number> {
  return changeProposalStatus(desk, { ...a, to: "DITOLAK", reason: a.reason });
}

/** Merged into the proposal `into`; its supporters and proposer support that one from now on. */
export function mergeProposal(desk: ProposalDesk, a: ProposalAction & { into: string }): Promise<number> {
  return changeProposalStatus(desk, { ...a, to: "DIGABUNG", mergeInto: a.into, reason: a.note });
}

/** Agreed by the village forum: DIVERIFIKASI → DISEPAKATI. */
export function agreeProposal(desk: ProposalDesk, a: ProposalAction): Promise<number> {
  return changeProposalStatus(desk, { ...a, to: "DISEPAKATI", reason: a.note });
}

/** Forwarded to the kecamatan / entered in SIPD: DISEPAKATI → DITERUSKAN. */
export function forwardProposal(desk: ProposalDesk, a: ProposalAction): Promise<number> {
  return changeProposalStatus(desk, { ...a, to: "DITERUSKAN", reason: a.note });
}

/** The agencies' answer to a forwarded proposal: DITERIMA when funded, TIDAK_DITERIMA otherwise. */
export function recordOutcome(desk: ProposalDesk, a: ProposalAction & { funded: boolean }): Promise<number> {
  return changeProposalStatus(desk, { ...a, to: a.funded ? "DITERIMA" : "TIDAK_DITERIMA", reason: a.note });
}
