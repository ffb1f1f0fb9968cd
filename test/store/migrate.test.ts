// Upgrading a bot that already holds proposals: `npm start` and every CLI command apply pending migrations
// on the store they have just opened. SQLite migrations that rebuild a table (Prisma's "RedefineTables")
// cannot run while that store's own connection is open: the upgrade failed with a WASM "SocketTimeout".
import { expect, it } from "vitest";
import { importWilayahFile } from "../../src/import/index.ts";
import { migrate } from "../../src/store/migrate.ts";
import { samples } from "../import/files.ts";
import { freshSqlite } from "../support/stores.ts";

/** A migration that rebuilds District and Village and may safely run again on a database that has it. */
const REBUILDS_TABLES = "20261128125458_regions_active";

it("applies a table-rebuilding migration on an open SQLite store and keeps the data", async () => {
  const store = await freshSqlite();
  try {
    await importWilayahFile(store, samples.bekasi);
    const village = await store.db.village.findFirstOrThrow({ orderBy: { code: "asc" } });
    await store.db.proposal.create({
      data: {
        code: "U26-TEST",
        villageCode: village.code,
        problem: "jalan rusak",
        channel: "web",
        searchText: "jalan rusak",
      },
    });
    // As the running bot leaves it (src/store/sql.ts): write-ahead logging.
    await store.db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    // Make the migration pending again, as on a database from before it.
    await store.db.$executeRawUnsafe(`DELETE FROM "_prisma_migrations" WHERE migration_name = '${REBUILDS_TABLES}'`);

    await migrate(store);

    expect(await store.db.village.count()).toBe(187);
    expect(await store.db.proposal.findUniqueOrThrow({ where: { code: "U26-TEST" } })).toMatchObject({
      villageCode: village.code,
    });
    const applied = await store.db.$queryRawUnsafe<unknown[]>(
      `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '${REBUILDS_TABLES}' AND finished_at IS NOT NULL`,
    );
    expect(applied).toHaveLength(1);
  } finally {
    await store.db.$disconnect();
  }
});
