// Forum test data: a 2027 cycle and verified proposals in given desa, each from its own resident (reachable on
// the web channel) with varied supporters, beneficiaries and costs, so scores differ and notices can be read.
import type { Store } from "../../src/store/client.ts";
import type { ForumActor } from "../../src/forum/forum-actor.ts";
import { storeCases } from "../support/stores.ts";
import { seed, seededSqlite } from "../host/harness.ts";

export const YEAR = 2027;
/** Inside the 2027 intake window. */
export const NOW = new Date("2027-03-10T03:00:00Z");

export const admin: ForumActor = { username: "admin", role: "ADMIN", regionCode: null };
export const villageOfficer = (code: string): ForumActor => ({
  username: `desa.${code}`,
  role: "VILLAGE",
  regionCode: code,
});
export const districtOfficer = (code: string): ForumActor => ({
  username: `kec.${code}`,
  role: "DISTRICT",
  regionCode: code,
});

/** Seeded stores (sample regions and kamus): SQLite always, PostgreSQL with TEST_DATABASE_URL. */
export function seededCases(): { name: string; open: () => Promise<Store> }[] {
  return storeCases().map((c) => ({
    name: c.name,
    open: async () => {
      if (c.name === "sqlite") return seededSqlite();
      const store = await c.open();
      await seed(store);
      return store;
    },
  }));
}

const KAMUS = ["MLG23-064", "MLG23-001", "MLG23-002", "MLG23-065", "MLG23-010", "MLG23-020"];

/** Creates the cycle (once) and `count` DIVERIFIKASI proposals in `villageCode`; returns their codes in creation order. */
export async function seedProposals(store: Store, villageCode: string, count: number, prefix = "A"): Promise<string[]> {
  const db = store.db;
  const cycle = await db.cycle.upsert({
    where: { year: YEAR },
    create: { year: YEAR, opensAt: new Date("2027-01-03T17:00:00Z"), closesAt: new Date("2027-02-28T16:59:59Z") },
    update: {},
  });
  const kamus = await db.kamusEntry.findMany({ where: { kode: { in: KAMUS } } });
  const codes: string[] = [];
  for (let i = 0; i < count; i++) {
    const code = `U27-${prefix}${String(i + 1).padStart(3, "0")}`;
    const residentId = `${prefix}-${villageCode}-${i}`;
    await db.resident.create({ data: { id: residentId, name: `Sutrisno Wibowo ${prefix}${i}`, consentAt: NOW } });
    await db.channelIdentity.create({ data: { channel: "web", externalId: `chat-${residentId}`, residentId } });
    const entry = kamus[i % kamus.length]!;
    const volume = 10 + i * 5;
    const p = await db.proposal.create({
      data: {
        code,
        status: "DIVERIFIKASI",
        villageCode,
        rt: String((i % 9) + 1).padStart(2, "0"),
        rw: String((i % 4) + 1).padStart(2, "0"),
        address: `Gang Melati ${i + 1}`,
        latitude: -6.2 - i / 1000,
        longitude: 107.1 + i / 1000,
        problem: `Masalah nomor ${i + 1} di lingkungan kami`,
        activity: entry.nama,
        kamusEntryId: entry.id,
        volume,
        unit: entry.unit,
        estimatedCost: entry.unitPrice ? volume * entry.unitPrice : null,
        beneficiaries: 20 + ((i * 37) % 200),
        proposerId: residentId,
        proposerName: `Sutrisno Wibowo ${prefix}${i}`,
        channel: "web",
        searchText: `masalah ${i}`,
        cycleId: cycle.id,
        createdAt: new Date(Date.UTC(2027, 0, 5 + i)),
      },
    });
    // Supporters: (i * 7) % 5 other residents.
    for (let s = 0; s < (i * 7) % 5; s++) {
      const sid = `${residentId}-s${s}`;
      await db.resident.create({ data: { id: sid, consentAt: NOW } });
      await db.support.create({ data: { proposalId: p.id, residentId: sid } });
    }
    codes.push(code);
  }
  return codes;
}
