import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.ts";
import { csvRows, generatedKamus, samples, tmpFolder, withLine, writeTmp, writeXlsx } from "./files.ts";

/** A DATABASE_URL for a SQLite file that does not exist yet: the CLI migrates it first. */
const freshUrl = () => `file:${join(tmpFolder(), "musrenbang.db")}`;

describe("musrenbang import", () => {
  it("imports Jember's kamus, and again leaves 62 entries", async () => {
    const databaseUrl = freshUrl();
    const first = await runCli(["import", "kamus", samples.jember], { databaseUrl });
    expect(first).toMatchObject({ code: 0, stderr: "" });
    expect(first.stdout).toBe("Kamus: 62 entri (62 baru, 0 diperbarui, 0 tetap) dari kamus-jember-2017.csv\n");
    const again = await runCli(["import", "kamus", samples.jember], { databaseUrl });
    expect(again.stdout).toBe("Kamus: 62 entri (0 baru, 0 diperbarui, 62 tetap) dari kamus-jember-2017.csv\n");
    const listed = await runCli(["kamus", "--format", "json"], { databaseUrl });
    expect(JSON.parse(listed.stdout)).toHaveLength(62);
  });

  it("replaces the sample kamus with the kabupaten's own: --replace switches off what the new file leaves out", async () => {
    const databaseUrl = freshUrl();
    await runCli(["import", "kamus", samples.malang], { databaseUrl });
    const r = await runCli(["import", "kamus", samples.jember, "--replace"], { databaseUrl });
    expect(r.stdout).toBe(
      "Kamus: 62 entri (62 baru, 0 diperbarui, 0 tetap, 240 dinonaktifkan) dari kamus-jember-2017.csv\n",
    );
    const listed = await runCli(["kamus", "--format", "json"], { databaseUrl });
    expect(JSON.parse(listed.stdout)).toHaveLength(62);
  });

  it("fails on a blank name with one line naming file, line and column, and imports nothing", async () => {
    const databaseUrl = freshUrl();
    const blank = writeTmp(
      "kamus-jember-2017.csv",
      withLine(samples.jember, 5, (l) => l.replace(/^4,"[^"]*",/, "4,,")),
    );
    const r = await runCli(["import", "kamus", blank], { databaseUrl });
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(
      /^musrenbang: kamus-jember-2017\.csv line 5, column nama_usulan: name is empty\. Nothing was imported/,
    );
    const listed = await runCli(["kamus", "--format", "json"], { databaseUrl });
    expect(JSON.parse(listed.stdout)).toEqual([]);
  });

  it("imports an XLSX copy of the Malang kamus as the same 240 entries as the CSV", async () => {
    const [header, ...rows] = csvRows(samples.malang);
    const price = header!.indexOf("harga_satuan");
    const xlsx = await writeXlsx("kamus-malang-2023.xlsx", [
      header!,
      ...rows.map((row) => row.map((v, i) => (i === price ? Number(v) : v))),
    ]);
    const fromCsv = freshUrl();
    const fromXlsx = freshUrl();
    expect(await runCli(["import", "kamus", samples.malang], { databaseUrl: fromCsv })).toMatchObject({
      code: 0,
      stderr: "",
    });
    const r = await runCli(["import", "kamus", xlsx], { databaseUrl: fromXlsx });
    expect(r.stdout).toBe("Kamus: 240 entri (240 baru, 0 diperbarui, 0 tetap) dari kamus-malang-2023.xlsx\n");
    const list = async (databaseUrl: string) => (await runCli(["kamus", "--format", "json"], { databaseUrl })).stdout;
    expect(await list(fromXlsx)).toBe(await list(fromCsv));
  });

  it("says so when the file does not exist", async () => {
    const r = await runCli(["import", "kamus", "tidak-ada.csv"], { databaseUrl: freshUrl() });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(
      /^musrenbang: tidak-ada\.csv: file not found \(looked for .*tidak-ada\.csv\); check the path/,
    );
  });

  it("imports the region list", async () => {
    const r = await runCli(["import", "wilayah", samples.bekasi], { databaseUrl: freshUrl() });
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toBe(
      "Wilayah: 23 kecamatan (23 baru, 0 diperbarui, 0 tetap), 187 desa (187 baru, 0 diperbarui, 0 tetap) dari wilayah-bekasi.csv\n",
    );
  });

  it("shows progress on stderr for a file over 1,000 rows", async () => {
    const r = await runCli(["import", "kamus", writeTmp("besar.csv", generatedKamus(1200))], {
      databaseUrl: freshUrl(),
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      "Kamus: 500/1200 baris diproses\nKamus: 1000/1200 baris diproses\nKamus: 1200/1200 baris diproses\n",
    );
    expect(r.stdout).toBe("Kamus: 1200 entri (1200 baru, 0 diperbarui, 0 tetap) dari besar.csv\n");
  });
});

describe("musrenbang import wilayah --kabupaten", () => {
  it("adds Kemendagri codes to the sample list and names the desa spelled differently", async () => {
    const databaseUrl = freshUrl();
    await runCli(["import", "wilayah", samples.bekasi], { databaseUrl });
    const r = await runCli(["import", "wilayah", "--kabupaten", "32.16"], { databaseUrl });
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toContain("Wilayah Kabupaten Bekasi (32.16): 23 kecamatan (0 baru, 23 diperbarui, 0 tetap)");
    expect(r.stdout).toContain("desa Cileduk (3216010008) = Ciledug (32.16.18.2004)");
  });

  it("exits non-zero with one line when given both a file and --kabupaten", async () => {
    const r = await runCli(["import", "wilayah", samples.bekasi, "--kabupaten", "32.16"], { databaseUrl: freshUrl() });
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});
