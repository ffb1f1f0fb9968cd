// One proposal as the officer's proposal page shows it, read only inside the officer's scope (outside: null,
// which the page answers with 404), plus its merge candidates in the same desa.
import type { Db } from "./client.ts";
import { proposalScope, type Scope } from "./scope.ts";

export async function findProposalInScope(db: Db, scope: Scope, code: string) {
  return db.proposal.findFirst({
    where: { AND: [proposalScope(scope), { code: code.trim().toUpperCase() }] },
    include: {
      village: { include: { district: true } },
      kamusEntry: true,
      mergedInto: { select: { code: true } },
      mergedFrom: { select: { code: true, status: true } },
      supports: { include: { resident: { select: { name: true } } }, orderBy: { createdAt: "asc" } },
      attachments: { orderBy: { id: "asc" }, select: { id: true, mimeType: true, size: true } },
      events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
}
export type ProposalDetail = NonNullable<Awaited<ReturnType<typeof findProposalInScope>>>;

/** Only the code, status and village of a proposal inside the scope (bulk actions, photos). */
export async function proposalRefInScope(db: Db, scope: Scope, code: string) {
  return db.proposal.findFirst({
    where: { AND: [proposalScope(scope), { code: code.trim().toUpperCase() }] },
    select: { id: true, code: true, status: true, villageCode: true, updatedAt: true },
  });
}

/** Open proposals of the same desa with the same kamus entry or sharing words of the problem. */
export async function mergeCandidates(
  db: Db,
  p: Pick<ProposalDetail, "id" | "villageCode" | "kamusEntryId" | "searchText">,
) {
  const words = [...new Set(p.searchText.split(/[^a-z0-9]+/).filter((w) => w.length > 3))].slice(0, 6);
  const similar = [
    ...(p.kamusEntryId ? [{ kamusEntryId: p.kamusEntryId }] : []),
    ...words.map((w) => ({ searchText: { contains: w } })),
  ];
  if (!similar.length) return [];
  const rows = await db.proposal.findMany({
    where: {
      villageCode: p.villageCode,
      id: { not: p.id },
      status: { notIn: ["DIGABUNG", "DITOLAK", "DITARIK"] },
      OR: similar,
    },
    include: { kamusEntry: { select: { nama: true } }, _count: { select: { supports: true } } },
    take: 50,
  });
  // Same entry first, then the most shared words.
  const score = (r: (typeof rows)[number]) =>
    (r.kamusEntryId && r.kamusEntryId === p.kamusEntryId ? 10 : 0) +
    words.filter((w) => r.searchText.includes(w)).length;
  return rows.sort((a, b) => score(b) - score(a)).slice(0, 8);
}
