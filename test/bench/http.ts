// npm run bench:http — residents completing proposals through POST /api/chat of the real app (a child
// process, as in production), N concurrent keep-alive clients; beside it a bare node:http server that
// parses the same JSON and answers, driven by the same client in the same run: the machine's HTTP ceiling.
// SQLite always, PostgreSQL when TEST_DATABASE_URL is set. Targets (2 cores): SQLite ≥ 0.7 × ceiling with
// p99 ≤ 25 ms, PostgreSQL ≥ 0.5 × ceiling.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { startApp, freePort } from "../support/app-process.ts";
import { answerFor, chatClient, openingMessages, proposalCode, type ChatAnswer } from "../support/chat-client.ts";
import { freshPostgres } from "../support/stores.ts";

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 16);
const RESIDENTS = Number(process.env.BENCH_RESIDENTS ?? 400);
/** BENCH_PROFILE=DIR: the app writes a V8 CPU profile (node --cpu-prof) per run into DIR. */
const PROFILE = process.env.BENCH_PROFILE;

const BARE_SERVER = `
const http = require("node:http");
http.createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    const out = JSON.stringify({ replies: [{ text: "Terima kasih, " + String(body.text).slice(0, 40) }], expecting: "confirm" });
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(out) });
    res.end(out);
  });
}).listen(Number(process.argv[1]), "127.0.0.1", () => console.log("ready"));
`;

/** CPU seconds a process has used so far (Linux /proc; 0 elsewhere). */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

interface Result {
  messages: number;
  proposals: number;
  seconds: number;
  p50: number;
  p99: number;
  /** CPU seconds the server process used during the run. */
  serverCpu: number;
}

/** Runs RESIDENTS residents over CLIENTS concurrent clients; `bare`: a fixed 8 messages each (no dialogue). */
async function drive(
  baseUrl: string,
  label: string,
  bare: boolean,
  residents = RESIDENTS,
  serverPid?: number,
): Promise<Result> {
  const cpu0 = cpuSeconds(serverPid);
  const client = chatClient(CLIENTS);
  const latencies: number[] = [];
  let proposals = 0;
  let next = 0;
  const started = performance.now();
  const say = async (userId: string, text: string, n: number): Promise<ChatAnswer> => {
    const t0 = performance.now();
    const answer = await client.say(baseUrl, userId, text, `${userId}-${n}`);
    latencies.push(performance.now() - t0);
    return answer;
  };
  async function resident(i: number): Promise<void> {
    const userId = `bench-${label}-${i}`;
    let n = 0;
    if (bare) {
      for (let k = 0; k < 8; k++) await say(userId, `pesan ${k}`, ++n);
      return;
    }
    let last: ChatAnswer | undefined;
    for (const text of openingMessages(i)) last = await say(userId, text, ++n);
    for (let guard = 0; guard < 20 && last; guard++) {
      if (proposalCode(last)) {
        proposals++;
        return;
      }
      last = await say(userId, answerFor(last.expecting), ++n);
    }
  }
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < residents) await resident(next++);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  client.close();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
  const serverCpu = cpuSeconds(serverPid) - cpu0;
  return { messages: latencies.length, proposals, seconds, p50: pct(50), p99: pct(99), serverCpu };
}

function print(label: string, r: Result, ceiling?: number): void {
  const rate = r.messages / r.seconds;
  console.log(
    `${label.padEnd(9)} clients=${CLIENTS} messages=${r.messages} proposals=${r.proposals} time=${r.seconds.toFixed(2)}s ` +
      `rate=${rate.toFixed(0)} msg/s${ceiling ? ` = ${(rate / ceiling).toFixed(2)} × ceiling` : ""} ` +
      `p50=${r.p50.toFixed(2)}ms p99=${r.p99.toFixed(2)}ms server cpu=${r.serverCpu.toFixed(2)}s ` +
      `(${(r.messages / r.serverCpu).toFixed(0)} msg per server CPU-second; load ${loadavg()[0]!.toFixed(1)})`,
  );
}

async function bareCeiling(): Promise<number> {
  const port = await freePort();
  const child = spawn(process.execPath, ["-e", BARE_SERVER, String(port)], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
  try {
    await drive(`http://127.0.0.1:${port}`, "warm", true, CLIENTS * 4);
    const r = await drive(`http://127.0.0.1:${port}`, "bare", true, Math.round(RESIDENTS * 1.5), child.pid);
    print("node:http", r);
    return r.messages / r.seconds;
  } finally {
    child.kill();
  }
}

async function app(label: string, url: string, ceiling: number): Promise<void> {
  // Many residents from one address in a few seconds: the per-resident and new-resident limits are for
  // the public, not for this trusted client.
  const running = await startApp(
    url,
    {
      SEED_ON_EMPTY: "1",
      RETENTION_DAYS: "0",
      MAX_PROPOSALS_PER_CYCLE: "1000",
    },
    { nodeArgs: PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${join(PROFILE, label)}`] : [] },
  );
  try {
    await drive(running.url, `${label}-warm`, false, CLIENTS * 2);
    print(label, await drive(running.url, label, false, RESIDENTS, running.child.pid), ceiling);
  } finally {
    await running.stop();
  }
}

const dir = mkdtempSync(join(tmpdir(), "musrenbang-bench-http-"));
try {
  const ceiling = await bareCeiling();
  await app("sqlite", `file:${join(dir, "bench.db")}`, ceiling);
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (pgUrl) {
    const store = await freshPostgres(pgUrl);
    await store.db.$disconnect();
    await app("postgres", pgUrl, ceiling);
  } else console.log("postgres skipped: set TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test to run it too");
} finally {
  rmSync(dir, { recursive: true, force: true });
}
