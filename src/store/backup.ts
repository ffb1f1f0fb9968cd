// Backups. SQLite: a consistent copy taken with SQLite's online backup API (better-sqlite3), safe while the
// bot runs and writes; restore copies a backup back the same way (the bot must be stopped). PostgreSQL: the
// server's own tools do it better than we could, so we only say which pg_dump / pg_restore command to run.
// Tests: test/cli/backup.test.ts.
import { existsSync, statSync } from "node:fs";
import Database from "better-sqlite3";
import { Refusal } from "../refusal.ts";
import { databaseFlavour, sqliteFilePath } from "../config/database-url.ts";
import { redact } from "./migrate.ts";

/** Tables a musrenbang database has: a file without them is not a backup of ours. */
const REQUIRED_TABLES = ["_prisma_migrations", "Proposal", "Resident", "Conversation"];

/** Copies the SQLite database of `url` to `file` while it may be in use; returns the bytes written. */
export async function backupSqlite(url: string, file: string): Promise<number> {
  if (existsSync(file))
    throw new Refusal(409, `${file} already exists: choose a new file name, or delete the old file first`);
  const db = new Database(sqliteFilePath(url), { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    await db.backup(file);
  } finally {
    db.close();
  }
  return statSync(file).size;
}

/** Proposals in the SQLite database of `url`; 0 when it does not exist yet or has no tables. */
export function sqliteProposalCount(url: string): number {
  const path = sqliteFilePath(url);
  if (!existsSync(path)) return 0;
  const db = new Database(path, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    const table = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'Proposal'`).get();
    return table ? (db.prepare(`SELECT COUNT(*) AS n FROM "Proposal"`).get() as { n: number }).n : 0;
  } finally {
    db.close();
  }
}

/** Checks that `file` is a readable musrenbang SQLite database; returns its row counts for the report. */
export function inspectSqliteBackup(file: string): { proposals: number; residents: number } {
  if (!existsSync(file)) throw new Refusal(422, `${file} does not exist`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new Refusal(422, `${file} cannot be opened as a SQLite database (${(error as Error).message})`, {
      cause: error,
    });
  }
  try {
    const check = db.pragma("quick_check", { simple: true });
    if (check !== "ok") throw new Refusal(422, `${file} is damaged (SQLite quick_check: ${String(check)})`);
    const tables = new Set(
      (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map(
        (t) => t.name,
      ),
    );
    const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
    if (missing.length)
      throw new Refusal(422, `${file} is not a musrenbang backup: it has no table ${missing.join(", ")}`);
    const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
    return { proposals: count("Proposal"), residents: count("Resident") };
  } catch (error) {
    if (error instanceof Refusal) throw error;
    throw new Refusal(422, `${file} cannot be read as a musrenbang backup (${(error as Error).message})`, {
      cause: error,
    });
  } finally {
    db.close();
  }
}

/**
 * Replaces the SQLite database of `url` with the backup `file` (page by page through the backup API, so a
 * leftover WAL of the old database cannot mix with it). Stop the bot first. Returns the backup's counts.
 */
export async function restoreSqlite(url: string, file: string): Promise<{ proposals: number; residents: number }> {
  const counts = inspectSqliteBackup(file);
  const source = new Database(file, { readonly: true, fileMustExist: true });
  try {
    await source.backup(sqliteFilePath(url));
  } finally {
    source.close();
  }
  return counts;
}

/** The PostgreSQL commands an operator runs instead (the password is hidden: give it in PGPASSWORD). */
export function postgresCommands(url: string, file: string): { backup: string; restore: string } {
  const target = `'${redact(url).replace(/'/g, "'\\''")}'`;
  const quoted = `'${file.replace(/'/g, "'\\''")}'`;
  return {
    backup: `pg_dump --format=custom --no-owner --file=${quoted} ${target}`,
    restore: `pg_restore --clean --if-exists --no-owner --single-transaction --dbname=${target} ${quoted}`,
  };
}

/** True when `url` names a SQLite database. */
export function isSqlite(url: string): boolean {
  return databaseFlavour(url) === "sqlite";
}
