import type { Command } from "commander";
import { withStore } from "../with-store.ts";
import { writeOutput } from "../write-output.ts";
import { listProposals, flattenProposal, parseStatus, proposalColumns } from "../../store/proposal-export.ts";
import { parseFormat, renderTable } from "../../export/table.ts";
import { Refusal } from "../../refusal.ts";

/** `musrenbang proposals [--village KODE] [--status S] [--format json|csv|xlsx] [--out FILE]`. */
export function registerProposals(program: Command): void {
  program
    .command("proposals")
    .description("export the captured proposals")
    .option("--village <kode>", "only this desa (10-digit BPS code)")
    .option("--district <kode>", "only this kecamatan (7-digit BPS code)")
    .option("--status <status>", "only this status, e.g. DIAJUKAN")
    .option("--format <format>", "json | csv | xlsx", "json")
    .option("--out <file>", "write to this file instead of stdout")
    .action(async (opts: { village?: string; district?: string; status?: string; format: string; out?: string }) => {
      const format = parseFormat(opts.format, ["json", "csv", "xlsx"]);
      if (!format) throw new Refusal(400, `--format "${opts.format}" is not one of json, csv, xlsx`);
      const status = opts.status === undefined ? undefined : parseStatus(opts.status);
      if (status === null)
        throw new Refusal(400, `--status "${opts.status}" is not a proposal status (e.g. DIAJUKAN, DIVERIFIKASI)`);
      const records = await withStore(({ db }) =>
        listProposals(db, { villageCode: opts.village, districtCode: opts.district, status }),
      );
      const data = await renderTable(format, records, { columns: proposalColumns, flat: flattenProposal }, "usulan");
      await writeOutput(data, opts.out, format === "xlsx");
    });
}
