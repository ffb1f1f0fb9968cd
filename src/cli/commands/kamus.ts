import type { Command } from "commander";
import { withStore } from "../with-store.ts";
import { writeOutput } from "../write-output.ts";
import { listKamus, kamusColumns, flattenKamus } from "../../store/kamus-list.ts";
import { parseFormat, renderTable } from "../../export/table.ts";
import { Refusal } from "../../refusal.ts";

/** `musrenbang kamus [--format json|csv]`: the kamus entries in the database. */
export function registerKamus(program: Command): void {
  program
    .command("kamus")
    .description("list the kamus usulan entries in the database")
    .option("--format <format>", "json | csv", "json")
    .option("--out <file>", "write to this file instead of stdout")
    .action(async (opts: { format: string; out?: string }) => {
      const format = parseFormat(opts.format, ["json", "csv"]);
      if (!format) throw new Refusal(400, `--format "${opts.format}" is not one of json, csv`);
      const entries = await withStore(({ db }) => listKamus(db));
      await writeOutput(
        await renderTable(format, entries, { columns: kamusColumns, flat: flattenKamus }),
        opts.out,
        false,
      );
    });
}
