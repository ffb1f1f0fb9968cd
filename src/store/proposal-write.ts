// Writing proposals from the conversation: create one (with its first audit event and photos), add support,
// and the read questions a turn asks (see src/engine/context.ts Lookups).
import type { CreateProposal } from "../engine/effects.ts";
import type { Lookups, ProposalBrief, SimilarQuery } from "../engine/context.ts";
import type { Tx } from "./client.ts";
import { linkAttachments } from "./attachments.ts";
import { searchForm } from "./search.ts";

/** Statuses in which a proposal can still gather support. */
const OPEN_STATUSES = ["DIAJUKAN", "DIVERIFIKASI", "DISEPAKATI", "DITERUSKAN"] as const;

/** Stores a new proposal with a DIAJUKAN event; returns its id. */
export async function createProposal(db: Tx, p: CreateProposal["proposal"]): Promise<number> {
  const entry = p.kamusKode ? await db.kamusEntry.findUnique({ where: { kode: p.kamusKode }, select: { id: true } }) : null;
  const year = p.createdAt.getUTCFullYear();
  const cycle = await db.cycle.findUnique({ where: { year }, select: { id: true } });
  const row = await db.proposal.create({
    data: {
      code: p.code,
      villageCode: p.villageCode,
      rt: p.rt ?? null,
      rw: p.rw ?? null,
      address: p.address ?? null,
      latitude: p.latitude ?? null,
      longitude: p.longitude ?? null,
      problem: p.problem,
      activity: p.activity ?? null,
      kamusEntryId: entry?.id ?? null,
      kamusNoMatch: !entry,
      volume: p.volume ?? null,
      unit: p.unit ?? null,
      estimatedCost: p.estimatedCost ?? null,
      beneficiaries: p.beneficiaries ?? null,
      proposerId: p.residentId,
      proposerName: p.proposerName ?? null,
      channel: p.channel,
      searchText: searchForm([p.problem, p.activity, p.address].filter(Boolean).join(" ")),
      cycleId: cycle?.id ?? null,
      createdAt: p.createdAt,
      events: { create: { actorType: "resident", actorId: p.residentId, toStatus: "DIAJUKAN", createdAt: p.createdAt } },
    },
    select: { id: true },
  });
  await linkAttachments(db, row.id, p.photos, p.createdAt);
  return row.id;
}

/** Adds a resident's support (once). */
export async function addSupport(db: Tx, code: string, residentId: string, now: Date): Promise<void> {
  const p = await db.proposal.findUnique({ where: { code }, select: { id: true } });
  if (!p) return;
  await db.support.upsert({
    where: { proposalId_residentId: { proposalId: p.id, residentId } },
    create: { proposalId: p.id, residentId, createdAt: now },
    update: {},
  });
}

/** Short title of a proposal for chat lists. */
function title(p: { activity: string | null; problem: string; kamusEntry?: { nama: string } | null }): string {
  const t = p.kamusEntry?.nama ?? p.activity ?? p.problem;
  return t.length > 60 ? `${t.slice(0, 57)}...` : t;
}

const briefSelect = {
  code: true, status: true, problem: true, activity: true, rt: true, rw: true, address: true, proposerId: true,
  latitude: true, longitude: true, searchText: true,
  kamusEntry: { select: { nama: true } },
  village: { select: { name: true } },
  _count: { select: { supports: true } },
} as const;

type BriefRow = {
  code: string; status: string; problem: string; activity: string | null; rt: string | null; rw: string | null;
  address: string | null; proposerId: string | null; kamusEntry: { nama: string } | null; village: { name: string };
  _count: { supports: number };
};

function brief(r: BriefRow): ProposalBrief {
  return {
    code: r.code, status: r.status, title: title(r), villageName: r.village.name, rt: r.rt, rw: r.rw,
    address: r.address, supporters: r._count.supports, proposerId: r.proposerId,
  };
}

/** Metres between two points (haversine). */
function distance(aLat: number, aLng: number, bLat: number, bLng: number): number {
  const rad = Math.PI / 180;
  const dLat = (bLat - aLat) * rad;
  const dLng = (bLng - aLng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * rad) * Math.cos(bLat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

function words(text: string): Set<string> {
  return new Set(searchForm(text).split(/[^a-z0-9]+/).filter((w) => w.length > 2));
}

/** Near: same RT/RW, within 300 m, or (without either) the same words for at least a third. */
function near(q: SimilarQuery, r: { rt: string | null; rw: string | null; latitude: number | null; longitude: number | null; searchText: string }): boolean {
  if (q.rt && q.rw && r.rt === q.rt && r.rw === q.rw) return true;
  if (q.latitude !== undefined && q.longitude !== undefined && r.latitude !== null && r.longitude !== null) {
    return distance(q.latitude, q.longitude, r.latitude, r.longitude) <= 300;
  }
  const a = words(q.text);
  const b = words(r.searchText);
  if (a.size === 0 || b.size === 0) return false;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return common / Math.min(a.size, b.size) >= 0.34 && (!q.rw || !r.rw || q.rw === r.rw);
}

/** The read questions of a turn, answered inside its transaction. */
export function proposalLookups(db: Tx): Lookups {
  return {
    countProposalsSince: (residentId, since) => db.proposal.count({ where: { proposerId: residentId, createdAt: { gte: since } } }),
    async residentProposals(residentId) {
      const rows = await db.proposal.findMany({ where: { proposerId: residentId }, select: briefSelect, orderBy: { id: "desc" }, take: 10 });
      return rows.map(brief);
    },
    async proposalByCode(code, residentId) {
      const r = await db.proposal.findUnique({ where: { code: code.toUpperCase() }, select: briefSelect });
      if (!r) return undefined;
      const b = brief(r);
      if (residentId) {
        const s = await db.support.findFirst({ where: { proposal: { code: r.code }, residentId }, select: { id: true } });
        b.supportedByResident = !!s;
      }
      return b;
    },
    async findSimilar(q) {
      const rows = await db.proposal.findMany({
        where: {
          villageCode: q.villageCode,
          kamusEntry: { kode: q.kamusKode },
          status: { in: [...OPEN_STATUSES] },
          OR: [{ proposerId: null }, { proposerId: { not: q.excludeResidentId } }],
        },
        select: briefSelect,
        orderBy: { id: "asc" },
        take: 50,
      });
      const hit = rows.find((r) => near(q, r));
      return hit ? brief(hit) : undefined;
    },
    codeTaken: async (code) => (await db.proposal.count({ where: { code } })) > 0,
  };
}
