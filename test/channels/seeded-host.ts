// The real host for channel tests: a fresh SQLite with the sample region and kamus, the kamus matcher and
// the region index, as `npm start` builds them.
import { pino } from "pino";
import { createHost, type Host } from "../../src/host/host.ts";
import { buildMatcher } from "../../src/kamus/matcher.ts";
import { loadRegions } from "../../src/store/regions.ts";
import type { Clock } from "../../src/outbox/clock.ts";
import type { Store } from "../../src/store/client.ts";
import { loadKamus } from "../../src/store/learned-phrases.ts";
import { seedIfEmpty } from "../../src/import/seed.ts";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freshSqlite } from "../support/stores.ts";

/**
 * A seeded store and a host over it. The host reads time from `clock`, the test's fake clock, so the
 * replies it queues are due on the same clock the outbox worker runs on (never on the wall clock).
 */
export async function seededHost(clock: Clock): Promise<{ store: Store; host: Host }> {
  const store = await freshSqlite();
  await seedIfEmpty(store, pino({ level: "silent" }));
  const kamus = await loadKamus(store.db);
  const host = createHost({
    store,
    matcher: buildMatcher(kamus.entries, kamus.learned),
    regions: await loadRegions(store.db),
    dataDir: mkdtempSync(join(tmpdir(), "musrenbang-channel-media-")),
    clock: () => new Date(clock.now()),
  });
  return { store, host };
}
