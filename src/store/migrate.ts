// Applies pending Prisma migrations before the app or a CLI command touches the database.
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../config/paths.ts";
import type { Store } from "./client.ts";

// After a first migration on PostgreSQL the Prisma CLI has finished but keeps its connection pool open for
// about 10 s before exiting; once it has printed its final line there is nothing left to wait for.
const finished = /All migrations have been successfully applied|No pending migrations to apply/;

function deploy(url: string): Promise<void> {
  const prisma = join(projectRoot, "node_modules", ".bin", "prisma");
  return new Promise((resolve, reject) => {
    const child = spawn(prisma, ["migrate", "deploy"], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: url },
    });
    let output = "";
    let done = false;
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (!done && finished.test(output)) {
        done = true;
        child.kill();
        resolve();
      }
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", reject);
    child.on("close", (code) => {
      if (done) return;
      if (code === 0) return resolve();
      const detail = output.split("\n").filter((l) => /error|P\d{4}/i.test(l));
      reject(
        new Error(`Database migration failed for ${redact(url)}: ${detail.join(" ") || `prisma exited with ${code}`}`),
      );
    });
  });
}

function migrationNames(flavour: string): string[] {
  const dir = join(projectRoot, "prisma", flavour, "migrations");
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

async function appliedNames(store: Store): Promise<Set<string> | null> {
  try {
    const rows = await store.db.$queryRawUnsafe<{ migration_name: string }[]>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    return new Set(rows.map((r) => r.migration_name));
  } catch {
    return null; // no migrations table yet: a fresh database
  }
}

/**
 * Brings the database up to date. The common case (nothing pending) costs one query; otherwise it runs
 * `prisma migrate deploy`, the same command an operator would, with this store's DATABASE_URL.
 */
export async function migrate(store: Store): Promise<void> {
  const applied = await appliedNames(store);
  if (applied && migrationNames(store.flavour).every((name) => applied.has(name))) return;
  // The store's own connection must be closed: on a SQLite file in WAL mode it keeps `migrate deploy` from
  // rebuilding a table (test/store/migrate.test.ts). Prisma reconnects on the next query.
  await store.db.$disconnect();
  await deploy(store.url);
}

/** A URL safe to print: the password is hidden. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, "$1***@");
}
