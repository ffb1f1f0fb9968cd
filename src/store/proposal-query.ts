// The officer's proposal list: filters as query conditions (always ANDed with the officer's scope), sorting,
// pages and counts per status. The same conditions feed the list, the counts, the exports and the charts, so
// they can never disagree. Search uses the lower-cased searchText (same on SQLite and PostgreSQL: search.ts).
import type { Db, Prisma } from "./client.ts";
import { ProposalStatus } from "./client.ts";
import { proposalScope, villageScope, type Scope } from "./scope.ts";
import { searchForm } from "./search.ts";

/** Filters as officers set them in the list's URL, e.g. `{ status: "DIAJUKAN", village: "3216010001" }`. */
export interface ProposalListFilter {
  status?: ProposalStatus;
  village?: string;
  district?: string;
  /** OPD (the kamus entry's agency), exact name. */
  agency?: string;
  /** A kamus entry's kode. */
  kamus?: string;
  /** Only proposals without a kamus entry ("belum ada jenis usulan"). */
  noKamus?: boolean;
  /** Only proposals with at least one photo. */
  withPhoto?: boolean;
  /** Created on or after / before (exclusive) these instants. */
  from?: Date;
  until?: Date;
  /** Every word in problem, activity or address, or a proposal code. */
  text?: string;
}

export type ProposalSort = "baru" | "lama" | "dukungan" | "biaya";
export const proposalSorts: readonly ProposalSort[] = ["baru", "lama", "dukungan", "biaya"];

/** The conditions for a filter inside a scope. */
export function proposalWhere(scope: Scope, f: ProposalListFilter): Prisma.ProposalWhereInput {
  const and: Prisma.ProposalWhereInput[] = [proposalScope(scope)];
  if (f.status) and.push({ status: f.status });
  if (f.village) and.push({ villageCode: f.village });
  if (f.district) and.push({ village: { districtCode: f.district } });
  if (f.agency) and.push({ kamusEntry: { agency: f.agency } });
  if (f.kamus) and.push({ kamusEntry: { kode: f.kamus } });
  if (f.noKamus) and.push({ kamusEntryId: null });
  if (f.withPhoto) and.push({ attachments: { some: {} } });
  if (f.from) and.push({ createdAt: { gte: f.from } });
  if (f.until) and.push({ createdAt: { lt: f.until } });
  const text = f.text ? searchForm(f.text) : "";
  if (text) {
    if (/^u\d{2}-[0-9a-z]{3,8}$/i.test(text)) and.push({ code: text.toUpperCase() });
    // Prisma passes % and _ to LIKE unescaped: they are dropped from the words (search.ts does the same).
    else
      for (const word of text
        .split(" ")
        .flatMap((w) => w.split(/[%_]/))
        .filter(Boolean))
        and.push({ searchText: { contains: word } });
  }
  return { AND: and };
}

export function proposalOrder(sort: ProposalSort): Prisma.ProposalOrderByWithRelationInput[] {
  switch (sort) {
    case "lama":
      return [{ createdAt: "asc" }, { id: "asc" }];
    case "dukungan":
      return [{ supports: { _count: "desc" } }, { id: "desc" }];
    case "biaya":
      return [{ estimatedCost: { sort: "desc", nulls: "last" } }, { id: "desc" }];
    default:
      return [{ createdAt: "desc" }, { id: "desc" }];
  }
}

/** One row of the list. */
export interface ProposalListRow {
  code: string;
  status: ProposalStatus;
  createdAt: Date;
  villageName: string;
  districtName: string;
  problem: string;
  kamusNama: string | null;
  agency: string | null;
  volume: number | null;
  unit: string | null;
  estimatedCost: number | null;
  supporters: number;
  photos: number;
}

/**
 * One page of the list, how many match in total and how many are in each status (ignoring the filter's
 * status). The total is taken from the counts per status (no second COUNT over the table), and supporters and
 * photos are counted for the page's rows only; only the sort by supporters has to count them for every row.
 */
export async function listProposalPage(
  db: Db,
  scope: Scope,
  filter: ProposalListFilter,
  options: { sort: ProposalSort; page: number; pageSize: number },
): Promise<{ rows: ProposalListRow[]; total: number; counts: Record<ProposalStatus, number> }> {
  const where = proposalWhere(scope, filter);
  const [counts, rows] = await Promise.all([
    countByStatus(db, scope, filter),
    db.proposal.findMany({
      where,
      orderBy: proposalOrder(options.sort),
      skip: (options.page - 1) * options.pageSize,
      take: options.pageSize,
      select: {
        id: true,
        code: true,
        status: true,
        createdAt: true,
        problem: true,
        volume: true,
        unit: true,
        estimatedCost: true,
        village: { select: { name: true, district: { select: { name: true } } } },
        kamusEntry: { select: { nama: true, agency: true } },
      },
    }),
  ]);
  const ids = { proposalId: { in: rows.map((r) => r.id) } };
  const [supports, photos] = await Promise.all([
    db.support.groupBy({ by: ["proposalId"], where: ids, _count: { _all: true } }),
    db.attachment.groupBy({ by: ["proposalId"], where: ids, _count: { _all: true } }),
  ]);
  const supporters = new Map(supports.map((g) => [g.proposalId, g._count._all]));
  const photoCount = new Map(photos.map((g) => [g.proposalId, g._count._all]));
  const all = Object.values(counts).reduce((a, b) => a + b, 0);
  return {
    total: filter.status ? counts[filter.status] : all,
    counts,
    rows: rows.map((r) => ({
      code: r.code,
      status: r.status,
      createdAt: r.createdAt,
      villageName: r.village.name,
      districtName: r.village.district.name,
      problem: r.problem,
      kamusNama: r.kamusEntry?.nama ?? null,
      agency: r.kamusEntry?.agency ?? null,
      volume: r.volume,
      unit: r.unit,
      estimatedCost: r.estimatedCost,
      supporters: supporters.get(r.id) ?? 0,
      photos: photoCount.get(r.id) ?? 0,
    })),
  };
}

/** How many proposals of the filter (ignoring its status) are in each status. */
export async function countByStatus(
  db: Db,
  scope: Scope,
  filter: ProposalListFilter,
): Promise<Record<ProposalStatus, number>> {
  const groups = await db.proposal.groupBy({
    by: ["status"],
    where: proposalWhere(scope, { ...filter, status: undefined }),
    _count: { _all: true },
  });
  const counts = Object.fromEntries(Object.values(ProposalStatus).map((s) => [s, 0])) as Record<ProposalStatus, number>;
  for (const g of groups) counts[g.status] = g._count._all;
  return counts;
}

/** The villages, districts, agencies and kamus entries an officer can filter by (inside the scope). */
export async function filterChoices(db: Db, scope: Scope) {
  const villages = await db.village.findMany({
    where: villageScope(scope),
    select: { code: true, name: true, districtCode: true },
    orderBy: { name: "asc" },
  });
  const districtCodes = [...new Set(villages.map((v) => v.districtCode))];
  const districts = await db.district.findMany({
    where: { code: { in: districtCodes } },
    select: { code: true, name: true },
    orderBy: { name: "asc" },
  });
  const agencies = await db.kamusEntry.findMany({
    where: { agency: { not: null } },
    distinct: ["agency"],
    select: { agency: true },
    orderBy: { agency: "asc" },
  });
  return { villages, districts, agencies: agencies.map((a) => a.agency!).filter(Boolean) };
}
