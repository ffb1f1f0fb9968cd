// `musrenbang backup` and `restore`: a copy taken while the database is open, restored elsewhere and over
// the original, reads back the same proposals; PostgreSQL gets the pg_dump / pg_restore commands.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openStore, type Db } from "../../src/store/client.ts";
import { freshPostgres, freshSqlite } from "../support/stores.ts";
import { testTmpDir } from "../support/paths.ts";
import { runCli } from "../support/cli.ts";

async function addProposal(db: Db, code: string): Promise<void> {
  await db.district.upsert({
    where: { code: "3216010" },
    create: { code: "3216010", name: "Setu", searchName: "setu" },
    update: {},
  });
  await db.village.upsert({
    where: { code: "3216010001" },
    create: { code: "3216010001", name: "Ragemanunggal", searchName: "ragemanunggal", districtCode: "3216010" },
    update: {},
  });
  await db.resident.create({ data: { id: `r-${code}` } });
  await db.proposal.create({
    data: {
      code,
      villageCode: "3216010001",
      rt: "03",
      problem: `Gang becek (${code})`,
      kamusNoMatch: true,
      channel: "web",
      searchText: "gang becek",
      proposerId: `r-${code}`,
    },
  });
}

const codes = async (db: Db) => (await db.proposal.findMany({ orderBy: { code: "asc" } })).map((p) => p.code);
const file = (name: string) => join(testTmpDir, `${randomUUID()}-${name}`);

describe("backup and restore on SQLite", () => {
  it("copies an open database and restores it into an empty one and over the original", async () => {
    const store = await freshSqlite();
    await addProposal(store.db, "U26-AAAA"); // the connection stays open, as a running bot's would
    const backup = file("musrenbang.db");

    const made = await runCli(["backup", backup], { databaseUrl: store.url });
    expect(made.stderr).toBe("");
    expect(made.stdout).toMatch(/Backup written to .*musrenbang\.db/);
    const again = await runCli(["backup", backup], { databaseUrl: store.url });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists: choose a new file name/);

    const elsewhere = `file:${file("restored.db")}`;
    const restored = await runCli(["restore", backup], { databaseUrl: elsewhere });
    expect(restored.stdout).toMatch(/Restored .*: 1 proposals, 1 residents/);
    const copy = openStore(elsewhere);
    expect(await copy.db.proposal.findUniqueOrThrow({ where: { code: "U26-AAAA" } })).toMatchObject({
      problem: "Gang becek (U26-AAAA)",
      rt: "03",
      villageCode: "3216010001",
    });
    await copy.db.$disconnect();

    // Over the original: refused while it holds proposals, done with --force; the later proposal is gone.
    await addProposal(store.db, "U26-BBBB");
    await store.db.$disconnect();
    const refused = await runCli(["restore", backup], { databaseUrl: store.url });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/already holds 2 proposals: add --force/);
    expect((await runCli(["restore", backup, "--force"], { databaseUrl: store.url })).code).toBe(0);
    const original = openStore(store.url);
    expect(await codes(original.db)).toEqual(["U26-AAAA"]);
    await original.db.$disconnect();
  }, 120_000);

  it("refuses a file that is not a backup and says why", async () => {
    const notes = file("notes.txt");
    writeFileSync(notes, "bukan database\n".repeat(100));
    const result = await runCli(["restore", notes], { databaseUrl: `file:${file("x.db")}` });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/notes\.txt cannot be (opened|read)/);
  });
});

const pgUrl = process.env.TEST_DATABASE_URL;
describe.runIf(pgUrl)("backup and restore on PostgreSQL", () => {
  it("prints pg_dump and pg_restore commands that round-trip the database", async () => {
    const store = await freshPostgres(pgUrl!);
    await addProposal(store.db, "U26-PGPG");
    const dump = file("musrenbang.dump");
    const backup = await runCli(["backup", dump], { databaseUrl: pgUrl });
    expect(backup.stdout.trim()).toMatch(/^pg_dump --format=custom --no-owner --file='.*musrenbang\.dump' 'postgres/);
    const restore = await runCli(["restore", dump], { databaseUrl: pgUrl });
    expect(restore.stdout.trim()).toMatch(/^pg_restore --clean --if-exists .*musrenbang\.dump'$/);

    execFileSync("sh", ["-c", backup.stdout.trim()]);
    await store.db.proposal.deleteMany();
    expect(await codes(store.db)).toEqual([]);
    await store.db.$disconnect();
    execFileSync("sh", ["-c", restore.stdout.trim()]);
    const back = openStore(pgUrl!);
    expect(await codes(back.db)).toEqual(["U26-PGPG"]);
    await back.db.$disconnect();
  }, 60_000);
});
