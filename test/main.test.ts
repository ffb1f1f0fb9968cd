// `npm start` as an operator runs it: a fresh SQLite file, the sample data, /healthz, a clean SIGTERM.
import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import { projectRoot } from "../src/config/paths.ts";
import { openStore } from "../src/store/client.ts";
import { testTmpDir } from "./support/paths.ts";

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

describe("the program started by npm start", () => {
  it("migrates, seeds the sample region and kamus, answers /healthz, and stops on SIGTERM", async () => {
    const port = await freePort();
    const url = `file:${join(testTmpDir, `${randomUUID()}.db`)}`;
    // What `npm start` runs, without npm in between so the signal reaches the program itself.
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: url, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn" },
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

    let status = 0;
    for (let i = 0; i < 120 && status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 250));
      status = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status, () => 0);
    }
    expect(status, output).toBe(200);

    const { db } = openStore(url);
    expect(await db.kamusEntry.count()).toBe(240);
    expect(await db.district.count()).toBe(23);
    expect(await db.village.count()).toBe(187);
    await db.$disconnect();

    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  }, 60_000);
});
