// Status changes and notices made by a forum inside its own transaction (a lock changes many proposals at
// once and must be all or nothing). Same audit event and outbox notice as src/store/proposal-status.ts.
import type { Channel, OutboundMessage } from "../messages/message.ts";
import { defaultIntentData } from "../nlu/files.ts";
import type { ProposalStatus, Tx } from "../store/client.ts";
import { enqueueWithPrisma } from "../store/outbox.ts";
import { shortTitle } from "../texts/short-title.ts";
import { makeTexts } from "../texts/texts.ts";

/** One proposal's change, e.g. `{ proposalId: 7, from: "DIVERIFIKASI", to: "DISEPAKATI", actorId: "ani", reason: "..." }`. */
export interface ForumStatusChange {
  proposalId: number;
  from: ProposalStatus;
  to: ProposalStatus;
  actorId: string;
  reason: string;
  rank?: number | null;
  now: Date;
}

/** Writes the status (and rank) with its audit event; `from === to` records a decision without a move. */
export async function writeForumStatus(tx: Tx, c: ForumStatusChange): Promise<void> {
  await tx.proposal.update({
    where: { id: c.proposalId },
    data: { status: c.to, ...(c.rank !== undefined ? { rank: c.rank } : {}) },
  });
  await tx.proposalEvent.create({
    data: {
      proposalId: c.proposalId,
      actorType: "officer",
      actorId: c.actorId,
      fromStatus: c.from,
      toStatus: c.to,
      reason: c.reason,
      createdAt: c.now,
    },
  });
}

/** Puts "Kabar usulan KODE (judul): message" in the proposer's outbox, unless they said BERHENTI. */
export async function enqueueForumNotice(tx: Tx, proposalId: number, message: string, now: Date): Promise<void> {
  const p = await tx.proposal.findUniqueOrThrow({
    where: { id: proposalId },
    select: {
      code: true,
      channel: true,
      proposerId: true,
      activity: true,
      problem: true,
      kamusEntry: { select: { nama: true } },
      proposer: { select: { optedOutAt: true } },
    },
  });
  if (!p.proposerId || p.proposer?.optedOutAt) return;
  const identity = await tx.channelIdentity.findFirst({ where: { residentId: p.proposerId, channel: p.channel } });
  if (!identity) return;
  const title = p.kamusEntry?.nama ?? p.activity ?? p.problem;
  const out: OutboundMessage = {
    channel: identity.channel as Channel,
    chatId: identity.externalId,
    text: texts()("notify.status", {
      code: p.code,
      title: shortTitle(title),
      message,
    }),
  };
  await enqueueWithPrisma(tx, [out], now);
}

let cached: ReturnType<typeof makeTexts> | undefined;
function texts() {
  cached ??= makeTexts(defaultIntentData().replies);
  return cached;
}
