// The SQLite group commit: turns queued together share one COMMIT, yet a throwing turn leaves nothing.
import { afterEach, describe, expect, it } from "vitest";
import { openSql, type SqlPool } from "../../src/store/sql.ts";
import type { Store } from "../../src/store/client.ts";
import { storeCases } from "../support/stores.ts";

describe.each(storeCases())("direct SQL on $name", ({ open }) => {
  let store: Store;
  let sql: SqlPool;
  afterEach(async () => {
    await sql?.close();
    await store?.db.$disconnect();
  });

  it("commits concurrent transactions independently: a failing one rolls back alone", async () => {
    store = await open();
    sql = openSql(store.url);
    const insert = (id: string, fail: boolean) =>
      sql.transaction(async (tx) => {
        await tx.run(`INSERT INTO "Resident" ("id", "createdAt") VALUES (?, ?)`, [id, new Date()]);
        if (fail) throw new Error(`turn ${id} failed`);
        return id;
      });
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => insert(`R${i}`, i % 3 === 0)));
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(7);
    const ids = (await store.db.resident.findMany({ orderBy: { id: "asc" } })).map((r) => r.id);
    expect(ids.sort()).toEqual(
      Array.from({ length: 20 }, (_, i) => i)
        .filter((i) => i % 3 !== 0)
        .map((i) => `R${i}`)
        .sort(),
    );
  });

  it("runs plain queries between transactions", async () => {
    store = await open();
    sql = openSql(store.url);
    await Promise.all([
      sql.transaction((tx) => tx.run(`INSERT INTO "Resident" ("id", "createdAt") VALUES (?, ?)`, ["A", new Date()])),
      sql.run(`INSERT INTO "Resident" ("id", "createdAt") VALUES (?, ?)`, ["B", new Date()]),
    ]);
    expect(await sql.all(`SELECT "id" FROM "Resident" ORDER BY "id"`)).toEqual([{ id: "A" }, { id: "B" }]);
  });
});
