// What an import reports: counts, and progress for big files.

/** The outcome of an import, e.g. `{ "created": 62, "updated": 0, "unchanged": 0, "total": 62, "deactivated": 0 }`. */
export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  total: number;
  /** Stored rows missing from the file that `replace` switched off. */
  deactivated: number;
}

/** Called with the rows written so far and the total, e.g. `(500, 1500)`. */
export type ProgressCallback = (done: number, total: number) => void;

/** Options every import takes. */
export interface ImportOptions {
  onProgress?: ProgressCallback;
  /**
   * The file is the whole list: stored rows missing from it are switched off (no longer offered to residents,
   * kept for the proposals that point at them). Without it they are left alone.
   */
  replace?: boolean;
}

/** Rows per write batch; progress is reported after each batch, only for files over `progressFrom` rows. */
export const batchSize = 500;
export const progressFrom = 1000;

/** Zero counts for `total` rows. */
export function emptyCounts(total: number): ImportCounts {
  return { created: 0, updated: 0, unchanged: 0, total, deactivated: 0 };
}

/** Adds one written batch to the counts. */
export function tally(counts: ImportCounts, rows: number, created: number, updated: number): void {
  counts.created += created;
  counts.updated += updated;
  counts.unchanged += rows - created - updated;
}

/** Reports cumulative `done` counts at most once per 500 rows (and at the end), and only for files over 1,000 rows. */
export function progressFor(total: number, onProgress?: ProgressCallback): (done: number) => void {
  let reported = 0;
  return (done) => {
    if (!onProgress || total <= progressFrom) return;
    if (Math.floor(done / batchSize) > Math.floor(reported / batchSize) || (done === total && reported < total)) {
      reported = done;
      onProgress(done, total);
    }
  };
}

/** The rows split into write batches. */
export function batches<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += batchSize) out.push(rows.slice(i, i + batchSize));
  return out;
}

/** Generous: a few thousand rows take seconds, but a slow disk or a busy PostgreSQL must not abort a good import. */
export const transactionOptions = { maxWait: 30_000, timeout: 10 * 60_000 };
