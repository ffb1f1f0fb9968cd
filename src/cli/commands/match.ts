import type { Command } from "commander";
import { createInterface } from "node:readline";
import { readFiledPairs, readKamusFile } from "../../import/index.ts";
import { buildMatcher } from "../../kamus/matcher.ts";
import type { KamusMatcher } from "../../kamus/types.ts";
import { loadKamus } from "../../store/learned-phrases.ts";
import { withStore } from "../with-store.ts";
import { Refusal } from "../../refusal.ts";

/** Parses --top: a whole number from 1 to 50. */
export function parseTop(raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 50)
    throw new Refusal(400, `--top "${raw}" must be a whole number from 1 to 50`);
  return n;
}

/** One output line of `musrenbang match`, e.g. `{"text":"PJU","matches":[{"kode":"MLG23-085","nama":"PJU Tiang Hole 40Watt","score":1.2}]}`. */
export function matchLine(matcher: KamusMatcher, text: string, top: number): string {
  const matches = matcher.match(text, { top }).matches.map((m) => ({
    kode: m.entry.kode,
    nama: m.entry.nama,
    score: Math.round(m.score * 1000) / 1000,
  }));
  return JSON.stringify({ text, matches });
}

/**
 * `musrenbang match [--top K] [--kamus FILE] [--learn FILE]`: one resident text per stdin line → one JSON line per
 * input, best first; an empty `matches` list means nothing in the kamus fits. With --kamus no database is opened.
 * --learn reads `text,kode` pairs and teaches them first, as officers' reclassifications would be (in memory only:
 * `musrenbang phrases add` stores one).
 */
export function registerMatch(program: Command): void {
  program
    .command("match")
    .description("match resident texts (one per stdin line) to the kamus; prints one JSON line per input")
    .option("--top <k>", "how many entries to return per text (1-50)", "3")
    .option("--kamus <file>", "match against this kamus CSV/XLSX instead of the database")
    .option("--learn <file>", "first learn the officer phrases of this CSV/XLSX (columns text,kode)")
    .action(async (opts: { top: string; kamus?: string; learn?: string }) => {
      const top = parseTop(opts.top);
      const { entries, learned } = opts.kamus
        ? { entries: await readKamusFile(opts.kamus), learned: [] }
        : await withStore(({ db }) => loadKamus(db));
      if (!entries.length)
        throw new Refusal(
          409,
          "the kamus is empty: import one with `musrenbang import kamus FILE` or pass --kamus FILE",
        );
      const matcher = buildMatcher(entries, learned);
      if (opts.learn) {
        const pairs = await readFiledPairs(opts.learn, (kode) => matcher.entry(kode) !== undefined);
        for (const pair of pairs) matcher.learn(pair);
      }
      const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
      for await (const line of lines) {
        const ok = process.stdout.write(`${matchLine(matcher, line.replace(/^\uFEFF/, ""), top)}\n`);
        if (!ok) await new Promise((resolve) => process.stdout.once("drain", resolve));
      }
    });
}
