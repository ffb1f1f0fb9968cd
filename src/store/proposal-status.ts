// Changing a proposal's status: the one function the dashboard, the CLI and tests use. It checks the
// transition, writes the audit event, and puts a plain-Indonesian message for the proposer in the outbox.
import type { Channel, OutboundMessage } from "../messages/message.ts";
import type { ReplyKey } from "../texts/reply-keys.ts";
import { makeTexts, type Texts } from "../texts/texts.ts";
import { defaultIntentData } from "../nlu/files.ts";
import type { Db, Tx } from "./client.ts";
import { enqueueWithPrisma } from "./outbox.ts";

export type ProposalStatusName =
  "DIAJUKAN" | "DIVERIFIKASI" | "DITOLAK" | "DIGABUNG" | "DISEPAKATI" | "DITERUSKAN" | "DITERIMA" | "TIDAK_DITERIMA";

/** Allowed moves (DESIGN.md §4); an officer may also send a proposal back one step for re-checking. */
export const TRANSITIONS: Record<ProposalStatusName, ProposalStatusName[]> = {
  DIAJUKAN: ["DIVERIFIKASI", "DITOLAK", "DIGABUNG"],
  DIVERIFIKASI: ["DISEPAKATI", "DITOLAK", "DIGABUNG", "DIAJUKAN"],
  DITOLAK: ["DIAJUKAN"],
  DIGABUNG: [],
  DISEPAKATI: ["DITERUSKAN", "DIVERIFIKASI", "DITOLAK"],
  DITERUSKAN: ["DITERIMA", "TIDAK_DITERIMA"],
  DITERIMA: [],
  TIDAK_DITERIMA: [],
};

/** Who changes it, e.g. `{ type: "officer", id: "desa.sukamaju" }`. */
export interface Actor {
  type: "officer" | "system" | "resident";
  id?: string;
}

export interface StatusChange {
  code: string;
  to: ProposalStatusName;
  actor: Actor;
  /** Required for DITOLAK; shown to the resident. */
  reason?: string;
  /** For DIGABUNG: the proposal this one joins (its supporters move there). */
  mergeInto?: string;
  now?: Date;
}

/** A change that cannot be made; the message says why (English, for officers' tools and logs). */
export class StatusChangeError extends Error {}

/**
 * Changes the status in one transaction; returns the event id. Example:
 * `await changeProposalStatus(db, { code: "U26-7K3Q", to: "DITOLAK", actor: { type: "officer", id: "ani" }, reason: "Sudah dibangun 2025" })`.
 */
export async function changeProposalStatus(
  db: Db,
  change: StatusChange,
  texts: Texts = makeTexts(defaultIntentData().replies),
): Promise<number> {
  const now = change.now ?? new Date();
  return db.$transaction(async (tx) => {
    const p = await tx.proposal.findUnique({
      where: { code: change.code.toUpperCase() },
      include: { kamusEntry: { select: { nama: true } }, proposer: { select: { optedOutAt: true } } },
    });
    if (!p) throw new StatusChangeError(`Proposal ${change.code} does not exist`);
    const from = p.status as ProposalStatusName;
    if (!TRANSITIONS[from].includes(change.to)) {
      throw new StatusChangeError(
        `Proposal ${p.code} cannot go from ${from} to ${change.to} (allowed: ${TRANSITIONS[from].join(", ") || "none"})`,
      );
    }
    const reason = change.reason?.trim() || undefined;
    if (change.to === "DITOLAK" && !reason)
      throw new StatusChangeError("A rejection (DITOLAK) needs a reason for the resident");
    let mergedIntoId: number | undefined;
    if (change.to === "DIGABUNG") {
      if (!change.mergeInto) throw new StatusChangeError("DIGABUNG needs mergeInto: the code of the proposal it joins");
      const target = await tx.proposal.findUnique({
        where: { code: change.mergeInto.toUpperCase() },
        select: { id: true },
      });
      if (!target || target.id === p.id)
        throw new StatusChangeError(`Proposal ${change.mergeInto} cannot take the merge`);
      mergedIntoId = target.id;
      await moveSupport(tx, p.id, target.id, p.proposerId, now);
    }
    await tx.proposal.update({
      where: { id: p.id },
      data: { status: change.to, ...(mergedIntoId ? { mergedIntoId } : {}) },
    });
    const event = await tx.proposalEvent.create({
      data: {
        proposalId: p.id,
        actorType: change.actor.type,
        actorId: change.actor.id ?? null,
        fromStatus: from,
        toStatus: change.to,
        reason: reason ?? null,
        createdAt: now,
      },
    });
    // A resident who said BERHENTI hears nothing until they write again; the event is recorded all the same.
    if (p.proposerId && !p.proposer?.optedOutAt) {
      const identity = await tx.channelIdentity.findFirst({ where: { residentId: p.proposerId, channel: p.channel } });
      if (identity) {
        const title = p.kamusEntry?.nama ?? p.activity ?? p.problem;
        let message = texts(`notify.${change.to}` as ReplyKey, {
          reason: reason ?? "-",
          target: change.mergeInto?.toUpperCase() ?? "",
        });
        if (reason && change.to !== "DITOLAK") message += `\n${texts("notify.reason", { reason })}`;
        const out: OutboundMessage = {
          channel: identity.channel as Channel,
          chatId: identity.externalId,
          text: texts("notify.status", {
            code: p.code,
            title: title.length > 60 ? `${title.slice(0, 57)}...` : title,
            message,
          }),
        };
        await enqueueWithPrisma(tx, [out], now);
      }
    }
    return event.id;
  });
}

async function moveSupport(tx: Tx, fromId: number, toId: number, proposerId: string | null, now: Date): Promise<void> {
  const supports = await tx.support.findMany({ where: { proposalId: fromId } });
  const residents = new Set(supports.map((s) => s.residentId));
  if (proposerId) residents.add(proposerId);
  for (const residentId of residents) {
    await tx.support.upsert({
      where: { proposalId_residentId: { proposalId: toId, residentId } },
      create: { proposalId: toId, residentId, createdAt: now },
      update: {},
    });
  }
}
