// What the public may see of proposals, regions and forums: the one place the public pages and Open311 read
// the database. Every query names its fields (`select`), so a proposer's name, chat id, phone number, the
// resident's own words and an unpublished pin can never reach a public response by accident.
import type { Db, ProposalStatus } from "../store/client.ts";

/** One proposal as the public sees it (no person, no raw text, the pin only when published). */
export interface PublicProposal {
  code: string;
  status: ProposalStatus;
  village: { code: string; name: string; kemendagriCode: string | null };
  district: { code: string; name: string };
  rt: string | null;
  rw: string | null;
  kamus: { kode: string; nama: string; agency: string | null } | null;
  volume: number | null;
  unit: string | null;
  estimatedCost: number | null;
  supporters: number;
  rank: number | null;
  /** The officer-approved public wording of the problem, or null. */
  publicProblem: string | null;
  /** Only when an officer published the pin. */
  location: { latitude: number; longitude: number } | null;
  mergedInto: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The fields read for a PublicProposal; nothing else is ever selected. */
export const publicSelect = {
  code: true,
  status: true,
  rt: true,
  rw: true,
  volume: true,
  unit: true,
  estimatedCost: true,
  rank: true,
  publicProblem: true,
  publishLocation: true,
  latitude: true,
  longitude: true,
  createdAt: true,
  updatedAt: true,
  village: {
    select: { code: true, name: true, kemendagriCode: true, district: { select: { code: true, name: true } } },
  },
  kamusEntry: { select: { kode: true, nama: true, agency: true } },
  mergedInto: { select: { code: true } },
  _count: { select: { supports: true } },
} as const;

type Row = {
  code: string;
  status: ProposalStatus;
  rt: string | null;
  rw: string | null;
  volume: number | null;
  unit: string | null;
  estimatedCost: number | null;
  rank: number | null;
  publicProblem: string | null;
  publishLocation: boolean;
  latitude: number | null;
  longitude: number | null;
  createdAt: Date;
  updatedAt: Date;
  village: {
    code: string;
    name: string;
    kemendagriCode: string | null;
    district: { code: string; name: string };
  };
  kamusEntry: { kode: string; nama: string; agency: string | null } | null;
  mergedInto: { code: string } | null;
  _count: { supports: number };
};

/** A selected row as a PublicProposal. */
export function toPublic(row: Row): PublicProposal {
  const pinned = row.publishLocation && row.latitude !== null && row.longitude !== null;
  return {
    code: row.code,
    status: row.status,
    village: { code: row.village.code, name: row.village.name, kemendagriCode: row.village.kemendagriCode },
    district: { code: row.village.district.code, name: row.village.district.name },
    rt: row.rt,
    rw: row.rw,
    kamus: row.kamusEntry,
    volume: row.volume,
    unit: row.unit,
    estimatedCost: row.estimatedCost,
    supporters: row._count.supports,
    rank: row.rank,
    publicProblem: row.publicProblem,
    location: pinned ? { latitude: row.latitude!, longitude: row.longitude! } : null,
    mergedInto: row.mergedInto?.code ?? null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The cycle a page shows: the asked year, else the latest cycle that has opened; null when there is none. */
export interface PublicCycle {
  id: number;
  year: number;
}

/** Every cycle (newest first) and the one to show for `year` (undefined: the latest opened one). */
export async function pickCycle(
  db: Db,
  year: number | undefined,
  now: Date,
): Promise<{ cycles: PublicCycle[]; cycle: PublicCycle | null }> {
  const cycles = await db.cycle.findMany({
    select: { id: true, year: true, opensAt: true },
    orderBy: { year: "desc" },
  });
  const list = cycles.map(({ id, year }) => ({ id, year }));
  if (year !== undefined) return { cycles: list, cycle: list.find((c) => c.year === year) ?? null };
  const opened = cycles.find((c) => c.opensAt <= now) ?? cycles[cycles.length - 1];
  return { cycles: list, cycle: opened ? { id: opened.id, year: opened.year } : null };
}

/** Proposals of a cycle (null cycle: every proposal, for a store without cycles), in list order. */
export async function proposalsWhere(
  db: Db,
  where: { villageCode?: string; districtCode?: string },
  cycle: PublicCycle | null,
): Promise<PublicProposal[]> {
  const rows = await db.proposal.findMany({
    where: {
      ...(where.villageCode ? { villageCode: where.villageCode } : {}),
      ...(where.districtCode ? { village: { districtCode: where.districtCode } } : {}),
      ...(cycle ? { cycleId: cycle.id } : {}),
    },
    select: publicSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map(toPublic);
}

/** A desa by BPS or Kemendagri code, with its kecamatan. */
export async function findVillage(db: Db, code: string) {
  return db.village.findFirst({
    where: { OR: [{ code }, { kemendagriCode: code }] },
    select: { code: true, name: true, kemendagriCode: true, district: { select: { code: true, name: true } } },
  });
}

/** A kecamatan by BPS or Kemendagri code, with its desa. */
export async function findDistrict(db: Db, code: string) {
  return db.district.findFirst({
    where: { OR: [{ code }, { kemendagriCode: code }] },
    select: {
      code: true,
      name: true,
      kemendagriCode: true,
      villages: { select: { code: true, name: true, active: true }, orderBy: { name: "asc" } },
    },
  });
}

/** One proposal by code (case-insensitive: residents type "u26-7k3q"). */
export async function findProposal(db: Db, code: string): Promise<PublicProposal | null> {
  const row = await db.proposal.findUnique({ where: { code: code.trim().toUpperCase() }, select: publicSelect });
  return row ? toPublic(row) : null;
}

/** A proposal's status history for the public: dates and statuses only (reasons and actors stay inside). */
export async function statusHistory(db: Db, code: string): Promise<{ status: ProposalStatus; at: Date }[]> {
  const events = await db.proposalEvent.findMany({
    where: { proposal: { code } },
    select: { toStatus: true, createdAt: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return events.map((e) => ({ status: e.toStatus, at: e.createdAt }));
}

/** A locked forum's public record: agreed items by rank, the rest with the forum's reason, counts by element. */
export interface PublicForum {
  id: number;
  year: number;
  lockedAt: Date;
  agreed: { code: string; rank: number | null }[];
  notAgreed: { code: string; reason: string | null }[];
  elements: { element: string; count: number }[];
  changes: { at: Date; code: string | null; reason: string }[];
}

/** The locked forum of a desa ("DESA") or kecamatan ("KECAMATAN") in a cycle; null before it is locked. */
export async function lockedForum(
  db: Db,
  level: "DESA" | "KECAMATAN",
  regionCode: string,
  cycle: PublicCycle | null,
): Promise<PublicForum | null> {
  if (!cycle) return null;
  const forum = await db.forum.findFirst({
    where: { cycleId: cycle.id, level, regionCode, lockedAt: { not: null } },
    select: {
      id: true,
      lockedAt: true,
      items: {
        select: { agreed: true, reason: true, rank: true, position: true, proposal: { select: { code: true } } },
        orderBy: { position: "asc" },
      },
      participants: { select: { element: true } },
      changes: { select: { createdAt: true, proposalCode: true, reason: true }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!forum?.lockedAt) return null;
  const counts = new Map<string, number>();
  for (const p of forum.participants) counts.set(p.element, (counts.get(p.element) ?? 0) + 1);
  return {
    id: forum.id,
    year: cycle.year,
    lockedAt: forum.lockedAt,
    agreed: forum.items
      .filter((i) => i.agreed)
      .map((i) => ({ code: i.proposal.code, rank: i.rank }))
      .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity)),
    notAgreed: forum.items.filter((i) => !i.agreed).map((i) => ({ code: i.proposal.code, reason: i.reason })),
    elements: [...counts].map(([element, count]) => ({ element, count })),
    changes: forum.changes.map((c) => ({ at: c.createdAt, code: c.proposalCode, reason: c.reason })),
  };
}

/** Count and estimated cost per agency (OPD), largest cost first; proposals without a kamus entry last. */
export function perAgency(
  proposals: PublicProposal[],
  unknown: string,
): { agency: string; count: number; cost: number }[] {
  const groups = new Map<string, { agency: string; count: number; cost: number }>();
  for (const p of proposals) {
    if (p.status === "DITOLAK" || p.status === "DIGABUNG" || p.status === "DITARIK") continue;
    const agency = p.kamus?.agency ?? unknown;
    const g = groups.get(agency) ?? { agency, count: 0, cost: 0 };
    g.count++;
    g.cost += p.estimatedCost ?? 0;
    groups.set(agency, g);
  }
  return [...groups.values()].sort(
    (a, b) => Number(a.agency === unknown) - Number(b.agency === unknown) || b.cost - a.cost || b.count - a.count,
  );
}
