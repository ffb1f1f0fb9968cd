// `npm run bench:match [-- --eval FILE --kamus FILE]`: the kamus matcher against the baseline (natural TfIdf
// over names, no normalisation) on a labelled eval set, plus build time and query latency on the real kamus
// and on a generated 3,000-entry kamus. Prints one table. "Query p99" is over warm repeats of the eval texts;
// "first-pass p99" is the first sight of each text (stems and typo repairs not cached yet).
// `npm run bench:match -- --cv FILE` instead runs 2-fold cross-validation on officers' filed pairs (text,kode):
// learn one half as officer phrases, test the other, swap; prints top-1/3/5 with and without learning, and the dev
// set's scores with every pair learned (learning must not push unrelated entries out).
import { existsSync } from "node:fs";
import { basename, join } from "node:path";
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { projectRoot } from "../../src/config/paths.ts";
import { Analyzer } from "../../src/kamus/analyzer.ts";
import { defaultLanguageData, loadLanguageData } from "../../src/kamus/language-data.ts";
import { readFiledPairs, readKamusFile } from "../../src/import/index.ts";
import { buildMatcher, type MatcherOptions } from "../../src/kamus/matcher.ts";
import { defaultNothingFits, nothingFitsReason, type NothingFitsReason } from "../../src/kamus/nothing-fits.ts";
import type { KamusDoc, LearnedPhraseDoc } from "../../src/kamus/types.ts";
import { baselineRanker } from "./match/baseline.ts";
import { halves, readEvalSet } from "./match/eval-set.ts";
import { crossValidate } from "./match/cross-validation.ts";
import { evaluate, type Metrics, type Ranker } from "./match/metrics.ts";
import { syntheticKamus } from "./match/synthetic.ts";

const { values: args } = parseArgs({
  options: { eval: { type: "string" }, kamus: { type: "string" }, cv: { type: "string" } },
});

function firstExisting(paths: string[]): string {
  const found = paths.find((p) => existsSync(p));
  if (!found) throw new Error(`none of these files exists: ${paths.join(", ")}`);
  return found;
}

const sharedData = join(projectRoot, "..", "shared", "data");
const evalPath =
  args.eval ?? firstExisting([join(sharedData, "eval", "kamus-dev.csv"), "/work/shared/data/eval/kamus-dev.csv"]);
const kamusPath =
  args.kamus ??
  firstExisting([
    join(projectRoot, "prisma", "seed", "kamus-malang-2023.csv"),
    join(sharedData, "kamus-malang-2023.csv"),
    "/work/shared/data/kamus-malang-2023.csv",
  ]);

const kamus: KamusDoc[] = await readKamusFile(kamusPath);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(7);

if (args.cv) {
  const pairs = await readFiledPairs(args.cv);
  const folds = crossValidate(kamus, pairs);
  console.log(`2-fold cross-validation on ${basename(args.cv)} (${pairs.length} pairs); kamus: ${basename(kamusPath)}`);
  console.log(`${"".padEnd(48)}  top-1    top-3    top-5`);
  for (const f of folds) console.log(`${f.name.padEnd(48)}${pct(f.top1)}  ${pct(f.top3)}  ${pct(f.top5)}`);
  // Learning must not push unrelated entries out: the dev set's messages, with every pair of the file learned.
  const dev = readEvalSet(evalPath);
  for (const [name, learned] of [
    ["dev set, nothing learned", []],
    ["dev set, all pairs learned", pairs],
  ] as const) {
    const m = buildMatcher(kamus, learned);
    const r = evaluate((t) => m.match(t, { top: 5 }).matches.map((x) => x.entry.kode), dev);
    console.log(`${name.padEnd(48)}${pct(r.top1)}  ${pct(r.top3)}  ${pct(r.top5)}`);
  }
  process.exit(0);
}

const cases = readEvalSet(evalPath);
const { tune, check } = halves(cases);

function matcherRanker(entries: KamusDoc[], options: Partial<MatcherOptions> = {}): Ranker {
  const m = buildMatcher(entries, [], options);
  return (text) => m.match(text, { top: 5 }).matches.map((x) => x.entry.kode);
}

const rows: [string, Metrics][] = [];
const full = matcherRanker(kamus);
const fullMetrics = evaluate(full, cases);
rows.push(["matcher", fullMetrics]);
rows.push(["  tuning half (odd rows)", evaluate(full, tune)]);
rows.push(["  check half (even rows)", evaluate(full, check)]);
rows.push(["  without concepts", evaluate(matcherRanker(kamus, { conceptScale: 0 }), cases)]);
rows.push(["  without typo repair", evaluate(matcherRanker(kamus, { fuzzy: false }), cases)]);
rows.push([
  "  scope lists off",
  evaluate(matcherRanker(kamus, { nothingFits: { ...defaultNothingFits, cueScore: 0 } }), cases),
]);
rows.push(["  without activity modes", evaluate(matcherRanker(kamus, { modes: false }), cases)]);
rows.push(["  without requirement fit", evaluate(matcherRanker(kamus, { fit: { meet: 0, break: 0 } }), cases)]);
rows.push(["  without nothing-fits", evaluate(matcherRanker(kamus, { nothingFits: false }), cases)]);
const baseMetrics = evaluate(baselineRanker(kamus), cases);
rows.push(["baseline (TfIdf on names)", baseMetrics]);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Microseconds of CPU this process used (user + system), immune to waiting for a busy machine's cores. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * Build and query times, wall clock and CPU. Other processes share this machine, so each figure is the median of
 * three runs. Cold: a fresh analyser (no stem cached yet, as in a new process); warm: the process-wide one.
 */
