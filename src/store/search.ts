// Case-insensitive search that behaves the same on SQLite and PostgreSQL: rows keep a lower-cased copy of
// their text (searchText / searchName) and the query is lower-cased the same way. Prisma's `contains` is
// case-insensitive on SQLite but not on PostgreSQL, and `mode: "insensitive"` exists only on PostgreSQL.
import type { Db } from "./client.ts";

/** The form stored in search columns: Unicode-normalised, lower-case (Indonesian rules), spaces collapsed. */
export function searchForm(text: string): string {
  return text.normalize("NFKC").toLocaleLowerCase("id-ID").replace(/\s+/g, " ").trim();
}

type Column = "searchText" | "searchName";

/**
 * Every word must occur, in any order ("beton rabat" finds "Rabat Beton"). Prisma passes `%` and `_` to LIKE
 * unescaped, so words are split around them for the query and the rows are then checked for the exact words.
 */
async function findAll<T>(
  column: Column,
  query: string,
  take: number,
  find: (where: object[], take?: number) => Promise<T[]>,
): Promise<T[]> {
  const words = searchForm(query).split(" ").filter(Boolean);
  const pieces = words.flatMap((w) => w.split(/[%_]/)).filter(Boolean);
  const where = pieces.map((piece) => ({ [column]: { contains: piece } }));
  const wildcards = words.some((w) => /[%_]/.test(w));
  if (!wildcards) return find(where, take);
  const rows = await find(where);
  return rows
    .filter((row) => words.every((w) => (row as unknown as Record<Column, string>)[column].includes(w)))
    .slice(0, take);
}

/** Kamus entries whose name, agency or sub-kegiatan contain every word of the query. */
export function searchKamus(db: Db, query: string, take = 20) {
  return findAll("searchText", query, take, (AND, take) =>
    db.kamusEntry.findMany({ where: { active: true, AND }, orderBy: { kode: "asc" }, take }),
  );
}

/** Active villages whose name contains every word of the query, with their district. */
export function searchVillages(db: Db, query: string, take = 20) {
  return findAll("searchName", query, take, (AND, take) =>
    db.village.findMany({ where: { active: true, AND }, include: { district: true }, orderBy: { code: "asc" }, take }),
  );
}

/** Proposals whose problem, activity or address contain every word of the query. */
export function searchProposals(db: Db, query: string, take = 50) {
  return findAll("searchText", query, take, (AND, take) =>
    db.proposal.findMany({ where: { AND }, orderBy: { id: "asc" }, take }),
  );
}
