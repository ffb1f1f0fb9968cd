// Agreed rows grouped by Perangkat Daerah (OPD), as the berita acara and the T-D.4 consolidation show them:
// groups ordered by their best rank, rows by rank, with each group's total and the overall total.
import { rowCost, type ForumRow } from "./village-forum.ts";

/** One OPD's rows, e.g. `{ agency: "Dinas PUPR", rows: [...], total: 150000000 }`; agency null: not classified. */
export interface AgencyGroup {
  agency: string | null;
  rows: ForumRow[];
  total: number;
}

/** Groups the agreed rows (those with a rank) by agency; returns the groups and the overall total. */
export function groupByAgency(rows: readonly ForumRow[]): { groups: AgencyGroup[]; total: number } {
  const agreed = rows.filter((r) => r.agreed && r.rank !== null).sort((a, b) => a.rank! - b.rank!);
  const byAgency = new Map<string | null, AgencyGroup>();
  for (const row of agreed) {
    const agency = row.kamus?.agency ?? null;
    let group = byAgency.get(agency);
    if (!group) byAgency.set(agency, (group = { agency, rows: [], total: 0 }));
    group.rows.push(row);
    group.total += rowCost(row);
  }
  const groups = [...byAgency.values()];
  return { groups, total: groups.reduce((s, g) => s + g.total, 0) };
}
