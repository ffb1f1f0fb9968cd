// The databases a store test runs against: always a fresh SQLite file; PostgreSQL when TEST_DATABASE_URL is set.
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { openStore, type Store } from "../../src/store/client.ts";
import { templateSqlitePath, testTmpDir } from "./paths.ts";

export interface StoreCase {
  name: "sqlite" | "postgres";
  open: () => Promise<Store>;
}

/** A fresh, migrated SQLite database (a copy of the template made in global-setup). */
export function freshSqlite(): Promise<Store> {
  const path = join(testTmpDir, `${randomUUID()}.db`);
  copyFileSync(templateSqlitePath, path);
  return Promise.resolve(openStore(`file:${path}`));
}

/** TEST_DATABASE_URL, migrated in global-setup, with every table emptied. */
export async function freshPostgres(url: string): Promise<Store> {
  const store = openStore(url);
  const tables = await store.db.$queryRawUnsafe<{ tablename: string }[]>(
    `SELECT tablename::text AS tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`,
  );
  if (tables.length) {
    await store.db.$executeRawUnsafe(
      `TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`,
    );
  }
  return store;
}

/** Use with `describe.each(storeCases())`: each case opens an empty database of its kind. */
export function storeCases(): StoreCase[] {
  const cases: StoreCase[] = [{ name: "sqlite", open: freshSqlite }];
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (pgUrl) cases.push({ name: "postgres", open: () => freshPostgres(pgUrl) });
  return cases;
}
