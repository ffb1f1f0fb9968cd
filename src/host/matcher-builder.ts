// Builds the kamus matcher in a worker thread: loading and indexing a big kamus takes seconds of CPU, during
// which the bot's thread would answer nobody. The worker sends the index back packed (src/kamus/index-transfer.ts);
// unpacking it here costs a fraction of building it. Tests: test/host/matcher-builder.test.ts.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { matcherFromPacked } from "../kamus/matcher.ts";
import type { PackedIndex } from "../kamus/index-transfer.ts";
import type { LearnedPhraseRow } from "../store/learned-phrases.ts";
import { SyncedMatcher } from "./synced-matcher.ts";

type Reply = { ok: true; index: PackedIndex; rows: LearnedPhraseRow[]; entries: number } | { ok: false; error: string };

/**
 * The worker's first lines: it runs TypeScript, so it registers tsx's loader in its own thread (a worker gets
 * neither the `--import tsx` of `npm start` nor a test runner's transform), then imports matcher-worker.ts.
 */
function bootCode(): string {
  // tsx/esm/api's ESM build, beside the CommonJS one `require.resolve` names (package.json "exports").
  const api = pathToFileURL(
    createRequire(import.meta.url)
      .resolve("tsx/esm/api")
      .replace(/\.cjs$/, ".mjs"),
  ).href;
  const entry = new URL("./matcher-worker.ts", import.meta.url).href;
  return `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
}

/** The matcher over the kamus in the database at `url`, built off this thread; rejects when the worker fails. */
export function buildMatcherInWorker(url: string): Promise<{ matcher: SyncedMatcher; entries: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootCode(), { eval: true, workerData: { url } });
    let settled = false;
    worker.once("message", (reply: Reply) => {
      settled = true;
      if (!reply.ok) reject(new Error(`building the matcher failed: ${reply.error}`));
      else {
        try {
          resolve({ matcher: new SyncedMatcher(matcherFromPacked(reply.index), reply.rows), entries: reply.entries });
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      }
    });
    worker.once("error", (error) => {
      if (!settled) reject(error);
      settled = true;
    });
    worker.once("exit", (code) => {
      if (!settled) reject(new Error(`the matcher worker stopped (exit code ${code}) before sending the matcher`));
      settled = true;
    });
  });
}
