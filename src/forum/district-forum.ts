// The Musrenbang Kecamatan of one cycle: every desa's locked list in one, first ordered across desa (all
// rank-1 proposals, then all rank-2, ..., each step by score), reordered and decided by the kecamatan like a
// desa forum, locked with ranks, then forwarded: agreed proposals become DITERUSKAN and their proposers hear it.
import { Refusal } from "../refusal.ts";
import type { Db, Tx } from "../store/client.ts";
import { reachesDistrict, type ForumActor } from "./forum-actor.ts";
import { defaultForumData, forumReplies, forumText, type ForumData } from "./forum-data.ts";
import { forumFor } from "./forum-guard.ts";
import { changeStatusInTransaction } from "../proposals/change-status.ts";
import { agreedRanks } from "./order.ts";
import { scoreProposals } from "./score.ts";
import { inCycle, openForum, type ForumView } from "./village-forum.ts";
import { claimLock, decidedItems, type LockResult } from "./lock-forum.ts";

/** Opens (or brings up to date, until locked) the kecamatan forum of `year` and returns its view. */
export async function openDistrictForum(
  db: Db,
  actor: ForumActor,
  districtCode: string,
  year: number,
  now: Date,
  data: ForumData = defaultForumData(),
): Promise<ForumView> {
  const district = await db.district.findUnique({ where: { code: districtCode } });
  if (!district || !reachesDistrict(actor, district.code))
    throw new Refusal(404, `Kecamatan ${districtCode} tidak ditemukan di wilayah Bapak/Ibu.`);
  return openForum(db, "KECAMATAN", district.code, year, now, data, (tx, forumId, cycle) =>
    syncDistrictItems(tx, forumId, district.code, cycle, now, data),
  );
}

/** Agreed proposals of the kecamatan's locked desa forums join; new ones go to the end in cross-desa order. */
async function syncDistrictItems(
  tx: Tx,
  forumId: number,
  districtCode: string,
  cycle: { id: number; year: number },
  now: Date,
  data: ForumData,
): Promise<void> {
  const items = await tx.forumItem.findMany({ where: { forumId }, orderBy: { position: "asc" } });
  const present = new Set(items.map((i) => i.proposalId));
  const fresh = await tx.proposal.findMany({
    where: {
      village: { districtCode },
      status: "DISEPAKATI",
      id: { notIn: [...present] },
      AND: [inCycle(cycle)],
      forumItems: { some: { forum: { level: "DESA", cycleId: cycle.id, lockedAt: { not: null } } } },
    },
    select: {
      id: true,
      code: true,
      rank: true,
      beneficiaries: true,
      estimatedCost: true,
      createdAt: true,
      _count: true,
    },
  });
  if (!fresh.length) return;
  const scored = scoreProposals(
    fresh.map((p) => ({ ...p, supporters: p._count.supports })),
    data.weights,
    now,
  );
  const order = scored
    .map((s, n) => ({ id: s.item.id, rank: s.item.rank ?? 999, n }))
    .sort((a, b) => a.rank - b.rank || a.n - b.n);
  for (const [i, o] of order.entries())
    await tx.forumItem.create({ data: { forumId, proposalId: o.id, position: items.length + i + 1 } });
}

/** Locks the kecamatan list: agreed rows get their kecamatan rank; not agreed ones are told why. */
export async function lockDistrictForum(
  db: Db,
  actor: ForumActor,
  forumId: number,
  now: Date,
  data: ForumData = defaultForumData(),
): Promise<LockResult> {
  if (actor.role === "VILLAGE") throw new Refusal(403, forumText(data, "refuse.not_district"));
  return db.$transaction(async (tx) => {
    const { forum, items } = await decidedItems(tx, actor, forumId, "KECAMATAN", data);
    await claimLock(tx, forum, actor, now, data);
    const district = await tx.district.findUniqueOrThrow({ where: { code: forum.regionCode } });
    const ranks = agreedRanks(items.map((i) => ({ code: i.proposal.code, position: i.position, agreed: i.agreed })));
    for (const item of items) {
      await tx.forumItem.update({ where: { id: item.id }, data: { rank: ranks.get(item.proposal.code) ?? null } });
      if (item.agreed) continue;
      const reason = item.reason!.trim();
      await changeStatusInTransaction(tx, forumReplies(), {
        proposalId: item.proposal.id,
        to: item.proposal.status,
        actor: { type: "officer", id: actor.username },
        reason: forumText(data, "event.district_not_agreed", { reason }),
        notice: forumText(data, "notice.district_not_agreed", { district: district.name, reason }),
        now,
      });
    }
    return { agreed: ranks.size, notAgreed: items.length - ranks.size };
  });
}

/** Forwards a locked kecamatan list: each agreed proposal DISEPAKATI → DITERUSKAN, with the usual notice. */
export async function forwardDistrictForum(
  db: Db,
  actor: ForumActor,
  forumId: number,
  now: Date,
  data: ForumData = defaultForumData(),
): Promise<number> {
  if (actor.role === "VILLAGE") throw new Refusal(403, forumText(data, "refuse.not_district"));
  return db.$transaction(async (tx) => {
    const forum = await forumFor(tx, actor, forumId);
    if (forum.level !== "KECAMATAN" || !forum.lockedAt) throw new Refusal(409, forumText(data, "refuse.not_locked"));
    const claimed = await tx.forum.updateMany({
      where: { id: forumId, forwardedAt: null },
      data: { forwardedAt: now, forwardedBy: actor.username },
    });
    if (claimed.count !== 1) throw new Refusal(409, forumText(data, "refuse.already_forwarded", { date: "-" }));
    const items = await tx.forumItem.findMany({
      where: { forumId, agreed: true },
      include: { proposal: { select: { id: true, status: true } } },
      orderBy: { rank: "asc" },
    });
    let forwarded = 0;
    for (const item of items) {
      if (item.proposal.status !== "DISEPAKATI") continue;
      const district = await tx.district.findUniqueOrThrow({ where: { code: forum.regionCode } });
      await changeStatusInTransaction(tx, forumReplies(), {
        proposalId: item.proposal.id,
        to: "DITERUSKAN",
        actor: { type: "officer", id: actor.username },
        reason: forumText(data, "event.district_agreed", { rank: item.rank ?? "-" }),
        notice: forumText(data, "notice.forwarded", { district: district.name, rank: item.rank ?? "-" }),
        now,
      });
      forwarded++;
    }
    return forwarded;
  });
}
