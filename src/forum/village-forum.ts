// A desa's Musrenbang forum of one cycle: opened on first visit with the verified proposals in the suggested
// order, kept in step with later verifications until it is locked, and read as one view for the page and PDF.
import { Refusal } from "../refusal.ts";
import type { Db, Prisma, Tx } from "../store/client.ts";
import { defaultForumData, forumText, type ForumData } from "./forum-data.ts";
import { reachesVillage, type ForumActor } from "./forum-actor.ts";
import { scoreProposals, type ScoreFactor } from "./score.ts";

/** One row of a forum's list with what the page, the PDF and the export need. */
export interface ForumRow {
  itemId: number;
  proposalId: number;
  code: string;
  status: string;
  position: number;
  agreed: boolean;
  reason: string | null;
  agreedVolume: number | null;
  rank: number | null;
  village: { code: string; name: string };
  kamus: {
    kode: string;
    nama: string;
    agency: string | null;
    unit: string | null;
    unitPrice: number | null;
    subKegiatanCode: string | null;
    subKegiatan: string | null;
    program: string | null;
    kegiatan: string | null;
    urusan: string | null;
  } | null;
  activity: string | null;
  problem: string;
  rt: string | null;
  rw: string | null;
  volume: number | null;
  unit: string | null;
  estimatedCost: number | null;
  beneficiaries: number | null;
  supporters: number;
  createdAt: Date;
  score: number;
  factors: ScoreFactor[];
  /** Place in the suggested (score) order, 1 = first. */
  suggested: number;
}

/** A forum with its list, participants and later changes, e.g. for `/dashboard/forum/3216060005/2027`. */
export interface ForumView {
  id: number;
  level: "DESA" | "KECAMATAN";
  year: number;
  region: { code: string; name: string; kemendagriCode: string | null };
  district: { code: string; name: string };
  heldAt: Date | null;
  place: string | null;
  notes: string | null;
  lockedAt: Date | null;
  lockedBy: string | null;
  forwardedAt: Date | null;
  rows: ForumRow[];
  participants: { id: number; name: string; element: string; delegate: boolean }[];
  changes: { createdAt: Date; proposalCode: string | null; actorId: string; reason: string; detail: string }[];
}

const rowInclude = {
  proposal: {
    include: {
      kamusEntry: true,
      village: { select: { code: true, name: true } },
      _count: { select: { supports: true } },
    },
  },
} satisfies Prisma.ForumItemInclude;
type ItemRow = Prisma.ForumItemGetPayload<{ include: typeof rowInclude }>;

/** The cycle of `year`; a Refusal telling the officer to ask the admin when it is not set. */
export async function cycleOfYear(db: Db | Tx, year: number, data: ForumData = defaultForumData()) {
  const cycle = Number.isInteger(year) ? await db.cycle.findUnique({ where: { year } }) : null;
  if (!cycle) throw new Refusal(404, forumText(data, "refuse.no_cycle", { year }));
  return cycle;
}

/** Proposals of a cycle: those stored with it, or (no cycle set when they came) made in its calendar year. */
export function inCycle(cycle: { id: number; year: number }): Prisma.ProposalWhereInput {
  return {
    OR: [
      { cycleId: cycle.id },
      {
        cycleId: null,
        createdAt: { gte: new Date(Date.UTC(cycle.year, 0, 1)), lt: new Date(Date.UTC(cycle.year + 1, 0, 1)) },
      },
    ],
  };
}

/**
 * Opens (or brings up to date) the desa's forum for `year` and returns its view. 404 for a desa outside the
 * officer's area or unknown, and for a year without a cycle. Until locked, newly verified proposals join at the
 * end in score order and proposals that left DIVERIFIKASI leave the list.
 */
export async function openVillageForum(
  db: Db,
  actor: ForumActor,
  villageCode: string,
  year: number,
  now: Date,
  data: ForumData = defaultForumData(),
): Promise<ForumView> {
  const village = await db.village.findUnique({ where: { code: villageCode }, include: { district: true } });
  if (!village || !reachesVillage(actor, village))
    throw new Refusal(404, `Desa ${villageCode} tidak ditemukan di wilayah Bapak/Ibu.`);
  return openForum(db, "DESA", village.code, year, now, data, (tx, forumId, cycle) =>
    syncItems(tx, forumId, village.code, cycle, now, data),
  );
}

/**
 * The forum of a region at `level` in the cycle of `year`, created on first use; until it is locked, `sync`
 * brings its list up to date in the same transaction. Returns its view. The caller checks the region first.
 */
export async function openForum(
  db: Db,
  level: "DESA" | "KECAMATAN",
  regionCode: string,
  year: number,
  now: Date,
  data: ForumData,
  sync: (tx: Tx, forumId: number, cycle: { id: number; year: number }) => Promise<void>,
): Promise<ForumView> {
  const cycle = await cycleOfYear(db, year, data);
  const forumId = await db.$transaction(async (tx) => {
    const forum = await tx.forum.upsert({
      where: { cycleId_level_regionCode: { cycleId: cycle.id, level, regionCode } },
      create: { cycleId: cycle.id, level, regionCode, createdAt: now },
      update: {},
    });
    if (!forum.lockedAt) await sync(tx, forum.id, cycle);
    return forum.id;
  });
  return loadForumView(db, forumId, now, data);
}

