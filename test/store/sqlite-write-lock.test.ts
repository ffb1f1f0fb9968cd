// A Prisma write (an officer on the dashboard) while a bot turn holds SQLite's write lock on the turn's own
// connection: it waits without stopping the process, and succeeds once the turn commits. It used to sleep in
// SQLite's busy handler, so the turn could never finish and the write failed after 5 s.
import { afterEach, expect, it } from "vitest";
import type { Store } from "../../src/store/client.ts";
import { openSql, type SqlPool } from "../../src/store/sql.ts";
import { freshSqlite } from "../support/stores.ts";

let store: Store | undefined;
let sql: SqlPool | undefined;
afterEach(async () => {
  await sql?.close();
  await store?.db.$disconnect();
  store = sql = undefined;
});

it("lets a Prisma write wait for an open turn without blocking the process, on both kinds of write", async () => {
  store = await freshSqlite();
  sql = openSql(store.url);
  const db = store.db;
  await db.resident.count(); // Prisma connected, as in a running app
  let finishTurn!: () => void;
  const turnMayFinish = new Promise<void>((r) => (finishTurn = r));
  let turnWrote!: () => void;
  const wrote = new Promise<void>((r) => (turnWrote = r));
  const turn = sql.transaction(async (tx) => {
    await tx.run(`INSERT INTO "Resident" ("id", "createdAt") VALUES (?, ?)`, ["turn", new Date()]);
    turnWrote();
    await turnMayFinish; // the turn awaits something (a file write, the engine) holding the lock
  });
  await wrote;

  const events: string[] = [];
  const officer = db.resident.create({ data: { id: "officer" } }).then(() => events.push("prisma write done"));
  const inTransaction = db
    .$transaction(async (tx) => tx.resident.create({ data: { id: "officer-tx" } }))
    .then(() => events.push("prisma transaction done"));
  // The event loop keeps running while both wait: a timer fires, and the turn can finish.
  await new Promise((r) => setTimeout(r, 50));
  events.push("timer fired");
  finishTurn();
  await Promise.all([turn, officer, inTransaction]);

  expect(events[0]).toBe("timer fired");
  expect(events.slice(1).sort()).toEqual(["prisma transaction done", "prisma write done"]);
  const ids = (await db.resident.findMany({ select: { id: true } })).map((r) => r.id).sort();
  expect(ids).toEqual(["officer", "officer-tx", "turn"]);
});
