// A thin SQL layer for the conversation hot path. Prisma's client costs 0.5–1 ms per query here, which
// caps a turn (5–8 queries) far below the bench target (≥ 2,000 msg/s on SQLite); the host therefore talks
// to the same tables directly: better-sqlite3 (synchronous, statement cache) or pg. Queries use `?`
// placeholders and double-quoted Prisma table/column names, valid on both databases.
import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseFlavour, sqliteFilePath } from "../config/database-url.ts";
import { writeLockFor } from "./sqlite-write-lock.ts";

/** Parameters: strings, numbers, booleans, null/undefined, Dates (stored as Prisma stores them). */
export type SqlParam = string | number | boolean | null | undefined | Date;

/** One connection's (or transaction's) queries. */
export interface Sql {
  readonly dialect: "sqlite" | "postgres";
  all<T>(query: string, params?: SqlParam[]): Promise<T[]>;
  get<T>(query: string, params?: SqlParam[]): Promise<T | undefined>;
  /** Returns the number of rows changed. */
  run(query: string, params?: SqlParam[]): Promise<number>;
}

/** A database handle that can also run a transaction. */
export interface SqlPool extends Sql {
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. `lock` (e.g.
   * "telegram:12345") serialises transactions with the same key across every process on the database: on
   * PostgreSQL a transaction-scoped advisory lock taken before `fn` reads anything; on SQLite every write
   * transaction is already exclusive (BEGIN IMMEDIATE), which serialises them all.
   */
  transaction<T>(fn: (sql: Sql) => Promise<T>, options?: { lock?: string }): Promise<T>;
  close(): Promise<void>;
}

/** Prisma's SQLite DateTime text ("2026-03-02T02:00:00.000+00:00"), so Prisma reads what we write. */
function sqliteDate(d: Date): string {
  return d.toISOString().replace("Z", "+00:00");
}

/** How long a statement waits for another connection's write lock before it fails with SQLITE_BUSY. */
const SQLITE_BUSY_WAIT_MS = 5000;

/**
 * Runs a synchronous SQLite call, waiting for a lock held by another connection of this same process (Prisma's,
 * e.g. an officer's decision on the dashboard) without blocking the event loop: better-sqlite3's own busy
 * timeout sleeps synchronously, so the other connection could never finish while it waits.
 */
async function whenUnlocked<T>(fn: () => T): Promise<T> {
  for (let waited = 0, delay = 1; ;) {
    try {
      return fn();
    } catch (error) {
      const code = (error as { code?: string }).code;
      if ((code !== "SQLITE_BUSY" && code !== "SQLITE_LOCKED") || waited >= SQLITE_BUSY_WAIT_MS) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
      waited += delay;
      delay = Math.min(delay * 2, 50);
    }
  }
}

