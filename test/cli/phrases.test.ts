// `musrenbang phrases list|add|remove`: an admin reviews what the matcher learned.
import { describe, expect, it } from "vitest";
import { writeKamus } from "../../src/import/index.ts";
import { runCli } from "../support/cli.ts";
import { freshSqlite } from "../support/stores.ts";

async function database(): Promise<string> {
  const store = await freshSqlite();
  await writeKamus(store, [{ kode: "MLG23-231", nama: "Pengadaan tong sampah", unit: "unit", unitPrice: 300_000 }]);
  await store.db.$disconnect();
  return store.url;
}

describe("musrenbang phrases", () => {
  it("adds, lists and removes a learned phrase", async () => {
    const databaseUrl = await database();
    const add = await runCli(["phrases", "add", "MLG23-231", "bak runtah", "--by", "admin"], { databaseUrl });
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(/Phrase 1 added to MLG23-231: "bak runtah"/);
    const again = await runCli(["phrases", "add", "MLG23-231", "Bak  Runtah"], { databaseUrl });
    expect(again.stdout).toMatch(/already has this phrase \(id 1\)/);

    const list = await runCli(["phrases", "list", "--kode", "MLG23-231"], { databaseUrl });
    expect(JSON.parse(list.stdout)).toMatchObject([
      { id: 1, kode: "MLG23-231", phrase: "bak runtah", source: "officer", createdBy: "admin" },
    ]);
    const csv = await runCli(["phrases", "list", "--format", "csv"], { databaseUrl });
    expect(csv.stdout).toMatch(/id,kode,phrase,source,createdBy,createdAt/);

    const remove = await runCli(["phrases", "remove", "1"], { databaseUrl });
    expect(remove.stdout).toMatch(/Phrase 1 removed from MLG23-231/);
    expect(JSON.parse((await runCli(["phrases", "list"], { databaseUrl })).stdout)).toEqual([]);
  });

  it("explains mistakes in one line and exits non-zero", async () => {
    const databaseUrl = await database();
    for (const args of [
      ["phrases", "add", "NOPE", "apa"],
      ["phrases", "remove", "99"],
      ["phrases", "remove", "x"],
      ["phrases", "list", "--format", "xml"],
    ]) {
      const r = await runCli(args, { databaseUrl });
      expect(r.code, args.join(" ")).not.toBe(0);
      expect(r.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
    }
  });
});
