// The migrations, applied in order, must build exactly the schema in prisma/models.prisma. Several changes to the
// models land in parallel; a SQLite migration that rebuilds a table copies only the columns its author knew, so a
// column added by another migration can silently vanish. This compares the migrated template database with a
// database built straight from the models: tables, columns, indexes and foreign keys.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../src/config/paths.ts";
import { templateSqlitePath } from "../support/paths.ts";

type Shape = Record<string, { columns: unknown[]; indexes: unknown[]; foreignKeys: unknown[] }>;

function shapeOf(db: Database.Database): Shape {
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`,
    )
    .all() as { name: string }[];
  const shape: Shape = {};
  for (const { name } of tables) {
    // Column order differs legitimately (ALTER TABLE appends), so the position (cid) is left out.
    type Column = { name: string; type: string; notnull: number; dflt_value: unknown; pk: number };
    const columns = (db.prepare(`PRAGMA table_info("${name}")`).all() as Column[]).map((c) => ({
      name: c.name,
      type: c.type,
      notnull: c.notnull,
      dflt_value: c.dflt_value,
      pk: c.pk,
    }));
    const indexes = (db.prepare(`PRAGMA index_list("${name}")`).all() as { name: string; unique: number }[])
      .map((i) => ({
        name: i.name,
        unique: i.unique,
        columns: (db.prepare(`PRAGMA index_info("${i.name}")`).all() as { name: string }[]).map((c) => c.name),
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
    const foreignKeys = db.prepare(`PRAGMA foreign_key_list("${name}")`).all();
    shape[name] = { columns: columns.sort((a, b) => a.name.localeCompare(b.name)), indexes, foreignKeys };
  }
  return shape;
}

describe("SQLite migrations", () => {
  it("build the same tables, columns, indexes and foreign keys as the models", () => {
    const prisma = join(projectRoot, "node_modules", ".bin", "prisma");
    const sql = execFileSync(
      prisma,
      ["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/sqlite", "--script"],
      { cwd: projectRoot, env: { ...process.env, DATABASE_URL: "file:./data/migrate-diff.db" }, encoding: "utf8" },
    );
    const fromModels = new Database(":memory:");
    fromModels.exec(sql);
    const migrated = new Database(templateSqlitePath, { readonly: true });
    expect(shapeOf(migrated)).toEqual(shapeOf(fromModels));
    migrated.close();
    fromModels.close();
  });
});
