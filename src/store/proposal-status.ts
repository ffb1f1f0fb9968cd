// Reading and writing what a status change touches: the proposal, its audit event, its supporters and the
// proposer's chat. The rules (which move is allowed, what the resident reads) are in src/proposals/.
import type { Channel } from "../messages/message.ts";
import type { ProposalStatus, Tx } from "./client.ts";

/** The proposal as a status change needs it, e.g. `{ id: 7, code: "U26-7K3Q", status: "DIAJUKAN", ... }`. */
export interface ProposalForStatus {
  id: number;
  code: string;
  status: ProposalStatus;
  channel: string;
  proposerId: string | null;
  /** The kamus name, else the activity, else the problem. */
  title: string;
  /** The proposer said BERHENTI: they hear nothing until they write again. */
  proposerOptedOut: boolean;
  villageCode: string;
  /** Compared with the value a form was built from, to refuse a stale form. */
  updatedAt: Date;
}

/** The proposal with this code (any case) or this id, or undefined. */
export async function findProposalForStatus(tx: Tx, key: string | number): Promise<ProposalForStatus | undefined> {
  const p = await tx.proposal.findUnique({
    where: typeof key === "number" ? { id: key } : { code: key.toUpperCase() },
    include: { kamusEntry: { select: { nama: true } }, proposer: { select: { optedOutAt: true } } },
  });
  if (!p) return undefined;
  return {
    id: p.id,
    code: p.code,
    status: p.status,
    channel: p.channel,
    proposerId: p.proposerId,
    title: p.kamusEntry?.nama ?? p.activity ?? p.problem,
    proposerOptedOut: Boolean(p.proposer?.optedOutAt),
    villageCode: p.villageCode,
    updatedAt: p.updatedAt,
  };
}

/** The proposal with this code (any case) as a merge target needs it, or undefined. */
export async function findMergeTarget(
  tx: Tx,
  code: string,
): Promise<{ id: number; code: string; villageCode: string; status: ProposalStatus } | undefined> {
  const p = await tx.proposal.findUnique({
    where: { code: code.trim().toUpperCase() },
    select: { id: true, code: true, villageCode: true, status: true },
  });
  return p ?? undefined;
}

/** One status change as written: the new status (and merge target or forum rank) plus its audit event. */
export interface StatusWrite {
  proposalId: number;
  from: ProposalStatus;
  to: ProposalStatus;
  actor: { type: string; id?: string };
  reason?: string;
  mergedIntoId?: number;
  /** A forum's rank (null: not agreed); left as it is when undefined. */
  rank?: number | null;
  now: Date;
}

/** Sets the status and records the audit event; returns the event id. */
export async function writeStatusChange(tx: Tx, w: StatusWrite): Promise<number> {
  await tx.proposal.update({
    where: { id: w.proposalId },
    data: {
      status: w.to,
      ...(w.mergedIntoId ? { mergedIntoId: w.mergedIntoId } : {}),
      ...(w.rank !== undefined ? { rank: w.rank } : {}),
    },
  });
  const event = await tx.proposalEvent.create({
    data: {
      proposalId: w.proposalId,
      actorType: w.actor.type,
      actorId: w.actor.id ?? null,
      fromStatus: w.from,
      toStatus: w.to,
      reason: w.reason ?? null,
      createdAt: w.now,
    },
  });
  return event.id;
}

/** Every supporter of `fromId`, and its proposer, supports `toId` too (once each). */
export async function moveSupport(
  tx: Tx,
  fromId: number,
  toId: number,
  proposerId: string | null,
  now: Date,
): Promise<void> {
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

/** Where a resident is reached on one channel, e.g. `{ channel: "telegram", chatId: "42" }`, or undefined. */
export async function findResidentChat(
  tx: Tx,
  residentId: string,
  channel: string,
): Promise<{ channel: Channel; chatId: string } | undefined> {
  const identity = await tx.channelIdentity.findFirst({ where: { residentId, channel } });
  return identity ? { channel: identity.channel as Channel, chatId: identity.externalId } : undefined;
}
