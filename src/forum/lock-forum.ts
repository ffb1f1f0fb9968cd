// Locking a desa's forum list once the forum agrees: all or nothing, in one transaction. Agreed proposals
// become DISEPAKATI with their rank; not agreed ones stay DIVERIFIKASI with the reason in their audit trail;
// every proposer hears the outcome.
import { Refusal } from "../refusal.ts";
import type { Db, Tx } from "../store/client.ts";
import type { ForumActor } from "./forum-actor.ts";
import { defaultForumData, forumReplies, forumText, type ForumData } from "./forum-data.ts";
import { forumFor } from "./forum-guard.ts";
import { changeStatusInTransaction } from "../proposals/change-status.ts";
import { agreedRanks } from "./order.ts";

/** The outcome of a lock, e.g. `{ agreed: 10, notAgreed: 2 }`. */
export interface LockResult {
  agreed: number;
  notAgreed: number;
}

/**
 * The forum `forumId` of `level` in the actor's area with its rows in order, ready to lock: refuses (404) another
 * level, (400) an empty list or a not-agreed row without a reason. Shared by the desa and kecamatan locks.
 */
export async function decidedItems(
  tx: Tx,
  actor: ForumActor,
  forumId: number,
  level: "DESA" | "KECAMATAN",
  data: ForumData,
) {
  const forum = await forumFor(tx, actor, forumId);
  if (forum.level !== level) throw new Refusal(404, "Forum tidak ditemukan di wilayah Bapak/Ibu.");
  const items = await tx.forumItem.findMany({
    where: { forumId },
    include: { proposal: { select: { id: true, code: true, status: true } } },
    orderBy: { position: "asc" },
  });
  if (!items.length) throw new Refusal(400, forumText(data, "refuse.empty"));
  const missing = items.filter((i) => !i.agreed && !i.reason?.trim()).map((i) => i.proposal.code);
  if (missing.length)
    throw new Refusal(400, forumText(data, "refuse.not_agreed_reason", { codes: missing.join(", ") }));
  return { forum, items };
}

/**
 * Marks the forum locked by `actor`, first of all: of two officers pressing "Kunci" at once, one wins and the
 * other is refused (409). Shared by the desa and kecamatan locks.
 */
export async function claimLock(
  tx: Tx,
  forum: { id: number; lockedAt: Date | null },
  actor: ForumActor,
  now: Date,
  data: ForumData,
): Promise<void> {
  const claimed = await tx.forum.updateMany({
    where: { id: forum.id, lockedAt: null },
    data: { lockedAt: now, lockedBy: actor.username },
  });
  if (claimed.count === 1) return;
  const date = (forum.lockedAt ?? now).toLocaleDateString("id-ID", { dateStyle: "long", timeZone: "Asia/Jakarta" });
  throw new Refusal(409, forumText(data, "refuse.locked", { date }));
}

/** Locks the desa forum `forumId`. Refuses (409) a locked one, (400) an empty list or a missing reason. */
export async function lockVillageForum(
  db: Db,
  actor: ForumActor,
  forumId: number,
  now: Date,
  data: ForumData = defaultForumData(),
): Promise<LockResult> {
  return db.$transaction(async (tx) => {
    const { forum, items } = await decidedItems(tx, actor, forumId, "DESA", data);
    if (items.some((i) => i.proposal.status !== "DIVERIFIKASI"))
      throw new Refusal(409, forumText(data, "refuse.order_mismatch"));
    await claimLock(tx, forum, actor, now, data);
    const village = await tx.village.findUniqueOrThrow({ where: { code: forum.regionCode } });
    const ranks = agreedRanks(items.map((i) => ({ code: i.proposal.code, position: i.position, agreed: i.agreed })));
    for (const item of items) {
      const rank = ranks.get(item.proposal.code) ?? null;
      await tx.forumItem.update({ where: { id: item.id }, data: { rank } });
      const reason = item.agreed
        ? forumText(data, "event.agreed", { rank: rank! })
        : forumText(data, "event.not_agreed", { reason: item.reason!.trim() });
      await changeStatusInTransaction(tx, forumReplies(), {
        proposalId: item.proposal.id,
        to: item.agreed ? "DISEPAKATI" : "DIVERIFIKASI",
        actor: { type: "officer", id: actor.username },
        reason,
        rank,
        notice: item.agreed
          ? forumText(data, "notice.agreed", { village: village.name, rank: rank!, total: ranks.size })
          : forumText(data, "notice.not_agreed", { village: village.name, reason: item.reason!.trim() }),
        now,
      });
    }
    return { agreed: ranks.size, notAgreed: items.length - ranks.size };
  });
}
