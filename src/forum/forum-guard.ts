// Who may change a forum and how: before the lock, any officer whose area holds it; after the lock only the
// admin, with a reason that goes into the forum's change log (shown in the audit log and on the public page).
import { Refusal } from "../refusal.ts";
import type { Db, Tx } from "../store/client.ts";
import { reachesDistrict, reachesVillage, type ForumActor } from "./forum-actor.ts";
import { defaultForumData, forumText, type ForumData } from "./forum-data.ts";

export type ForumRecord = NonNullable<Awaited<ReturnType<Db["forum"]["findUnique"]>>>;

/** The forum if the officer's area holds it; 404 otherwise (a forum outside the area does not exist for them). */
export async function forumFor(db: Db | Tx, actor: ForumActor, forumId: number): Promise<ForumRecord> {
  const forum = Number.isInteger(forumId) ? await db.forum.findUnique({ where: { id: forumId } }) : null;
  let reachable = false;
  if (forum?.level === "DESA") {
    const village = await db.village.findUnique({ where: { code: forum.regionCode } });
    reachable = !!village && reachesVillage(actor, village);
  } else if (forum?.level === "KECAMATAN") {
    reachable = reachesDistrict(actor, forum.regionCode);
  }
  if (!forum || !reachable) throw new Refusal(404, "Forum tidak ditemukan di wilayah Bapak/Ibu.");
  return forum;
}

/** How a change is made: "draft" before the lock; "amend" after it (admin and reason checked here). */
export function editMode(
  forum: ForumRecord,
  actor: ForumActor,
  amendReason: string | undefined,
  data: ForumData = defaultForumData(),
): "draft" | "amend" {
  if (!forum.lockedAt) return "draft";
  if (actor.role !== "ADMIN") {
    const date = forum.lockedAt.toLocaleDateString("id-ID", { dateStyle: "long", timeZone: "Asia/Jakarta" });
    throw new Refusal(403, `${forumText(data, "refuse.locked", { date })}`);
  }
  if (!amendReason?.trim()) throw new Refusal(400, forumText(data, "refuse.reason_required"));
  return "amend";
}

/** Records an admin's change to a locked forum. */
export async function logForumChange(
  tx: Tx,
  c: { forumId: number; actor: ForumActor; reason: string; proposalCode?: string; detail: object; now: Date },
): Promise<void> {
  await tx.forumChange.create({
    data: {
      forumId: c.forumId,
      proposalCode: c.proposalCode ?? null,
      actorId: c.actor.username,
      reason: c.reason.trim(),
      detail: JSON.stringify(c.detail),
      createdAt: c.now,
    },
  });
}
