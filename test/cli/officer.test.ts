import { describe, expect, it, beforeAll } from "vitest";
import { freshSqlite } from "../support/stores.ts";
import { runCli } from "../support/cli.ts";
import { openStore, type Store } from "../../src/store/client.ts";
import { verifyPassword } from "../../src/auth/password.ts";

let store: Store;

beforeAll(async () => {
  store = await freshSqlite();
  await store.db.district.create({ data: { code: "3216010", name: "Setu", searchName: "setu" } });
  await store.db.village.create({
    data: { code: "3216010001", name: "Ragemanunggal", searchName: "ragemanunggal", districtCode: "3216010" },
  });
  await store.db.$disconnect();
});

async function officer(username: string) {
  const { db } = openStore(store.url);
  try {
    return await db.officer.findUnique({ where: { username } });
  } finally {
    await db.$disconnect();
  }
}

describe("musrenbang officer add", () => {
  it("stores a village officer with a scrypt hash of the password read from stdin", async () => {
    const r = await runCli(["officer", "add", "Operator.Rage", "--role", "village", "--region", "3216010001"], {
      databaseUrl: store.url,
      input: "rahasia-desa-1\n",
    });
    expect(r.code).toBe(0);
    const saved = await officer("operator.rage");
    expect(saved).toMatchObject({ role: "VILLAGE", regionCode: "3216010001" });
    expect(saved!.passwordHash).not.toContain("rahasia");
    expect(await verifyPassword("rahasia-desa-1", saved!.passwordHash)).toBe(true);
    expect(await verifyPassword("rahasia-desa-2", saved!.passwordHash)).toBe(false);
  });

  it("refuses a duplicate username, an unknown region and a missing region", async () => {
    const dup = await runCli(["officer", "add", "operator.rage", "--role", "admin"], {
      databaseUrl: store.url,
      input: "password123\n",
    });
    expect(dup.code).not.toBe(0);
    expect(dup.stderr).toContain("already exists");
    const unknown = await runCli(["officer", "add", "camat", "--role", "district", "--region", "3216999"], {
      databaseUrl: store.url,
      input: "password123\n",
    });
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain("3216999");
    const missing = await runCli(["officer", "add", "camat", "--role", "district"], {
      databaseUrl: store.url,
      input: "password123\n",
    });
    expect(missing.stderr).toContain("--region is required");
    expect(await officer("camat")).toBeNull();
  });

  it("refuses a short password and an unknown role", async () => {
    const short = await runCli(["officer", "add", "bappeda", "--role", "admin"], {
      databaseUrl: store.url,
      input: "abc\n",
    });
    expect(short.stderr).toContain("at least 8");
    const role = await runCli(["officer", "add", "bappeda", "--role", "bupati"], {
      databaseUrl: store.url,
      input: "password123\n",
    });
    expect(role.code).not.toBe(0);
    expect(role.stderr).toContain("admin, district, village");
  });
});

describe("musrenbang officer passwd and disable", () => {
  it("changes the password and ends open sessions; disable stops logins, --enable allows them again", async () => {
    const add = await runCli(["officer", "add", "ganti.sandi", "--role", "admin"], {
      databaseUrl: store.url,
      input: "sandi-lama-1\n",
    });
    expect(add.code).toBe(0);
    const before = await officer("ganti.sandi");
    const { db } = openStore(store.url);
    await db.officerSession.create({
      data: { id: "h1", officerId: before!.id, expiresAt: new Date(Date.now() + 1e6) },
    });
    await db.$disconnect();
    const r = await runCli(["officer", "passwd", "ganti.sandi"], { databaseUrl: store.url, input: "sandi-baru-2\n" });
    expect(r.code).toBe(0);
    const after = await officer("ganti.sandi");
    expect(await verifyPassword("sandi-baru-2", after!.passwordHash)).toBe(true);
    expect(await verifyPassword("sandi-lama-1", after!.passwordHash)).toBe(false);
    const check = openStore(store.url);
    expect(await check.db.officerSession.count({ where: { officerId: before!.id } })).toBe(0);
    await check.db.$disconnect();
    expect((await runCli(["officer", "disable", "ganti.sandi"], { databaseUrl: store.url })).code).toBe(0);
    expect((await officer("ganti.sandi"))!.active).toBe(false);
    expect((await runCli(["officer", "disable", "ganti.sandi", "--enable"], { databaseUrl: store.url })).code).toBe(0);
    expect((await officer("ganti.sandi"))!.active).toBe(true);
    const unknown = await runCli(["officer", "disable", "tidak.ada"], { databaseUrl: store.url });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no officer "tidak.ada"/);
  });
});
