// The Musrenbang Desa list on real databases: suggested order, moves, decisions, the lock with its statuses,
// ranks and notices, and what may change afterwards (only the admin, with a reason, in the change log).
import { afterEach, describe, expect, it } from "vitest";
import type { Store } from "../../src/store/client.ts";
import { openVillageForum } from "../../src/forum/village-forum.ts";
import { decideForumRow, moveForumRow, reorderForum } from "../../src/forum/forum-edit.ts";
import { lockVillageForum } from "../../src/forum/lock-forum.ts";
import { admin, NOW, seededCases, seedProposals, villageOfficer, YEAR } from "./fixtures.ts";

const DESA = "3216082006"; // Srimukti, Tambun Utara
const officer = villageOfficer(DESA);

let store: Store | undefined;
afterEach(async () => {
  await store?.db.$disconnect();
  store = undefined;
});

async function outbox(s: Store, chatId: string): Promise<string[]> {
  const rows = await s.db.outboxMessage.findMany({ where: { chatId }, orderBy: { id: "asc" } });
  return rows.map((r) => (JSON.parse(r.payload) as { text: string }).text);
}

describe.each(seededCases())("Musrenbang Desa on $name", ({ open }) => {
  it("locks an agreed, ranked list: DISEPAKATI with rank, not agreed told why, every proposer notified", async () => {
    store = await open();
    const db = store.db;
    await seedProposals(store, DESA, 12);
    const view = await openVillageForum(db, officer, DESA, YEAR, NOW);
    expect(view.rows).toHaveLength(12);
    // The first visit lists them in the suggested order, best score first.
    expect(view.rows.map((r) => r.suggested)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(view.rows.map((r) => r.score)).toEqual([...view.rows.map((r) => r.score)].sort((a, b) => b - a));

    const e = { actor: officer, forumId: view.id, now: NOW };
    const last = view.rows[11]!.code;
    await moveForumRow(db, e, last, -1);
    await moveForumRow(db, e, last, -1);
    const [notA, notB] = [view.rows[0]!.code, view.rows[5]!.code];
    await expect(decideForumRow(db, e, notA, { agreed: false })).rejects.toThrow(/alasan/);
    await decideForumRow(db, e, notA, { agreed: false, reason: "Sudah dianggarkan dari Dana Desa" });
    await decideForumRow(db, e, notB, { agreed: false, reason: "Lahan belum tersedia" });
    await decideForumRow(db, e, view.rows[1]!.code, { agreed: true, agreedVolume: 7.5 });

    const result = await lockVillageForum(db, officer, view.id, NOW);
    expect(result).toEqual({ agreed: 10, notAgreed: 2 });
    const after = await openVillageForum(db, officer, DESA, YEAR, NOW);
    const order = after.rows.map((r) => r.code);
    expect(order.indexOf(last)).toBe(9);
    const agreed = after.rows.filter((r) => r.agreed);
    const proposals = await db.proposal.findMany({ where: { villageCode: DESA } });
    for (const [n, row] of agreed.entries()) {
      const p = proposals.find((x) => x.code === row.code)!;
      expect([p.status, p.rank, row.rank]).toEqual(["DISEPAKATI", n + 1, n + 1]);
    }
    for (const code of [notA, notB]) {
      const p = proposals.find((x) => x.code === code)!;
      expect([p.status, p.rank]).toEqual(["DIVERIFIKASI", null]);
    }
    expect(after.rows.find((r) => r.code === view.rows[1]!.code)!.agreedVolume).toBe(7.5);

    const notAOwner = proposals.find((p) => p.code === notA)!.proposerId!;
    expect((await outbox(store, `chat-${notAOwner}`)).join("\n")).toMatch(
      /belum disepakati[\s\S]*Sudah dianggarkan dari Dana Desa/,
    );
    const firstOwner = proposals.find((p) => p.code === agreed[0]!.code)!.proposerId!;
    expect((await outbox(store, `chat-${firstOwner}`)).join("\n")).toMatch(/disepakati[\s\S]*peringkat 1 dari 10/);
    expect(await db.outboxMessage.count()).toBe(12);
    const events = await db.proposalEvent.findMany({ where: { proposal: { code: notB } } });
    expect(events.map((ev) => ev.reason)).toContain("Tidak disepakati Musrenbang Desa: Lahan belum tersedia");

    // A locked list: the village officer cannot change it, and it cannot be locked twice.
    await expect(moveForumRow(db, e, last, -1)).rejects.toMatchObject({ status: 403 });
    await expect(decideForumRow(db, e, last, { agreed: false, reason: "x" })).rejects.toMatchObject({ status: 403 });
    await expect(lockVillageForum(db, admin, view.id, NOW)).rejects.toMatchObject({ status: 409 });
    expect((await openVillageForum(db, officer, DESA, YEAR, NOW)).rows.map((r) => r.code)).toEqual(order);
  });

  it("after the lock lets the admin change a decision only with a reason, re-ranks and logs it", async () => {
    store = await open();
    const db = store.db;
    await seedProposals(store, DESA, 4);
    const view = await openVillageForum(db, officer, DESA, YEAR, NOW);
    await lockVillageForum(db, officer, view.id, NOW);
    const [first, second] = view.rows.map((r) => r.code);
    const e = { actor: admin, forumId: view.id, now: NOW };
    await expect(decideForumRow(db, e, first!, { agreed: false, reason: "Ganda" })).rejects.toMatchObject({
      status: 400,
    });
    await decideForumRow(db, { ...e, amendReason: "Ternyata sudah dibangun provinsi" }, first!, {
      agreed: false,
      reason: "Sudah dibangun provinsi",
    });
    const p1 = await db.proposal.findUniqueOrThrow({ where: { code: first! } });
    const p2 = await db.proposal.findUniqueOrThrow({ where: { code: second! } });
    expect([p1.status, p1.rank, p2.status, p2.rank]).toEqual(["DIVERIFIKASI", null, "DISEPAKATI", 1]);
    const changes = await db.forumChange.findMany();
    expect(changes).toMatchObject([
      { proposalCode: first, actorId: "admin", reason: "Ternyata sudah dibangun provinsi" },
    ]);
    expect((await outbox(store, `chat-${p1.proposerId}`)).at(-1)).toMatch(
      /dikeluarkan[\s\S]*Ternyata sudah dibangun provinsi/,
    );
    await reorderForum(db, { ...e, amendReason: "Salah urut saat rapat" }, [
      second!,
      ...view.rows
        .slice(2)
        .map((r) => r.code)
        .reverse(),
      first!,
    ]);
    const reranked = await db.proposal.findMany({ where: { status: "DISEPAKATI" }, orderBy: { rank: "asc" } });
    expect(reranked.map((p) => p.code)).toEqual([
      second,
      ...view.rows
        .slice(2)
        .map((r) => r.code)
        .reverse(),
    ]);
    expect(await db.forumChange.count()).toBe(2);
  });

  it("shows a desa only to officers whose area holds it, and only for a year with a cycle", async () => {
    store = await open();
    await seedProposals(store, DESA, 1);
    await expect(openVillageForum(store.db, villageOfficer("3216010001"), DESA, YEAR, NOW)).rejects.toMatchObject({
      status: 404,
    });
    await expect(openVillageForum(store.db, officer, DESA, 2031, NOW)).rejects.toThrow(/2031 belum diatur/);
    const view = await openVillageForum(store.db, officer, DESA, YEAR, NOW);
    await expect(lockVillageForum(store.db, villageOfficer("3216010001"), view.id, NOW)).rejects.toMatchObject({
      status: 404,
    });
  });
});
