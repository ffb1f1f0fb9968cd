// GET /dashboard/ekspor.xlsx and .csv: the list's current selection (same query parameters), inside the
// officer's scope only. No personal data: the columns are those of `musrenbang proposals` (no names or chats).
import type { Hono } from "hono";
import { renderTable } from "../../export/table.ts";
import { flattenProposal, listProposalsWhere, proposalColumns } from "../../store/proposal-export.ts";
import { proposalOrder, proposalWhere } from "../../store/proposal-query.ts";
import type { DashboardDeps } from "../deps.ts";
import type { DashEnv } from "../env.ts";
import { parseListParams } from "./filters.ts";

export function mountProposalExport(app: Hono<DashEnv>, deps: DashboardDeps): void {
  const { db } = deps.store;
  for (const format of ["xlsx", "csv"] as const) {
    app.get(`/ekspor.${format}`, async (c) => {
      const p = parseListParams(c.req.query());
      const records = await listProposalsWhere(db, proposalWhere(c.get("scope"), p.filter), proposalOrder(p.sort));
      const data = await renderTable(format, records, { columns: proposalColumns, flat: flattenProposal }, "usulan");
      const stamp = new Date().toISOString().slice(0, 10);
      return c.body(new Uint8Array(data), 200, {
        "content-type":
          format === "xlsx"
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            : "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="usulan-${stamp}.${format}"`,
      });
    });
  }
}
