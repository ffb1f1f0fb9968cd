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

/** Runs what `npm start` runs, without npm in between so a signal reaches the program itself. */
function startProgram(port: number, url: string) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn" },
  });
  const run = {
    child,
    output: "",
    exited: new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code))),
  };
  child.stdout.on("data", (d) => (run.output += d));
  child.stderr.on("data", (d) => (run.output += d));
  return run;
}

const freshDatabase = () => `file:${join(testTmpDir, `${randomUUID()}.db`)}`;

describe("the program started by npm start", () => {
  it("migrates, seeds the sample region and kamus, answers /healthz, and stops on SIGTERM", async () => {
    const port = await freePort();
    const url = freshDatabase();
    const run = startProgram(port, url);

    let status = 0;
    for (let i = 0; i < 120 && status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 250));
      status = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.status,
        () => 0,
      );
    }
    expect(status, run.output).toBe(200);

    const { db } = openStore(url);
    expect(await db.kamusEntry.count()).toBe(240);
    expect(await db.district.count()).toBe(23);
    expect(await db.village.count()).toBe(187);
    await db.$disconnect();

    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
  }, 60_000);

  it("says which port is taken and what to do, and exits 1", async () => {
    const busy = createServer();
    const port = await new Promise<number>((resolve) =>
      busy.listen(0, "127.0.0.1", () => resolve((busy.address() as { port: number }).port)),
    );
    try {
      const run = startProgram(port, freshDatabase());
      expect(await run.exited).toBe(1);
      expect(run.output).toContain(`port ${port} is already in use: stop the other program or set PORT to a free port`);
    } finally {
      busy.close();
    }
  }, 60_000);
});