function openSqlite(path: string): SqlPool {
  // No synchronous busy wait (see whenUnlocked).
  const db = new Database(path, { timeout: 0 });
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  const statements = new Map<string, Database.Statement>();
  const prepare = (q: string) => {
    let s = statements.get(q);
    if (!s) {
      s = db.prepare(q);
      statements.set(q, s);
    }
    return s;
  };
  const bind = (params: SqlParam[] = []) =>
    params.map((p) =>
      p === undefined ? null : p instanceof Date ? sqliteDate(p) : typeof p === "boolean" ? (p ? 1 : 0) : p,
    );
  const direct: Sql = {
    dialect: "sqlite",
    all: <T>(q: string, p?: SqlParam[]) => whenUnlocked(() => prepare(q).all(...bind(p)) as T[]),
    get: <T>(q: string, p?: SqlParam[]) => whenUnlocked(() => prepare(q).get(...bind(p)) as T | undefined),
    run: (q: string, p?: SqlParam[]) => whenUnlocked(() => prepare(q).run(...bind(p)).changes),
  };
  // One connection: statements of another turn must never run inside an open transaction, so every
  // use outside a transaction waits for the current one. The lock is the file's, shared with Prisma's
  // connection in this process (see sqlite-write-lock.ts), so neither waits for the other synchronously.
  const lock = writeLockFor(path);
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => lock.run(fn);
  // Group commit: transactions that queue up while one runs are run together in one BEGIN … COMMIT, each
  // inside its own SAVEPOINT, so a turn that throws still leaves nothing behind while the commit (the costly
  // part, a WAL write) is shared. Each caller hears back only after the commit. Pinned by
  // test/store/sql.test.ts.
  interface Job {
    fn: (sql: Sql) => Promise<unknown>;
    resolve: (v: unknown) => void;
    reject: (e: unknown) => void;
  }
  const waiting: Job[] = [];
  let draining = false;
  const drain = async () => {
    draining = true;
    while (waiting.length) {
      const batch = waiting.splice(0, 64);
      await exclusive(async () => {
        const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
        await whenUnlocked(() => db.exec("BEGIN IMMEDIATE"));
        for (const job of batch) {
          if (!db.inTransaction) await whenUnlocked(() => db.exec("BEGIN IMMEDIATE"));
          db.exec("SAVEPOINT turn");
          try {
            const value = await job.fn(direct);
            db.exec("RELEASE turn");
            outcomes.push({ ok: true, value });
          } catch (error) {
            if (db.inTransaction) {
              db.exec("ROLLBACK TO turn");
              db.exec("RELEASE turn");
            } else {
              // SQLite ended the whole transaction (I/O error, disk full): earlier turns were lost too.
              for (let i = 0; i < outcomes.length; i++) outcomes[i] = { ok: false, error };
            }
            outcomes.push({ ok: false, error });
          }
        }
        try {
          if (db.inTransaction) db.exec("COMMIT");
        } catch (error) {
          if (db.inTransaction) db.exec("ROLLBACK");
          batch.forEach((job) => job.reject(error));
          return;
        }
        batch.forEach((job, i) => {
          const o = outcomes[i]!;
          if (o.ok) job.resolve(o.value);
          else job.reject(o.error);
        });
      }).catch((error: unknown) => batch.forEach((job) => job.reject(error)));
    }
    draining = false;
  };
  return {
    dialect: "sqlite",
    all: (q, p) => exclusive(() => direct.all(q, p)),
    get: (q, p) => exclusive(() => direct.get(q, p)),
    run: (q, p) => exclusive(() => direct.run(q, p)),
    transaction: <T>(fn: (sql: Sql) => Promise<T>) =>
      new Promise<T>((resolve, reject) => {
        waiting.push({ fn, resolve: resolve as (v: unknown) => void, reject });
        if (!draining) void drain();
      }),
    close: async () => {
      await lock.run(async () => db.close());
    },
  };
}

function openPostgres(url: string, poolSize: number): SqlPool {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // Each distinct query becomes a named prepared statement (pg prepares it once per connection), which
  // spares the server parsing and planning it for every turn.
  const prepared = new Map<string, { name: string; text: string }>();
  const statement = (q: string) => {
    let st = prepared.get(q);
    if (!st) {
      let i = 0;
      st = { name: `m${prepared.size + 1}`, text: q.replace(/\?/g, () => `$${++i}`) };
      prepared.set(q, st);
    }
    return st;
  };
  // timestamp(3) without time zone: PostgreSQL ignores the "Z" and keeps UTC, as Prisma does.
  const bind = (params: SqlParam[] = []) =>
    params.map((p) => (p === undefined ? null : p instanceof Date ? p.toISOString() : p));
  const on = (client: pg.Pool | pg.PoolClient): Sql => ({
    dialect: "postgres",
    all: async <T>(q: string, p?: SqlParam[]) => (await client.query({ ...statement(q), values: bind(p) })).rows as T[],
    get: async <T>(q: string, p?: SqlParam[]) =>
      (await client.query({ ...statement(q), values: bind(p) })).rows[0] as T | undefined,
    run: async (q: string, p?: SqlParam[]) => (await client.query({ ...statement(q), values: bind(p) })).rowCount ?? 0,
  });
  const direct = on(pool);
  return {
    ...direct,
    async transaction(fn, options) {
      const client = await pool.connect();
      try {
        // One round trip for both: a simple query may hold several statements when it has no parameters.
        await client.query(
          options?.lock ? `BEGIN; SELECT pg_advisory_xact_lock(${advisoryKey(options.lock)})` : "BEGIN",
        );
        const r = await fn(on(client));
        await client.query("COMMIT");
        return r;
      } catch (e) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** A signed 64-bit advisory lock key for a text key (first 8 bytes of its SHA-256), as a SQL literal. */
export function advisoryKey(key: string): string {
  return createHash("sha256").update(key).digest().readBigInt64BE(0).toString();
}

/** Opens the database of a DATABASE_URL for direct SQL (`poolSize`: PostgreSQL connections, default 10). */
export function openSql(url: string, options: { poolSize?: number } = {}): SqlPool {
  return databaseFlavour(url) === "sqlite"
    ? openSqlite(sqliteFilePath(url))
    : openPostgres(url, options.poolSize ?? 10);
}

/** A COUNT(*) value as a number (PostgreSQL returns bigint as text). */
export function num(v: unknown): number {
  return typeof v === "number" ? v : Number(v ?? 0);
}
