// Which database a DATABASE_URL names, and where a SQLite file lies.
import { Refusal } from "../refusal.ts";

/** Which Prisma schema flavour serves a DATABASE_URL. */
export type DatabaseFlavour = "sqlite" | "postgres";

/** The default: a SQLite file under ./data, created on first start. */
export const defaultDatabaseUrl = "file:./data/musrenbang.db";

/**
 * `file:` URLs select SQLite, `postgres://` and `postgresql://` select PostgreSQL.
 * Anything else is an error that says which forms are accepted.
 */
export function databaseFlavour(url: string): DatabaseFlavour {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgres";
  throw new Refusal(
    400,
    `DATABASE_URL "${url}" is not supported: use file:./path/to/db.sqlite (SQLite) or postgresql://user@host:5432/dbname (PostgreSQL).`,
  );
}

/** The file path of a `file:` URL, resolved against the working directory as Prisma does. */
export function sqliteFilePath(url: string): string {
  return url.slice("file:".length).replace(/^\/\/(?=\/)/, "");
}
