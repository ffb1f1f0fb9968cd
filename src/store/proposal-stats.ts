// Numbers for the officer's home page, all inside the officer's scope: what needs attention, counts per
// status and per OPD, and the estimated cost of the proposals still in play.
import type { Db, Prisma } from "./client.ts";
import { proposalScope, type Scope } from "./scope.ts";

export async function homeStats(db: Db, scope: Scope, options: { since: Date | null; waitingBefore: Date }) {
  const inScope = proposalScope(scope);
  const live: Prisma.ProposalWhereInput = {
    AND: [inScope, { status: { notIn: ["DITOLAK", "DIGABUNG", "TIDAK_DITERIMA", "DITARIK"] } }],
  };
  const [newSince, noKamus, waiting, byStatus, byEntry] = await Promise.all([
    options.since ? db.proposal.count({ where: { AND: [inScope, { createdAt: { gt: options.since } }] } }) : null,
    db.proposal.count({
      where: { AND: [inScope, { kamusEntryId: null, status: { in: ["DIAJUKAN", "DIVERIFIKASI"] } }] },
    }),
    db.proposal.count({ where: { AND: [inScope, { status: "DIAJUKAN", createdAt: { lt: options.waitingBefore } }] } }),
    db.proposal.groupBy({ by: ["status"], where: inScope, _count: { _all: true } }),
    // One pass gives the OPD chart and the cost total.
    db.proposal.groupBy({ by: ["kamusEntryId"], where: live, _count: { _all: true }, _sum: { estimatedCost: true } }),
  ]);
  const ids = byEntry.map((g) => g.kamusEntryId).filter((id): id is number => id !== null);
  const entries = ids.length
    ? await db.kamusEntry.findMany({ where: { id: { in: ids } }, select: { id: true, agency: true } })
    : [];
  const agencyOf = new Map(entries.map((e) => [e.id, e.agency ?? "(tanpa OPD)"]));
  const perAgency = new Map<string, number>();
  for (const g of byEntry) {
    const name = g.kamusEntryId === null ? "(belum ada jenis usulan)" : (agencyOf.get(g.kamusEntryId) ?? "(tanpa OPD)");
    perAgency.set(name, (perAgency.get(name) ?? 0) + g._count._all);
  }
  return {
    newSince,
    noKamus,
    waiting,
    byStatus: Object.fromEntries(byStatus.map((g) => [g.status, g._count._all])) as Record<string, number>,
    byAgency: [...perAgency].sort((a, b) => b[1] - a[1]),
    costTotal: byEntry.reduce((sum, g) => sum + (g._sum.estimatedCost ?? 0), 0),
  };
}

/** Remembers this visit for the next "new since last visit". */
export async function markVisit(db: Db, officerId: number, at: Date): Promise<void> {
  await db.officer.update({ where: { id: officerId }, data: { lastVisitAt: at } });
}
