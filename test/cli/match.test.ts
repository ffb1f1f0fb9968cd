// `musrenbang match`, run as a child process the way an outside tool runs it (DESIGN.md §7).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeKamus } from "../../src/import/index.ts";
import { addLearnedPhrase } from "../../src/store/learned-phrases.ts";
import { runCli } from "../support/cli.ts";
import { testTmpDir } from "../support/paths.ts";
import { freshSqlite } from "../support/stores.ts";
import { jemberKamusPath, malangEntries, malangKamusPath } from "../kamus/support.ts";

interface Line {
  text: string;
  matches: { kode: string; nama: string; score: number }[];
}

function lines(stdout: string): Line[] {
  return stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Line);
}

describe("musrenbang match --kamus FILE", () => {
  it("answers one JSON line per input line with the Malang kamus, best first, top 3 by default", async () => {
    const input = "lampu jalan di gang kami mati, gelap\ntong sampah 20 unit\nhp saya rusak minta ganti\n";
    const { code, stdout, stderr } = await runCli(["match", "--kamus", malangKamusPath], { input });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const out = lines(stdout);
    expect(out.map((l) => l.text)).toEqual([
      "lampu jalan di gang kami mati, gelap",
      "tong sampah 20 unit",
      "hp saya rusak minta ganti",
    ]);
    expect(out[0]!.matches).toHaveLength(3);
    expect(out[0]!.matches[0]!.nama).toMatch(/^PJU/);
    expect(Object.keys(out[0]!.matches[0]!).sort()).toEqual(["kode", "nama", "score"]);
    expect(out[1]!.matches[0]).toMatchObject({ kode: "MLG23-231", nama: "Pengadaan tong sampah" });
    expect(out[2]!.matches).toEqual([]);
  });

  it("takes the Jember layout (id_kamus, nama_usulan, jenis_usulan, opd_pelaksana) and --top", async () => {
    const input = "pelatihan las listrik buat pemuda\njalan kampung gelap tidak ada lampu\n";
    const { code, stdout } = await runCli(["match", "--top", "2", "--kamus", jemberKamusPath], { input });
    expect(code).toBe(0);
    const [las, lamp] = lines(stdout);
    expect(las!.matches).toHaveLength(2);
    expect(las!.matches.map((m) => m.nama).join(" | ")).toMatch(/Las/);
    expect(lamp!.matches.map((m) => m.nama).join(" | ")).toMatch(/Lampu Jalan|PJU/);
  });

  it("keeps an empty line as an input with no match", async () => {
    const { stdout } = await runCli(["match", "--kamus", malangKamusPath], { input: "PJU\n\nrabat beton" });
    expect(lines(stdout).map((l) => [l.text, l.matches.length > 0])).toEqual([
      ["PJU", true],
      ["", false],
      ["rabat beton", true],
    ]);
  });

  it("explains a bad --top in one line and exits non-zero", async () => {
    const badTop = await runCli(["match", "--top", "abc", "--kamus", malangKamusPath], { input: "PJU\n" });
    expect(badTop.code).not.toBe(0);
    expect(badTop.stderr.trim().split("\n")).toHaveLength(1);
    expect(badTop.stderr).toMatch(/--top/);
  });

  it("names a kamus file that does not exist and exits non-zero", async () => {
    const missing = await runCli(["match", "--kamus", "/no/such/kamus.csv"], { input: "PJU\n" });
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/kamus\.csv/);
  });
});

describe("musrenbang match --learn FILE", () => {
  it("learns the officers' text,kode pairs before matching", async () => {
    mkdirSync(testTmpDir, { recursive: true });
    const file = join(testTmpDir, `filed-${process.pid}.csv`);
    writeFileSync(file, "text,kode\nOdong-odong keliling,MLG23-234\npos kamling terang,MLG23-148\n");
    const input = "odong odong keliling\nbikin pos kamling yang terang\n";
    const { code, stdout, stderr } = await runCli(
      ["match", "--top", "2", "--kamus", malangKamusPath, "--learn", file],
      {
        input,
      },
    );
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const [ride, lamp] = lines(stdout);
    expect(ride!.matches[0]!.kode).toBe("MLG23-234");
    expect(lamp!.matches[0]!.kode).toBe("MLG23-148");
  });

  it("names the row of a kode the kamus does not have", async () => {
    mkdirSync(testTmpDir, { recursive: true });
    const file = join(testTmpDir, `filed-bad-${process.pid}.csv`);
    writeFileSync(file, "text,kode\nJalan Rusak,MLG23-068\nKeagamaan,MLG99-999\n");
    const { code, stderr } = await runCli(["match", "--kamus", malangKamusPath, "--learn", file], { input: "x\n" });
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/line 3.*MLG99-999/);
  });
});

describe("musrenbang match (database)", () => {
  it("uses the kamus and the learned phrases in DATABASE_URL", async () => {
    const store = await freshSqlite();
    await writeKamus(store, await malangEntries());
    await addLearnedPhrase(store.db, { kode: "MLG23-234", phrase: "odong odong" });
    await store.db.$disconnect();
    const { code, stdout, stderr } = await runCli(["match", "--top", "1"], {
      databaseUrl: store.url,
      input: "minta odong-odong buat anak-anak\n",
    });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(lines(stdout)[0]!.matches.map((m) => m.kode)).toEqual(["MLG23-234"]);
  });

  it("says how to fill an empty database", async () => {
    const store = await freshSqlite();
    await store.db.$disconnect();
    const { code, stderr } = await runCli(["match"], { databaseUrl: store.url, input: "PJU\n" });
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/import kamus/);
  });
});
