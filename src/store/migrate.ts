// Applies pending Prisma migrations before the app or a CLI command touches the database.
import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { projectRoot } from "../config/paths.ts";
import type { Store } from "./client.ts";

const run = promisify(execFile);

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
  const prisma = join(projectRoot, "node_modules", ".bin", "prisma");
  try {
    await run(prisma, ["migrate", "deploy"], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: store.url },
    });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    const detail = `${e.stdout ?? ""}\n${e.stderr ?? ""}`.split("\n").filter((l) => /error|P\d{4}/i.test(l));
    throw new Error(`Database migration failed for ${redact(store.url)}: ${detail.join(" ") || e.message}`);
  }
}

/** A URL safe to print: the password is hidden. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, "$1***@");
}