function timing(entries: KamusDoc[], learned: LearnedPhraseDoc[] = []) {
  const runs: Record<"buildCold" | "buildCpu" | "buildWarm" | "firstP99" | "p50" | "p99" | "p99Cpu", number[]> = {
    buildCold: [],
    buildCpu: [],
    buildWarm: [],
    firstP99: [],
    p50: [],
    p99: [],
    p99Cpu: [],
  };
  for (let run = 0; run < 3; run++) {
    const analyzer = new Analyzer(defaultLanguageData());
    let t = performance.now();
    let c = cpuMs();
    const matcher = buildMatcher(entries, learned, { analyzer });
    runs.buildCold.push(performance.now() - t);
    runs.buildCpu.push(cpuMs() - c);
    t = performance.now();
    buildMatcher(entries, learned);
    runs.buildWarm.push(performance.now() - t);
    const first: number[] = [];
    for (const e of cases) {
      const s = performance.now();
      matcher.match(e.text, { top: 3 });
      first.push(performance.now() - s);
    }
    const warm: number[] = [];
    const warmCpu: number[] = [];
    for (let round = 0; round < 10; round++) {
      for (const e of cases) {
        const s = performance.now();
        c = cpuMs();
        matcher.match(e.text, { top: 3 });
        warmCpu.push(cpuMs() - c);
        warm.push(performance.now() - s);
      }
    }
    for (const xs of [first, warm, warmCpu]) xs.sort((a, b) => a - b);
    runs.firstP99.push(percentile(first, 99));
    runs.p50.push(percentile(warm, 50));
    runs.p99.push(percentile(warm, 99));
    runs.p99Cpu.push(percentile(warmCpu, 99));
  }
  return Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, median(v)])) as Record<keyof typeof runs, number>;
}

let t0 = performance.now();
const language = loadLanguageData();
const languageMs = performance.now() - t0;
t0 = performance.now();
new Analyzer(language);
const analyzerMs = performance.now() - t0;
const small = timing(kamus);
const generated = syntheticKamus(kamus, 3000);
const large = timing(generated);
// A kelurahan's years of filings: 1,000 officer wordings (pieces of the eval texts) filed to their entries.
const fitting = cases.filter((c) => c.acceptable.length);
const filings: LearnedPhraseDoc[] = Array.from({ length: 1000 }, (_, i) => {
  const c = fitting[i % fitting.length]!;
  const start = 3 * Math.floor(i / fitting.length);
  return {
    kode: c.acceptable[0]!,
    phrase:
      c.text
        .split(/\s+/)
        .slice(start, start + 6)
        .join(" ") || c.text,
  };
});
const taught = timing(generated, filings);

// Which rule said "nothing fits", over every eval text: the scope lists are the part most at risk of fitting the set.
const reasons: Record<NothingFitsReason, number> = { weak: 0, unexplained: 0, request: 0, scope: 0 };
const inspector = buildMatcher(kamus);
for (const c of cases) {
  const reason = nothingFitsReason(inspector.inspect(c.text).features, defaultNothingFits);
  if (reason) reasons[reason]++;
}
const decided = reasons.weak + reasons.unexplained + reasons.request + reasons.scope;

console.log(
  `eval: ${basename(evalPath)} (${fitting.length} fitting, ${cases.length - fitting.length} NONE)   kamus: ${basename(kamusPath)} (${kamus.length} entries)`,
);
console.log("");
console.log(`${"".padEnd(28)}  top-1    top-3    top-5  NONE rec  false NONE`);
for (const [name, m] of rows) {
  console.log(
    `${name.padEnd(28)}${pct(m.top1)}  ${pct(m.top3)}  ${pct(m.top5)}  ${pct(m.noneRecall)}    ${pct(m.falseNone)}`,
  );
}
console.log(
  `${"top-3 ratio matcher/baseline".padEnd(28)}${(fullMetrics.top3 / baseMetrics.top3).toFixed(2).padStart(7)}x`,
);
console.log(
  `"nothing fits" decisions: ${decided}; from the scope lists ${reasons.scope} (${pct(decided ? reasons.scope / decided : 0).trim()}), weak score ${reasons.weak}, too little explained ${reasons.unexplained}, requested object unexplained ${reasons.request}`,
);
console.log("");
console.log(
  `once per process: language data read ${languageMs.toFixed(0)} ms, analyser compiled ${analyzerMs.toFixed(0)} ms; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`,
);
console.log(`${"".padEnd(20)}entries  build cold (cpu)     build warm  query p50  query p99 (cpu)     first-pass p99`);
for (const [name, r, n] of [
  ["real kamus", small, kamus.length],
  ["generated kamus", large, 3000],
  ["  + 1,000 learned", taught, 3000],
] as const) {
  const ms = (x: number) => `${x.toFixed(x < 10 ? 3 : 1)} ms`;
  console.log(
    `${name.padEnd(20)}${String(n).padStart(7)}  ${`${ms(r.buildCold)} (${ms(r.buildCpu)})`.padEnd(19)}  ${ms(r.buildWarm).padStart(10)}  ${ms(r.p50).padStart(9)}  ${`${ms(r.p99)} (${ms(r.p99Cpu)})`.padEnd(18)}  ${ms(r.firstP99).padStart(14)}`,
  );
}
