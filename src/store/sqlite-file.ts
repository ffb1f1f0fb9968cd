import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { sqliteFilePath } from "../config/database-url.ts";

/** SQLite cannot create the folder of its file: make it before anything opens the database. */
export function ensureSqliteFolder(url: string): void {
  const path = sqliteFilePath(url);
  if (path === ":memory:") return;
  mkdirSync(dirname(resolve(path)), { recursive: true });
}
