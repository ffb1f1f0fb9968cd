// Runs the real `musrenbang` CLI in a child process, as an officer would.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { projectRoot } from "../../src/config/paths.ts";

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  stdoutBytes: Buffer;
}

/** `musrenbang ...args` with DATABASE_URL and optional stdin. */
export function runCli(
  args: string[],
  options: { databaseUrl?: string; input?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(projectRoot, "src/cli/bin.js"), ...args], {
      cwd: projectRoot,
      env: { ...process.env, ...options.env, ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}) },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => err.push(d));
    child.on("error", reject);
    child.on("close", (code) => {
      const stdoutBytes = Buffer.concat(out);
      resolve({ code, stdout: stdoutBytes.toString("utf8"), stderr: Buffer.concat(err).toString("utf8"), stdoutBytes });
    });
    child.stdin.end(options.input ?? "");
  });
}