async function syncItems(
  tx: Tx,
  forumId: number,
  villageCode: string,
  cycle: { id: number; year: number },
  now: Date,
  data: ForumData,
): Promise<void> {
  const items = await tx.forumItem.findMany({
    where: { forumId },
    include: { proposal: { select: { status: true } } },
    orderBy: { position: "asc" },
  });
  const gone = items.filter((i) => i.proposal.status !== "DIVERIFIKASI").map((i) => i.id);
  if (gone.length) await tx.forumItem.deleteMany({ where: { id: { in: gone } } });
  const present = new Set(items.map((i) => i.proposalId));
  const fresh = await tx.proposal.findMany({
    where: { villageCode, status: "DIVERIFIKASI", id: { notIn: [...present] }, AND: [inCycle(cycle)] },
    select: { id: true, code: true, beneficiaries: true, estimatedCost: true, createdAt: true, _count: true },
  });
  if (!fresh.length && !gone.length) return;
  const kept = items.filter((i) => !gone.includes(i.id));
  const ordered = scoreProposals(
    fresh.map((p) => ({ ...p, supporters: p._count.supports })),
    data.weights,
    now,
  );
  // Renumber so positions stay 1..n without gaps; new rows go after the officer's order.
  for (const [i, item] of kept.entries())
    if (item.position !== i + 1) await tx.forumItem.update({ where: { id: item.id }, data: { position: i + 1 } });
  for (const [i, s] of ordered.entries())
    await tx.forumItem.create({ data: { forumId, proposalId: s.item.id, position: kept.length + i + 1 } });
}

/** Reads a forum with its rows (in list order) scored against each other. */
export async function loadForumView(
  db: Db | Tx,
  forumId: number,
  now: Date,
  data: ForumData = defaultForumData(),
): Promise<ForumView> {
  const forum = await db.forum.findUniqueOrThrow({
    where: { id: forumId },
    include: {
      cycle: true,
      items: { include: rowInclude, orderBy: { position: "asc" } },
      participants: { orderBy: { id: "asc" } },
      changes: { orderBy: { id: "asc" } },
    },
  });
  const region = await regionOf(db, forum.level as "DESA" | "KECAMATAN", forum.regionCode);
  const scored = scoreProposals(
    forum.items.map((i) => ({
      code: i.proposal.code,
      supporters: i.proposal._count.supports,
      beneficiaries: i.proposal.beneficiaries,
      estimatedCost: i.proposal.estimatedCost,
      createdAt: i.proposal.createdAt,
      item: i,
    })),
    data.weights,
    now,
  );
  const rows = scored
    .map((s, n) => toRow(s.item.item, s.score, s.factors, n + 1))
    .sort((a, b) => a.position - b.position);
  return {
    id: forum.id,
    level: forum.level as "DESA" | "KECAMATAN",
    year: forum.cycle.year,
    ...region,
    heldAt: forum.heldAt,
    place: forum.place,
    notes: forum.notes,
    lockedAt: forum.lockedAt,
    lockedBy: forum.lockedBy,
    forwardedAt: forum.forwardedAt,
    rows,
    participants: forum.participants.map(({ id, name, element, delegate }) => ({ id, name, element, delegate })),
    changes: forum.changes.map(({ createdAt, proposalCode, actorId, reason, detail }) => ({
      createdAt,
      proposalCode,
      actorId,
      reason,
      detail,
    })),
  };
}

async function regionOf(db: Db | Tx, level: "DESA" | "KECAMATAN", code: string) {
  if (level === "DESA") {
    const v = await db.village.findUniqueOrThrow({ where: { code }, include: { district: true } });
    return {
      region: { code: v.code, name: v.name, kemendagriCode: v.kemendagriCode },
      district: { code: v.district.code, name: v.district.name },
    };
  }
  const d = await db.district.findUniqueOrThrow({ where: { code } });
  return {
    region: { code: d.code, name: d.name, kemendagriCode: d.kemendagriCode },
    district: { code: d.code, name: d.name },
  };
}

function toRow(i: ItemRow, score: number, factors: ScoreFactor[], suggested: number): ForumRow {
  const p = i.proposal;
  const k = p.kamusEntry;
  return {
    itemId: i.id,
    proposalId: p.id,
    code: p.code,
    status: p.status,
    position: i.position,
    agreed: i.agreed,
    reason: i.reason,
    agreedVolume: i.agreedVolume,
    rank: i.rank,
    village: p.village,
    kamus: k
      ? {
          kode: k.kode,
          nama: k.nama,
          agency: k.agency,
          unit: k.unit,
          unitPrice: k.unitPrice,
          subKegiatanCode: k.subKegiatanCode,
          subKegiatan: k.subKegiatan,
          program: k.program,
          kegiatan: k.kegiatan,
          urusan: k.urusan,
        }
      : null,
    activity: p.activity,
    problem: p.problem,
    rt: p.rt,
    rw: p.rw,
    volume: p.volume,
    unit: p.unit,
    estimatedCost: p.estimatedCost,
    beneficiaries: p.beneficiaries,
    supporters: p._count.supports,
    createdAt: p.createdAt,
    score,
    factors,
    suggested,
  };
}

/** The volume the forum agreed (its own figure, else the resident's). */
export function rowVolume(r: Pick<ForumRow, "agreedVolume" | "volume">): number | null {
  return r.agreedVolume ?? r.volume;
}

/** Estimated cost at the agreed volume: volume × the kamus' unit price, else the proposal's estimate. */
export function rowCost(r: Pick<ForumRow, "agreedVolume" | "volume" | "kamus" | "estimatedCost">): number {
  const volume = rowVolume(r);
  if (volume !== null && r.kamus?.unitPrice) return Math.round(volume * r.kamus.unitPrice);
  return r.estimatedCost ?? 0;
}
