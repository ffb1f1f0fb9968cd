// Changing a forum's list, decisions, participants and details. Before the lock any officer of the area may;
// after it only the admin with a reason (forum-guard.ts), and the proposals' statuses and ranks follow.
import { Refusal } from "../refusal.ts";
import type { Db, Tx } from "../store/client.ts";
import type { ForumActor } from "./forum-actor.ts";
import { defaultForumData, forumReplies, forumText, type ForumData } from "./forum-data.ts";
import { editMode, forumFor, logForumChange, type ForumRecord } from "./forum-guard.ts";
import { changeStatusInTransaction, notifyProposer } from "../proposals/change-status.ts";
import { agreedRanks, moveCode, sameCodes } from "./order.ts";

/** Common arguments: who, which forum, when, and (after the lock) the admin's reason. */
export interface ForumEdit {
  actor: ForumActor;
  forumId: number;
  now: Date;
  amendReason?: string;
  data?: ForumData;
}

/** Sets the whole order (codes top to bottom), e.g. after dragging or keyboard moves on the page. */
export async function reorderForum(db: Db, e: ForumEdit, codes: string[]): Promise<void> {
  const data = e.data ?? defaultForumData();
  await db.$transaction(async (tx) => {
    const forum = await forumFor(tx, e.actor, e.forumId);
    const mode = editMode(forum, e.actor, e.amendReason, data);
    const items = await itemsOf(tx, forum.id);
    const current = items.map((i) => i.proposal.code);
    const wanted = codes.map((c) => c.trim().toUpperCase());
    if (!sameCodes(current, wanted)) throw new Refusal(409, forumText(data, "refuse.order_mismatch"));
    for (const [n, code] of wanted.entries()) {
      const item = items.find((i) => i.proposal.code === code)!;
      if (item.position !== n + 1) await tx.forumItem.update({ where: { id: item.id }, data: { position: n + 1 } });
    }
    if (mode === "amend") {
      await logForumChange(tx, { ...e, reason: e.amendReason!, detail: { order: { from: current, to: wanted } } });
      await rerank(tx, forum, e.actor, e.now);
    }
  });
}

/** Moves one row up (-1) or down (+1): the buttons' and the keyboard's action. */
export async function moveForumRow(db: Db, e: ForumEdit, code: string, delta: -1 | 1): Promise<void> {
  const items = await db.forumItem.findMany({
    where: { forumId: e.forumId },
    include: { proposal: { select: { code: true } } },
    orderBy: { position: "asc" },
  });
  const order = items.map((i) => i.proposal.code);
  await reorderForum(db, e, moveCode(order, code.toUpperCase(), delta));
}

/** The forum's decision on one proposal, e.g. `{ agreed: false, reason: "Sudah dianggarkan dana desa" }`. */
export interface Decision {
  agreed: boolean;
  reason?: string | null;
  /** The volume as agreed; null or undefined keeps the resident's. */
  agreedVolume?: number | null;
}

/** Records agreed / not agreed (with reason) and the agreed volume for one proposal of the list. */
export async function decideForumRow(db: Db, e: ForumEdit, code: string, d: Decision): Promise<void> {
  const data = e.data ?? defaultForumData();
  const reason = d.reason?.trim() || null;
  const volume = d.agreedVolume ?? null;
  if (volume !== null && !(Number.isFinite(volume) && volume > 0))
    throw new Refusal(400, forumText(data, "refuse.volume"));
  if (!d.agreed && !reason) throw new Refusal(400, forumText(data, "refuse.not_agreed_reason", { codes: code }));
  await db.$transaction(async (tx) => {
    const forum = await forumFor(tx, e.actor, e.forumId);
    const mode = editMode(forum, e.actor, e.amendReason, data);
    const item = (await itemsOf(tx, forum.id)).find((i) => i.proposal.code === code.trim().toUpperCase());
    if (!item) throw new Refusal(404, forumText(data, "refuse.not_on_list", { code }));
    await tx.forumItem.update({
      where: { id: item.id },
      data: { agreed: d.agreed, reason: d.agreed ? null : reason, agreedVolume: volume },
    });
    if (mode === "draft") return;
    await logForumChange(tx, {
      ...e,
      reason: e.amendReason!,
      proposalCode: item.proposal.code,
      detail: {
        agreed: { from: item.agreed, to: d.agreed },
        reason: { from: item.reason, to: d.agreed ? null : reason },
        agreedVolume: { from: item.agreedVolume, to: volume },
      },
    });
    await rerank(tx, forum, e.actor, e.now, { code: item.proposal.code, reason: e.amendReason!.trim(), data });
  });
}

