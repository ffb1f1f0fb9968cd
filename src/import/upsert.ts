// The write half of every import: compare with what is stored, create the new rows in bulk, update only the
// changed ones (in bulk too), and count. Runs inside the caller's transaction.
import { batches, tally, type ImportCounts } from "./progress.ts";

/** How to write one table: each row's key, the rows stored now (same fields, by key), and the writes. */
export interface UpsertPlan<T extends { active: boolean }> {
  key: (row: T) => string;
  stored: Map<string, T>;
  createMany: (rows: T[]) => Promise<unknown>;
  /** Changed rows of one batch, written together (see src/store/bulk-upsert.ts). */
  updateMany: (rows: T[]) => Promise<unknown>;
  /** Sets active = false on these keys (used with `replace`). */
  deactivate: (keys: string[]) => Promise<unknown>;
}

/** Writes `rows` batch by batch, adding to `counts` and calling `progress` with the rows done after each batch. */
export async function upsertRows<T extends { active: boolean }>(
  rows: T[],
  plan: UpsertPlan<T>,
  counts: ImportCounts,
  progress: (done: number) => void,
  replace = false,
): Promise<void> {
  let done = 0;
  for (const batch of batches(rows)) {
    const created = batch.filter((row) => !plan.stored.has(plan.key(row)));
    const changed = batch.filter((row) => {
      const stored = plan.stored.get(plan.key(row));
      return stored !== undefined && !sameValues(stored, row);
    });
    if (created.length) await plan.createMany(created);
    if (changed.length) await plan.updateMany(changed);
    tally(counts, batch.length, created.length, changed.length);
    progress((done += batch.length));
  }
  if (!replace) return;
  const inFile = new Set(rows.map(plan.key));
  const missing = [...plan.stored.values()].filter((row) => row.active && !inFile.has(plan.key(row))).map(plan.key);
  for (const keys of batches(missing)) await plan.deactivate(keys);
  counts.deactivated += missing.length;
}

/** Every field the import writes is equal to the stored one. */
function sameValues<T extends object>(stored: T, row: T): boolean {
  return (Object.keys(row) as (keyof T)[]).every((key) => stored[key] === row[key]);
}
