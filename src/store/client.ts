// The database client for the app, the CLI and the tests. Two generated clients share one set of
// models (prisma/models.prisma); the app types everything with the SQLite one and picks by DATABASE_URL.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "../generated/sqlite/client.ts";
import { PrismaClient as PostgresClient } from "../generated/postgres/client.ts";
import { databaseFlavour, sqliteFilePath, type DatabaseFlavour } from "../config/database-url.ts";
import { writeLockFor } from "./sqlite-write-lock.ts";
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
    const db = new SqliteClient({ adapter: sharingWriteLock(new PrismaBetterSQLite3({ url }), sqliteFilePath(url)) });
    return { db, flavour, url };
  }
  const db = new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
  return { db, flavour, url };
}

type SqliteAdapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type SqliteTransaction = Awaited<ReturnType<SqliteAdapter["startTransaction"]>>;

/** `target` with some methods replaced; the others still run on `target` itself (its private fields). */
function withMethods<T extends object>(target: T, replaced: Partial<T>): T {
  return new Proxy(target, {
    get(t, prop) {
      if (prop in replaced) return replaced[prop as keyof T];
      const value: unknown = Reflect.get(t, prop, t);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(t) : value;
    },
  });
}

/**
 * Prisma's SQLite connection taking this process's write lock of the file (see sqlite-write-lock.ts) for every
 * statement that is not a plain SELECT and for the whole of each transaction.
 */
function sharingWriteLock(factory: PrismaBetterSQLite3, path: string): PrismaBetterSQLite3 {
  const lock = writeLockFor(path);
  const reads = (sql: string) => /^\s*select\b/i.test(sql);
  const wrap = (adapter: SqliteAdapter): SqliteAdapter =>
    withMethods(adapter, {
      queryRaw: (q) => (reads(q.sql) ? adapter.queryRaw(q) : lock.run(() => adapter.queryRaw(q))),
      executeRaw: (q) => (reads(q.sql) ? adapter.executeRaw(q) : lock.run(() => adapter.executeRaw(q))),
      executeScript: (script) => lock.run(() => adapter.executeScript(script)),
      startTransaction: async (isolation) => {
        const release = await lock.acquire();
        let tx: SqliteTransaction;
        try {
          tx = await adapter.startTransaction(isolation);
        } catch (error) {
          release();
          throw error;
        }
        const end = (how: () => Promise<void>) => how().finally(release);
        return withMethods(tx, { commit: () => end(() => tx.commit()), rollback: () => end(() => tx.rollback()) });
      },
    });
  return withMethods(factory, { connect: async () => wrap(await factory.connect()) });
}
