// The database client for the app, the CLI and the tests. Two generated clients share one set of
// models (prisma/models.prisma); the app types everything with the SQLite one and picks by DATABASE_URL.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "../generated/sqlite/client.ts";
import { PrismaClient as PostgresClient } from "../generated/postgres/client.ts";
import { databaseFlavour, type DatabaseFlavour } from "../config/database-url.ts";
import { ensureSqliteFolder } from "./sqlite-file.ts";

export type { Prisma } from "../generated/sqlite/client.ts";
export { ProposalStatus, OfficerRole, OutboxStatus } from "../generated/sqlite/enums.ts";

/** The Prisma client type used everywhere (both flavours have the same models and methods). */
export type Db = SqliteClient;

/** A transaction handle inside `db.$transaction(async (tx) => ...)`. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** An open database with its flavour; `flavour` matters only where SQLite and PostgreSQL differ. */
export interface Store {
  db: Db;
  flavour: DatabaseFlavour;
  url: string;
}

/** Opens the database named by a DATABASE_URL (migrations are applied separately: see migrate.ts). */
export function openStore(url: string): Store {
  const flavour = databaseFlavour(url);
  if (flavour === "sqlite") {
    ensureSqliteFolder(url);
    const db = new SqliteClient({ adapter: new PrismaBetterSQLite3({ url }) });
    return { db, flavour, url };
  }
  const db = new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
  return { db, flavour, url };
}
