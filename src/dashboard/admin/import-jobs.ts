// Big uploads are written in the background so the officer sees a progress line instead of a page that seems to
// hang: the upload is read and checked first (a bad file is refused at once, as before), then the write runs here
// and /dashboard/impor/<id> shows how many rows are done. In memory only: a restart ends the page, not the data
// (the importer's single transaction either committed or left the database as it was).
import { randomBytes } from "node:crypto";

/** One background import, e.g. `{ kind: "kamus", done: 1500, total: 3000, state: "running" }`. */
export interface ImportJob {
  kind: "kamus" | "wilayah";
  officerId: number;
  done: number;
  total: number;
  state: "running" | "done" | "failed";
  /** The result line when done, or the refusal's message when failed. */
  message: string | null;
  finishedAt: number | null;
}

const keepFinishedMs = 30 * 60_000;
const jobs = new Map<string, ImportJob>();

/**
 * Starts `write` (it reports rows done through its callback) and returns the job's id; `finish` turns the
 * result into the line shown at the end, `fail` an error into the line shown instead.
 */
export function startImportJob<T>(
  kind: ImportJob["kind"],
  officerId: number,
  total: number,
  write: (onProgress: (done: number, total: number) => void) => Promise<T>,
  options: { finish: (result: T) => Promise<string>; fail: (error: unknown) => string },
): string {
  forgetFinished(Date.now());
  const id = randomBytes(12).toString("base64url");
  const job: ImportJob = { kind, officerId, done: 0, total, state: "running", message: null, finishedAt: null };
  jobs.set(id, job);
  void (async () => {
    try {
      const result = await write((done, all) => {
        job.done = done;
        job.total = all;
      });
      job.message = await options.finish(result);
      job.done = job.total;
      job.state = "done";
    } catch (error) {
      job.message = options.fail(error);
      job.state = "failed";
    } finally {
      job.finishedAt = Date.now();
    }
  })();
  return id;
}

/** The job if it belongs to this officer (another officer's id reads as unknown). */
export function importJob(id: string, officerId: number): ImportJob | null {
  const job = jobs.get(id);
  return job && job.officerId === officerId ? job : null;
}

function forgetFinished(now: number): void {
  for (const [id, job] of jobs) if (job.finishedAt !== null && now - job.finishedAt > keepFinishedMs) jobs.delete(id);
}
