// Migrates once per test run: a template SQLite file that each test copies, and TEST_DATABASE_URL if set.
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { openStore } from "../../src/store/client.ts";
import { migrate } from "../../src/store/migrate.ts";

export default async function setup(): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), "musrenbang-test-"));
  process.env.MUSRENBANG_TEST_DIR = dir;
  const sqlite = openStore(`file:${join(dir, "template.db")}`);
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
  return () => rmSync(dir, { recursive: true, force: true });
}
