// Runs in a worker thread (see matcher-builder.ts): reads the active kamus and its learned phrases, builds the
// index and sends it back packed, so the bot's own thread keeps answering residents meanwhile.
import { parentPort, workerData } from "node:worker_threads";
import { packedKamusIndex } from "../kamus/matcher.ts";
import { openStore } from "../store/client.ts";
import { learnedRows, loadKamus } from "../store/learned-phrases.ts";

const { url } = workerData as { url: string };
const store = openStore(url);
try {
  // Rows first: a phrase stored while the entries load is then learned at the next check, never twice.
  const rows = await learnedRows(store.db);
  const { entries } = await loadKamus(store.db);
  parentPort!.postMessage({ ok: true, index: packedKamusIndex(entries, rows), rows, entries: entries.length });
} catch (error) {
  parentPort!.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
} finally {
  await store.db.$disconnect();
}
