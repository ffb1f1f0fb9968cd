// The host's direct-SQL store functions on SQLite and (with TEST_DATABASE_URL) PostgreSQL: what they write
// must read back the same through Prisma, which the dashboard and CLI use.
import { afterEach, describe, expect, it } from "vitest";
import type { Store } from "../../src/store/client.ts";
import { loadConversation, recordInbound, saveConversation } from "../../src/store/conversations.ts";
import { createOutboxQueue, enqueue } from "../../src/store/outbox.ts";
import {
  addProposalPhoto,
  addSupport,
  createProposal,
  proposalLookups,
  withdrawProposal,
} from "../../src/store/proposal-write.ts";
import { anonymizeResident, registerResident, setResidentName } from "../../src/store/residents.ts";
import { openSql, type SqlPool } from "../../src/store/sql.ts";
import { storeCases } from "../support/stores.ts";

const now = new Date("2026-03-02T02:00:00Z");
const later = new Date("2026-03-03T05:00:00Z");

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
  photos: [{ sha256: "ab".repeat(32), mimeType: "image/jpeg", size: 10 }],
  createdAt: now,
});

describe.each(storeCases())("conversation store on $name", ({ open }) => {
  let store: Store;
  let sql: SqlPool;
  afterEach(async () => {
    await sql?.close();
    await store?.db.$disconnect();
  });

  /** A database with a desa, a kamus entry and two residents, R1 (Telegram) and R2 (WhatsApp). */
  async function openWithTwoResidents() {
    store = await open();
    sql = openSql(store.url);
    await seedRegionAndKamus(store);
    await registerResident(sql, "R1", "telegram", "42", now);
    await registerResident(sql, "R2", "whatsapp", "62811@c.us", now);
  }

  it("records inbound messages once and saves conversation state", async () => {
    store = await open();
    sql = openSql(store.url);
    const m = { channel: "telegram", messageId: "t1", chatId: "42", kind: "text" };
    expect(await recordInbound(sql, m, now)).toEqual(expect.any(Number));
    expect(await recordInbound(sql, m, now)).toBeUndefined();
    // The same message id in another chat is another message.
    expect(await recordInbound(sql, { ...m, chatId: "43" }, now)).toEqual(expect.any(Number));
    expect(await loadConversation(sql, "telegram", "42")).toEqual({ exists: false });
    await saveConversation(sql, { channel: "telegram", chatId: "42" }, { version: 2 }, false, now);
    await saveConversation(
      sql,
      { channel: "telegram", chatId: "42" },
      { version: 2, phase: "idle" } as { version: number },
      true,
      now,
    );
    expect(await loadConversation(sql, "telegram", "42")).toEqual({
      json: '{"version":2,"phase":"idle"}',
      exists: true,
    });
    const row = await store.db.conversation.findFirstOrThrow();
    expect(row.updatedAt.toISOString()).toBe(now.toISOString());
  });

  it("enqueues replies the delivery worker can claim and mark", async () => {
    store = await open();
    sql = openSql(store.url);
    await enqueue(
      sql,
      [1, 2].map((i) => ({ channel: "telegram" as const, chatId: "42", text: `balasan ${i}` })),
      now,
    );
    await enqueue(sql, [{ channel: "web", chatId: "w", text: "web" }], now, { sent: true });
    const queue = createOutboxQueue(store.db);
    const due = await queue.claimDue("telegram", now, 10);
    expect(due.map((r) => (JSON.parse(r.payload as string) as { text: string }).text)).toEqual([
      "balasan 1",
      "balasan 2",
    ]);
    expect(await queue.claimDue("telegram", now, 10)).toEqual([]); // leased
    await queue.markSent(due[0]!.id, now);
    await queue.markFailed(due[1]!.id, "blocked by user", true);
    const rows = await store.db.outboxMessage.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => r.status)).toEqual(["SENT", "FAILED", "SENT"]);
  });

  it("creates proposals, supports, lookups, anonymisation", async () => {
    await openWithTwoResidents();
    await setResidentName(sql, "R1", "Ani");
    await createProposal(sql, proposal("U26-7K3Q", "R1"));
    await addSupport(sql, "U26-7K3Q", "R2", now);
    await addSupport(sql, "U26-7K3Q", "R2", now);
    const p = await store.db.proposal.findUniqueOrThrow({
      where: { code: "U26-7K3Q" },
      include: { events: true, attachments: true, kamusEntry: true },
    });
    expect(p).toMatchObject({
      status: "DIAJUKAN",
      kamusNoMatch: false,
      volume: 300,
      proposerName: "Ani",
      searchText: "jalan rusak rabat beton",
    });
    expect(p.kamusEntry?.kode).toBe("MLG23-064");
    expect(p.createdAt.toISOString()).toBe(now.toISOString());
    expect(p.events.map((e) => e.toStatus)).toEqual(["DIAJUKAN"]);
    expect(p.attachments).toHaveLength(1);

    const lookups = proposalLookups(sql);
    expect(await lookups.countProposalsSince("R1", new Date("2026-01-01T00:00:00Z"))).toBe(1);
    expect(await lookups.countProposalsSince("R1", new Date("2026-03-03T00:00:00Z"))).toBe(0);
    expect(await lookups.codeTaken("U26-7K3Q")).toBe(true);
    expect(await lookups.proposalByCode("u26-7k3q", "R2")).toMatchObject({
      code: "U26-7K3Q",
      supporters: 1,
      supportedByResident: true,
      villageName: "Sukamaju",
      title: "Rabat Beton",
    });
    expect((await lookups.residentProposals("R1")).map((b) => b.code)).toEqual(["U26-7K3Q"]);
    const similar = {
      villageCode: "3216150001",
      kamusKode: "MLG23-064",
      rt: "03",
      rw: "05",
      text: "jalan rusak",
      excludeResidentId: "R2",
    };
    expect((await lookups.findSimilar(similar))?.code).toBe("U26-7K3Q");
    expect(await lookups.findSimilar({ ...similar, excludeResidentId: "R1" })).toBeUndefined();
    expect(await lookups.findSimilar({ ...similar, rt: "09", rw: "01", text: "lain sekali" })).toBeUndefined();

    const feb = new Date("2026-02-01T00:00:00Z");
    expect(await lookups.intakeWindow(feb)).toBeUndefined();
    await store.db.cycle.create({
      data: { year: 2026, opensAt: new Date("2026-01-05T00:00:00Z"), closesAt: new Date("2026-02-28T16:59:59Z") },
    });
    await store.db.cycle.create({
      data: { year: 2027, opensAt: new Date("2027-01-04T00:00:00Z"), closesAt: new Date("2027-02-28T16:59:59Z") },
    });
    expect(await lookups.intakeWindow(feb)).toMatchObject({ year: 2026, closesAt: new Date("2026-02-28T16:59:59Z") });
    // After one window closed, the next one to open is what a resident needs to hear about.
    expect(await lookups.intakeWindow(new Date("2026-06-01T00:00:00Z"))).toMatchObject({
      year: 2027,
      opensAt: new Date("2027-01-04T00:00:00Z"),
    });

    await anonymizeResident(sql, "R1", now);
    expect(await store.db.resident.findUniqueOrThrow({ where: { id: "R1" } })).toMatchObject({ name: null });
    expect(await store.db.channelIdentity.count({ where: { residentId: "R1" } })).toBe(0);
    expect((await store.db.proposal.findUniqueOrThrow({ where: { code: "U26-7K3Q" } })).proposerName).toBeNull();
  });

  it("withdraws a proposal only for its proposer and only while DIAJUKAN", async () => {
    await openWithTwoResidents();
    await createProposal(sql, proposal("U26-7K3Q", "R1"));
    await createProposal(sql, proposal("U26-8M4R", "R1"));
    await store.db.proposal.update({ where: { code: "U26-8M4R" }, data: { status: "DIVERIFIKASI" } });
    const lookups = proposalLookups(sql);
    expect(await lookups.proposalByCode("U26-7K3Q", "R1")).toMatchObject({ withdrawable: true });
    expect(await lookups.proposalByCode("U26-8M4R", "R1")).toMatchObject({ withdrawable: false });

    // Another resident's code, or a proposal an officer has checked: nothing changes.
    expect(await withdrawProposal(sql, "U26-7K3Q", "R2", now)).toBe(false);
    expect(await withdrawProposal(sql, "U26-8M4R", "R1", now)).toBe(false);
    expect(await withdrawProposal(sql, "U26-7K3Q", "R1", later)).toBe(true);
    expect(await withdrawProposal(sql, "U26-7K3Q", "R1", later)).toBe(false);

    const rows = await store.db.proposal.findMany({
      include: { events: { orderBy: { id: "asc" } } },
      orderBy: { code: "asc" },
    });
    expect(rows.map((r) => [r.code, r.status])).toEqual([
      ["U26-7K3Q", "DITARIK"],
      ["U26-8M4R", "DIVERIFIKASI"],
    ]);
    expect(rows[0]!.updatedAt.toISOString()).toBe(later.toISOString());
    expect(rows[0]!.events.map((e) => [e.actorType, e.fromStatus, e.toStatus])).toEqual([
      ["resident", null, "DIAJUKAN"],
      ["resident", "DIAJUKAN", "DITARIK"],
    ]);
    expect(await lookups.proposalByCode("U26-7K3Q", "R1")).toMatchObject({ status: "DITARIK", withdrawable: false });
    // The history a proposer sees: when, from which status to which, the reason; no actor.
    const proposalId = (await store.db.proposal.findUniqueOrThrow({ where: { code: "U26-8M4R" } })).id;
    await store.db.proposalEvent.createMany({
      data: [
        {
          proposalId,
          actorType: "officer",
          actorId: "petugas.ani",
          fromStatus: "DIAJUKAN" as const,
          toStatus: "DIVERIFIKASI" as const,
        },
        {
          proposalId,
          actorType: "officer",
          kind: "correct",
          fromStatus: "DIVERIFIKASI" as const,
          toStatus: "DIVERIFIKASI" as const,
        },
      ].map((e, i) => ({ ...e, reason: i === 0 ? "Lokasi sudah dicek" : null, createdAt: later })),
    });
    expect(await lookups.statusHistory("U26-7K3Q")).toEqual([
      { at: now, from: null, to: "DIAJUKAN", reason: null },
      { at: later, from: "DIAJUKAN", to: "DITARIK", reason: null },
    ]);
    expect(await lookups.statusHistory("u26-8m4r")).toEqual([
      { at: now, from: null, to: "DIAJUKAN", reason: null },
      { at: later, from: "DIAJUKAN", to: "DIVERIFIKASI", reason: "Lokasi sudah dicek" },
    ]);
  });

  it("adds a photo to a stored proposal only for its proposer, once", async () => {
    await openWithTwoResidents();
    await createProposal(sql, proposal("U26-7K3Q", "R1"));
    const photo = { sha256: "cd".repeat(32), mimeType: "image/png", size: 20, fileName: "gang.png" };
    expect(await addProposalPhoto(sql, "U26-7K3Q", "R2", photo, later)).toBe(false);
    expect(await addProposalPhoto(sql, "U26-7K3Q", "R1", photo, later)).toBe(true);
    expect(await addProposalPhoto(sql, "U26-7K3Q", "R1", photo, later)).toBe(false);
    const p = await store.db.proposal.findUniqueOrThrow({
      where: { code: "U26-7K3Q" },
      include: { attachments: { orderBy: { id: "asc" } } },
    });
    expect(p.attachments.map((a) => [a.sha256.slice(0, 4), a.mimeType, a.originalName])).toEqual([
      ["abab", "image/jpeg", null],
      ["cdcd", "image/png", "gang.png"],
    ]);
    expect(await proposalLookups(sql).proposalByCode("U26-7K3Q", "R1")).toMatchObject({ photos: 2 });
  });
});
