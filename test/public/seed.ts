// A small kabupaten with recognisable personal data in every place it can hide (names, phone numbers, chat
// ids, residents' own words, addresses, unpublished pins, forum participants), for the public-page tests.
import type { Store } from "../../src/store/client.ts";

/** Strings that must never appear in a public page or Open311 response. */
export const secrets = [
  "Darto Sulistyo", // proposer name on the proposal
  "Sutarjo Wibisono", // resident name
  "Wartini Supardi", // supporter
  "6281234567890", // WhatsApp chat id / phone
  "081234567890", // phone number in the resident's text
  "987654321012", // Telegram chat id
  "rumah Pak Darto", // address detail
  "Ibu Kades Ratnasari", // forum participant name
  "-6.2345678", // unpublished pin
  "106.9876543",
  "tukang ojek pangkalan", // the resident's own words (not approved)
];

/** The seeded codes, e.g. `{ village: "3216140001", ... }`. */
export const seeded = {
  district: "3216140",
  village: "3216140001",
  otherVillage: "3216140002",
  year: 2026,
  /** Agreed and ranked 1 at the locked forum, public wording approved. */
  agreed: "U26-AAAA",
  /** Not agreed at the forum. */
  notAgreed: "U26-BBBB",
  /** Only submitted; its problem text holds a script. */
  script: "U26-CCCC",
  /** In the other desa, pin published. */
  pinned: "U26-DDDD",
  scriptText: `<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">`,
};

/** Fills `store` with two desa, a kamus, a cycle, four proposals, supporters, events and a locked forum. */
export async function seedPublic(store: Store, now = new Date()): Promise<void> {
  const db = store.db;
  await db.district.create({
    data: { code: seeded.district, name: "Sukakarya", searchName: "sukakarya", kemendagriCode: "32.16.14" },
  });
  await db.village.createMany({
    data: [
      {
        code: seeded.village,
        name: "Sukamakmur",
        searchName: "sukamakmur",
        districtCode: seeded.district,
        kemendagriCode: "32.16.14.2003",
      },
      { code: seeded.otherVillage, name: "Sukajadi", searchName: "sukajadi", districtCode: seeded.district },
    ],
  });
  const jalan = await db.kamusEntry.create({
    data: {
      kode: "K-001",
      nama: "Rabat beton jalan lingkungan",
      agency: "Dinas Pekerjaan Umum dan Penataan Ruang",
      unit: "m",
      unitPrice: 350000,
      searchText: "rabat beton jalan lingkungan",
    },
  });
  const pju = await db.kamusEntry.create({
    data: {
      kode: "K-002",
      nama: "Penerangan jalan umum",
      agency: "Dinas Perhubungan",
      unit: "titik",
      unitPrice: 7500000,
      searchText: "penerangan jalan umum",
    },
  });
  await db.kamusEntry.create({
    data: { kode: "K-OLD", nama: "Entri lama", agency: "Dinas Lama", searchText: "entri lama", active: false },
  });
  const cycle = await db.cycle.create({
    data: {
      year: seeded.year,
      opensAt: new Date(now.getTime() - 30 * 86400_000),
      closesAt: new Date(now.getTime() + 30 * 86400_000),
    },
  });
  const resident = await db.resident.create({
    data: {
      id: "res-1",
      name: "Sutarjo Wibisono",
      consentAt: now,
      identities: {
        create: [
          { channel: "whatsapp", externalId: "6281234567890@c.us" },
          { channel: "telegram", externalId: "987654321012" },
        ],
      },
    },
  });
  const supporter = await db.resident.create({ data: { id: "res-2", name: "Wartini Supardi", consentAt: now } });
  const base = {
    villageCode: seeded.village,
    rt: "03",
    rw: "05",
    address: "depan rumah Pak Darto no 12",
    latitude: -6.2345678,
    longitude: 106.9876543,
    proposerId: resident.id,
    proposerName: "Darto Sulistyo",
    channel: "whatsapp",
    cycleId: cycle.id,
    createdAt: now,
  };
  const problem =
    "Saya Darto Sulistyo ketua RT 03, hp 081234567890, jalan depan rumah Pak Darto rusak, tukang ojek pangkalan sering jatuh";
  const agreed = await db.proposal.create({
    data: {
      ...base,
      code: seeded.agreed,
      status: "DISEPAKATI",
      problem,
      activity: "rabat beton",
      kamusEntryId: jalan.id,
      volume: 200,
      unit: "m",
      estimatedCost: 70_000_000,
      rank: 1,
      searchText: problem.toLowerCase(),
      publicProblem: "Jalan lingkungan RT 03 rusak berlubang dan licin saat hujan.",
      publicProblemBy: "desa.sukamakmur",
      publicProblemAt: now,
    },
  });
  const notAgreed = await db.proposal.create({
    data: {
      ...base,
      code: seeded.notAgreed,
      status: "DIVERIFIKASI",
      problem,
      kamusEntryId: pju.id,
      volume: 4,
      unit: "titik",
      estimatedCost: 30_000_000,
      searchText: "x",
    },
  });
  await db.proposal.create({
    data: {
      ...base,
      code: seeded.script,
      problem: `${seeded.scriptText} Darto Sulistyo`,
      kamusEntryId: jalan.id,
      volume: 50,
      unit: "m",
      estimatedCost: 17_500_000,
      searchText: "x",
      publicProblem: `Saluran tersumbat ${seeded.scriptText}`,
      publicProblemBy: "desa.sukamakmur",
      publicProblemAt: now,
    },
  });
  await db.proposal.create({
    data: {
      ...base,
      villageCode: seeded.otherVillage,
      code: seeded.pinned,
      problem,
      kamusEntryId: pju.id,
      volume: 2,
      unit: "titik",
      estimatedCost: 15_000_000,
      searchText: "x",
      latitude: -6.3,
      longitude: 107.1,
      publishLocation: true,
    },
  });
  await db.support.create({ data: { proposalId: agreed.id, residentId: supporter.id } });
  await db.proposalEvent.createMany({
    data: [
      { proposalId: agreed.id, actorType: "resident", actorId: resident.id, toStatus: "DIAJUKAN" },
      {
        proposalId: agreed.id,
        actorType: "officer",
        actorId: "desa.sukamakmur",
        fromStatus: "DIAJUKAN",
        toStatus: "DIVERIFIKASI",
        reason: "dicek bersama Darto Sulistyo",
      },
      {
        proposalId: agreed.id,
        actorType: "officer",
        actorId: "desa.sukamakmur",
        fromStatus: "DIVERIFIKASI",
        toStatus: "DISEPAKATI",
      },
    ],
  });
  await db.forum.create({
    data: {
      cycleId: cycle.id,
      level: "DESA",
      regionCode: seeded.village,
      heldAt: now,
      place: "Balai Desa Sukamakmur",
      lockedAt: now,
      lockedBy: "desa.sukamakmur",
      items: {
        create: [
          { proposalId: agreed.id, position: 1, agreed: true, rank: 1 },
          { proposalId: notAgreed.id, position: 2, agreed: false, reason: "Sudah dianggarkan provinsi tahun ini." },
        ],
      },
      participants: {
        create: [
          { name: "Ibu Kades Ratnasari", element: "Kepala Desa" },
          { name: "Pak Slamet", element: "BPD" },
          { name: "Bu Tini", element: "BPD" },
        ],
      },
      changes: {
        create: [
          {
            proposalCode: seeded.notAgreed,
            actorId: "admin",
            reason: "Volume dikoreksi sesuai survei.",
            detail: "{}",
          },
        ],
      },
    },
  });
}
