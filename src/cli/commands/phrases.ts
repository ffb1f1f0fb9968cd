import type { Command } from "commander";
import { parseFormat, renderTable } from "../../export/table.ts";
import {
  addLearnedPhrase,
  listLearnedPhrases,
  removeLearnedPhrase,
  type LearnedPhraseRecord,
} from "../../store/learned-phrases.ts";
import { withStore } from "../with-store.ts";
import { writeOutput } from "../write-output.ts";
import { Refusal } from "../../refusal.ts";

const columns = ["id", "kode", "phrase", "source", "createdBy", "createdAt"] as const;

function flat(r: LearnedPhraseRecord): Record<string, string | number | null> {
  return { ...r, createdAt: r.createdAt.toISOString() };
}

/**
 * `musrenbang phrases list [--kode K] [--format json|csv]`, `musrenbang phrases add KODE "phrase"`,
 * `musrenbang phrases remove ID`: the learned phrases the matcher uses (an admin's review of what it learned).
 */
export function registerPhrases(program: Command): void {
  const phrases = program.command("phrases").description("list, add and remove the matcher's learned phrases");
  phrases
    .command("list")
    .description("list learned phrases, oldest first")
    .option("--kode <kode>", "only the phrases of this kamus entry")
    .option("--format <format>", "json | csv", "json")
    .action(async (opts: { kode?: string; format: string }) => {
      const format = parseFormat(opts.format, ["json", "csv"]);
      if (!format) throw new Refusal(400, `--format "${opts.format}" is not one of json, csv`);
      const rows = await withStore(({ db }) => listLearnedPhrases(db, { kode: opts.kode }));
      await writeOutput(await renderTable(format, rows, { columns, flat }), undefined, false);
    });
  phrases
    .command("add <kode> <phrase>")
    .description("teach the matcher that PHRASE means kamus entry KODE")
    .option("--by <name>", "who adds it (kept with the phrase)")
    .action(async (kode: string, phrase: string, opts: { by?: string }) => {
      const { record, created } = await withStore(({ db }) =>
        addLearnedPhrase(db, { kode, phrase, source: "officer", createdBy: opts.by ?? null }),
      );
      console.log(
        created
          ? `Phrase ${record.id} added to ${record.kode}: "${record.phrase}"`
          : `${record.kode} already has this phrase (id ${record.id}).`,
      );
    });
  phrases
    .command("remove <id>")
    .description("forget learned phrase ID (see `phrases list`)")
    .action(async (rawId: string) => {
      const id = Number(rawId);
      if (!Number.isInteger(id) || id < 1)
        throw new Refusal(400, `"${rawId}" is not a phrase id (a whole number, see \`musrenbang phrases list\`)`);
      const removed = await withStore(({ db }) => removeLearnedPhrase(db, id));
      if (!removed) throw new Refusal(404, `no learned phrase with id ${id}`);
      console.log(`Phrase ${id} removed from ${removed.kode}: "${removed.phrase}"`);
    });
}