/** Adds a participant; `element` is a key of intents/forum.yaml's elements. */
export async function addParticipant(
  db: Db,
  e: ForumEdit,
  p: { name: string; element: string; delegate: boolean },
): Promise<void> {
  const data = e.data ?? defaultForumData();
  const name = p.name.trim().slice(0, 120);
  if (!name || !p.element) throw new Refusal(400, forumText(data, "refuse.participant"));
  if (!(p.element in data.elements)) throw new Refusal(400, forumText(data, "refuse.element", { element: p.element }));
  await db.$transaction(async (tx) => {
    const forum = await forumFor(tx, e.actor, e.forumId);
    if (editMode(forum, e.actor, e.amendReason, data) === "amend")
      await logForumChange(tx, { ...e, reason: e.amendReason!, detail: { participantAdded: p.element } });
    await tx.forumParticipant.create({ data: { forumId: forum.id, name, element: p.element, delegate: p.delegate } });
  });
}

/** Removes a participant of this forum. */
export async function removeParticipant(db: Db, e: ForumEdit, participantId: number): Promise<void> {
  const data = e.data ?? defaultForumData();
  await db.$transaction(async (tx) => {
    const forum = await forumFor(tx, e.actor, e.forumId);
    const mode = editMode(forum, e.actor, e.amendReason, data);
    const removed = await tx.forumParticipant.deleteMany({ where: { id: participantId, forumId: forum.id } });
    if (removed.count && mode === "amend")
      await logForumChange(tx, { ...e, reason: e.amendReason!, detail: { participantRemoved: participantId } });
  });
}

/** Sets the day, place and notes of the forum. */
export async function setForumDetails(
  db: Db,
  e: ForumEdit,
  d: { heldAt: Date | null; place: string | null; notes: string | null },
): Promise<void> {
  const data = e.data ?? defaultForumData();
  await db.$transaction(async (tx) => {
    const forum = await forumFor(tx, e.actor, e.forumId);
    if (editMode(forum, e.actor, e.amendReason, data) === "amend")
      await logForumChange(tx, { ...e, reason: e.amendReason!, detail: { details: true } });
    await tx.forum.update({
      where: { id: forum.id },
      data: {
        heldAt: d.heldAt,
        place: d.place?.trim().slice(0, 200) || null,
        notes: d.notes?.trim().slice(0, 5000) || null,
      },
    });
  });
}

function itemsOf(tx: Tx, forumId: number) {
  return tx.forumItem.findMany({
    where: { forumId },
    include: { proposal: { select: { id: true, code: true, status: true } } },
    orderBy: { position: "asc" },
  });
}

/**
 * After an admin's change to a locked desa list: ranks follow the new order and decisions; a proposal that
 * joined or left the agreed list changes status (audit event), and the proposal named in `changed` hears why.
 */
async function rerank(
  tx: Tx,
  forum: ForumRecord,
  actor: ForumActor,
  now: Date,
  changed?: { code: string; reason: string; data: ForumData },
): Promise<void> {
  if (forum.level !== "DESA") return;
  const items = await itemsOf(tx, forum.id);
  const village = await tx.village.findUniqueOrThrow({ where: { code: forum.regionCode } });
  const ranks = agreedRanks(items.map((i) => ({ code: i.proposal.code, position: i.position, agreed: i.agreed })));
  for (const item of items) {
    const rank = ranks.get(item.proposal.code) ?? null;
    const p = item.proposal;
    if (p.status !== "DISEPAKATI" && p.status !== "DIVERIFIKASI")
      throw new Refusal(409, `Usulan ${p.code} sudah ${p.status}, jadi daftar desa tidak bisa diubah lagi.`);
    await tx.forumItem.update({ where: { id: item.id }, data: { rank } });
    const to = rank !== null ? "DISEPAKATI" : "DIVERIFIKASI";
    if (p.status !== to && changed)
      await changeStatusInTransaction(tx, forumReplies(), {
        proposalId: p.id,
        to,
        actor: { type: "officer", id: actor.username },
        reason: changed.reason,
        rank,
        now,
      });
    else await tx.proposal.update({ where: { id: p.id }, data: { rank } });
    if (changed?.code === p.code) {
      const key =
        rank === null
          ? "notice.withdrawn_after"
          : p.status === "DISEPAKATI"
            ? "notice.rank_changed"
            : "notice.agreed_after";
      const text = forumText(changed.data, key, { village: village.name, rank: rank ?? "-", reason: changed.reason });
      await notifyProposer(tx, forumReplies(), p.id, text, now);
    }
  }
}
