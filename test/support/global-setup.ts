// Migrates once per test run: a template SQLite file that each test copies, and TEST_DATABASE_URL if set.
import { mkdirSync, rmSync } from "node:fs";
import { openStore } from "../../src/store/client.ts";
import { migrate } from "../../src/store/migrate.ts";
import { templateSqlitePath, testTmpDir } from "./paths.ts";

export default async function setup(): Promise<void> {
  rmSync(testTmpDir, { recursive: true, force: true });
  mkdirSync(testTmpDir, { recursive: true });
  const sqlite = openStore(`file:${templateSqlitePath}`);
  await migrate(sqlite);
  await sqlite.db.$disconnect();
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (pgUrl) {
    const pg = openStore(pgUrl);
    await migrate(pg);
    await pg.db.$disconnect();
  } else {
    console.log(
      "PostgreSQL tests skipped: set TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test to run them too.",
    );
  }
}
