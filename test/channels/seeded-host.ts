// The real host for channel tests: a fresh SQLite with the sample region and kamus, the kamus matcher and
// the region index, as `npm start` builds them.
import { pino } from "pino";
import { createHost, type Host } from "../../src/host/host.ts";
import { buildMatcher } from "../../src/kamus/matcher.ts";
import { loadRegions } from "../../src/regions/load.ts";
import type { Store } from "../../src/store/client.ts";
import { loadKamus } from "../../src/store/learned-phrases.ts";
import { seedIfEmpty } from "../../src/store/seed.ts";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freshSqlite } from "../support/stores.ts";

/** A seeded store and a host over it; `restart()` gives a new host over the same database. */
export async function seededHost(): Promise<{ store: Store; host: Host }> {
  const store = await freshSqlite();
  await seedIfEmpty(store, pino({ level: "silent" }));
  const kamus = await loadKamus(store.db);
  const host = createHost({
    store,
    matcher: buildMatcher(kamus.entries, kamus.learned),
    regions: await loadRegions(store.db),
    dataDir: mkdtempSync(join(tmpdir(), "musrenbang-channel-media-")),
  });
  return { store, host };
}
