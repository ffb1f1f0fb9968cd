// Status changes against a real database (SQLite, and PostgreSQL with TEST_DATABASE_URL): the audit event,
// the proposer's notice in the outbox, supporters moving on a merge, and refusals that change nothing.
import { afterEach, describe, expect, it } from "vitest";
import { defaultIntentData } from "../../src/nlu/files.ts";
import {
  changeProposalStatus,
  changeStatusInTransaction,
  mergeProposal,
  recordOutcome,
  rejectProposal,
  verifyProposal,
  agreeProposal,
  forwardProposal,
  type ProposalDesk,
} from "../../src/proposals/change-status.ts";
import { Refusal } from "../../src/refusal.ts";
import type { Store } from "../../src/store/client.ts";
import { addSupport, createProposal } from "../../src/store/proposal-write.ts";
import { registerResident } from "../../src/store/residents.ts";
import { openSql, type SqlPool } from "../../src/store/sql.ts";
import { makeTexts } from "../../src/texts/reply-texts.ts";
import { storeCases } from "../support/stores.ts";

const now = new Date("2026-03-02T02:00:00Z");
const texts = makeTexts(defaultIntentData().replies);
const ani = { type: "officer" as const, id: "ani" };

async function seedRegionAndKamus(store: Store) {
  await store.db.district.create({ data: { code: "3216150", name: "Tambelang", searchName: "tambelang" } });
  await store.db.village.create({
    data: { code: "3216150001", name: "Sukamaju", searchName: "sukamaju", districtCode: "3216150" },
  });
  await store.db.kamusEntry.create({
    data: {
      kode: "MLG23-064",
      nama: "Rabat Beton",
      agency: "Dinas PUPR",
      unit: "m²",
      unitPrice: 213400,
      searchText: "rabat beton",
    },
  });
}

const proposal = (code: string, residentId: string) => ({
  code,
  residentId,
  proposerName: "Ani",
  channel: "telegram" as const,
  villageCode: "3216150001",
  rt: "03",
  rw: "05",
  problem: "Jalan rusak",
  activity: "rabat beton",
  kamusKode: "MLG23-064",
  kamusNoMatch: false,
  volume: 300,
  unit: "m2",
  estimatedCost: 64_020_000,
  beneficiaries: 120,
  photos: [],
  createdAt: now,
});

