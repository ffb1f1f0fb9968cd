// Driver adapters for the Prisma CLI (migrate deploy). The app itself uses src/store/client.ts.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseFlavour } from "../config/database-url.ts";
import { ensureSqliteFolder } from "./sqlite-file.ts";

// PostgreSQL's catalog types `name` (19) and `char` (18), and their arrays, which @prisma/adapter-pg 6.19
// cannot deserialize when migrate reads the catalog (prisma/orm#27403). Reported as text instead.
const textLike: Record<number, number> = { 18: 25, 19: 25, 1002: 1009, 1003: 1009 };

function reportAsText(res: pg.QueryResult | undefined): void {
  for (const field of res?.fields ?? []) {
    const replacement = textLike[field.dataTypeID];
    if (replacement !== undefined) field.dataTypeID = replacement;
  }
}

class CatalogSafeClient extends pg.Client {
  // pg's query() is heavily overloaded: the pool calls it with a callback, transactions without one.
  override query(...args: unknown[]): never {
    const last = args.at(-1);
    if (typeof last === "function") {
      args[args.length - 1] = (err: Error | null, res: pg.QueryResult) => {
        if (!err) reportAsText(res);
        return (last as (e: Error | null, r: pg.QueryResult) => unknown)(err, res);
      };
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (result instanceof Promise) return result.then((res: pg.QueryResult) => (reportAsText(res), res)) as never;
    return result as never;
  }
}

/** The adapter factory that `prisma migrate` uses for DATABASE_URL. */
export function migrationAdapter(url: string): PrismaPg | PrismaBetterSQLite3 {
  if (databaseFlavour(url) === "sqlite") {
    ensureSqliteFolder(url);
    return new PrismaBetterSQLite3({ url });
  }
  // Built from fields, not a connection string: the shadow connection would otherwise ignore its database name.
  const u = new URL(url);
  return new PrismaPg({
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username || "postgres"),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)) || "postgres",
    Client: CatalogSafeClient,
  });
}