describe.each(storeCases())("proposal status changes on $name", ({ open }) => {
  let store: Store;
  let sql: SqlPool;
  let desk: ProposalDesk;
  afterEach(async () => {
    await sql?.close();
    await store?.db.$disconnect();
  });

  async function start() {
    store = await open();
    sql = openSql(store.url);
    desk = { db: store.db, texts };
    await seedRegionAndKamus(store);
    await registerResident(sql, "R1", "telegram", "42", now);
    await createProposal(sql, proposal("U26-7K3Q", "R1"));
  }

  const notices = async () =>
    (await store.db.outboxMessage.findMany({ orderBy: { id: "asc" } })).map(
      (m) => (JSON.parse(m.payload) as { text: string }).text,
    );

  it("changes a status with an audit event and a message to the proposer", async () => {
    await start();
    await expect(changeProposalStatus(desk, { code: "U26-7K3Q", to: "DITOLAK", actor: ani })).rejects.toThrow(Refusal);
    await expect(
      changeProposalStatus(desk, { code: "u26-7k3q", to: "DITERIMA", actor: { type: "officer" } }),
    ).rejects.toThrow(/berstatus DIAJUKAN, jadi tidak bisa diubah menjadi DITERIMA/);
    await expect(changeProposalStatus(desk, { code: "U26-ZZZZ", to: "DITOLAK", actor: ani })).rejects.toMatchObject({
      status: 404,
      message: "Usulan U26-ZZZZ tidak ditemukan. Periksa kembali kodenya.",
    });
    expect(await store.db.proposalEvent.count({ where: { toStatus: { not: "DIAJUKAN" } } })).toBe(0);

    await rejectProposal(desk, { code: "U26-7K3Q", actor: ani, reason: "Sudah dibangun tahun lalu", now });
    const p = await store.db.proposal.findUniqueOrThrow({
      where: { code: "U26-7K3Q" },
      include: { events: { orderBy: { id: "asc" } } },
    });
    expect(p.status).toBe("DITOLAK");
    expect(p.events.at(-1)).toMatchObject({
      fromStatus: "DIAJUKAN",
      toStatus: "DITOLAK",
      actorType: "officer",
      actorId: "ani",
      reason: "Sudah dibangun tahun lalu",
    });
    const out = await store.db.outboxMessage.findFirstOrThrow();
    expect(out).toMatchObject({ channel: "telegram", chatId: "42", status: "PENDING" });
    expect(await notices()).toEqual([
      "Kabar usulan U26-7K3Q (Rabat Beton):\nMohon maaf, usulan Bapak/Ibu tidak dapat dilanjutkan. " +
        "Alasannya: Sudah dibangun tahun lalu",
    ]);
  });

  it("walks the lifecycle to an outcome, adding the officer's note to the notice", async () => {
    await start();
    await verifyProposal(desk, { code: "U26-7K3Q", actor: ani, now });
    await agreeProposal(desk, { code: "U26-7K3Q", actor: ani, now });
    await forwardProposal(desk, { code: "U26-7K3Q", actor: ani, note: "Masuk SIPD", now });
    await recordOutcome(desk, { code: "U26-7K3Q", actor: ani, funded: false, now });
    const events = await store.db.proposalEvent.findMany({ orderBy: { id: "asc" } });
    expect(events.map((e) => e.toStatus)).toEqual([
      "DIAJUKAN",
      "DIVERIFIKASI",
      "DISEPAKATI",
      "DITERUSKAN",
      "TIDAK_DITERIMA",
    ]);
    const sent = await notices();
    expect(sent).toHaveLength(4);
    expect(sent[2]).toMatch(/diteruskan ke kecamatan\/kabupaten[\s\S]*\nCatatan petugas: Masuk SIPD$/);
    expect(sent[3]).toMatch(/belum dapat didanai tahun ini/);
  });

  it("applies a forum's moves inside its transaction by the same lifecycle, notice and audit event", async () => {
    await start();
    const { id } = await store.db.proposal.findUniqueOrThrow({ where: { code: "U26-7K3Q" } });
    // A move the lifecycle forbids fails the caller's whole transaction: nothing of it is kept.
    await expect(
      store.db.$transaction(async (tx) => {
        await tx.proposal.update({ where: { id }, data: { rank: 9 } });
        await changeStatusInTransaction(tx, texts, { proposalId: id, to: "DITERIMA", actor: ani, now });
      }),
    ).rejects.toThrow(/berstatus DIAJUKAN, jadi tidak bisa diubah menjadi DITERIMA/);
    expect(await store.db.proposal.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "DIAJUKAN",
      rank: null,
    });
    await store.db.$transaction(async (tx) => {
      await changeStatusInTransaction(tx, texts, { proposalId: id, to: "DIVERIFIKASI", actor: ani, now });
      // A decision recorded without a move (a forum did not agree), with what the proposer reads.
      await changeStatusInTransaction(tx, texts, {
        proposalId: id,
        to: "DIVERIFIKASI",
        actor: ani,
        reason: "Tidak disepakati: dana desa",
        rank: null,
        notice: "Usulan belum disepakati di Musrenbang Desa.",
        now,
      });
    });
    const events = await store.db.proposalEvent.findMany({ where: { proposalId: id }, orderBy: { id: "asc" } });
    expect(events.slice(1).map((e) => [e.fromStatus, e.toStatus, e.reason])).toEqual([
      ["DIAJUKAN", "DIVERIFIKASI", null],
      ["DIVERIFIKASI", "DIVERIFIKASI", "Tidak disepakati: dana desa"],
    ]);
    expect(await notices()).toEqual([
      "Kabar usulan U26-7K3Q (Rabat Beton):\nUsulan belum disepakati di Musrenbang Desa.",
    ]);
  });

  it("moves the supporters and the proposer of a merged proposal to the one it joins", async () => {
    await start();
    await registerResident(sql, "R2", "telegram", "43", now);
    await registerResident(sql, "R3", "telegram", "44", now);
    await createProposal(sql, proposal("U26-AAAA", "R2"));
    await addSupport(sql, "U26-7K3Q", "R3", now);

    await expect(mergeProposal(desk, { code: "U26-7K3Q", into: "U26-7K3Q", actor: ani })).rejects.toMatchObject({
      status: 400,
    });
    await expect(mergeProposal(desk, { code: "U26-7K3Q", into: "U26-NONE", actor: ani })).rejects.toThrow(
      /U26-NONE tidak bisa menjadi tujuan penggabungan/,
    );
    await mergeProposal(desk, { code: "U26-7K3Q", into: "u26-aaaa", actor: ani, now });

    const target = await store.db.proposal.findUniqueOrThrow({
      where: { code: "U26-AAAA" },
      include: { supports: true },
    });
    expect(target.supports.map((s) => s.residentId).sort()).toEqual(["R1", "R3"]);
    const merged = await store.db.proposal.findUniqueOrThrow({ where: { code: "U26-7K3Q" } });
    expect(merged).toMatchObject({ status: "DIGABUNG", mergedIntoId: target.id });
    expect(await notices()).toEqual([expect.stringMatching(/digabung dengan usulan U26-AAAA/)]);
  });
});
