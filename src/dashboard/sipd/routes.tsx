// GET /dashboard/ekspor/sipd.xlsx and .csv: the SIPD-shaped export of the officer's area (query parameters
// status, desa, kecamatan, tahun; default status DITERUSKAN). GET/POST /dashboard/ekspor/hasil: the admin
// uploads the agencies' results (CSV or XLSX) and every proposer hears the outcome.
import type { Hono } from "hono";
import { sipdRows, sipdShape } from "../../export/sipd.ts";
import { renderTable } from "../../export/table.ts";
import { importResults } from "../../import/import-results.ts";
import { Refusal } from "../../refusal.ts";
import { parseStatus } from "../../store/proposal-export.ts";
import { proposalScope } from "../../store/scope.ts";
import type { DashboardDeps } from "../deps.ts";
import { base, type DashEnv } from "../env.ts";
import { Layout } from "../layout.tsx";

const MAX_UPLOAD = 5 * 1024 * 1024;

export function mountSipd(app: Hono<DashEnv>, deps: DashboardDeps): void {
  for (const format of ["xlsx", "csv"] as const) {
    app.get(`/ekspor/sipd.${format}`, async (c) => {
      const q = c.req.query();
      const code = (v: string | undefined, len: number) => (v && new RegExp(`^\\d{${len}}$`).test(v) ? v : undefined);
      const year = /^\d{4}$/.test(q.tahun ?? "") ? Number(q.tahun) : undefined;
      const rows = await sipdRows(deps.store.db, {
        scope: proposalScope(c.get("scope")),
        status: (q.status && parseStatus(q.status)) || "DITERUSKAN",
        villageCode: code(q.desa, 10),
        districtCode: code(q.kecamatan, 7),
        year,
        photoBase: `${new URL(c.req.url).origin}${base}/usulan`,
      });
      const body = await renderTable(format, rows, sipdShape, "usulan SIPD");
      return c.body(new Uint8Array(body), 200, {
        "content-type":
          format === "csv"
            ? "text/csv; charset=utf-8"
            : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": `attachment; filename="usulan-sipd${year ? `-${year}` : ""}.${format}"`,
        "cache-control": "no-store",
      });
    });
  }

  app.get("/ekspor/hasil", (c) => c.html(<ResultsPage officer={c.get("officer")} />));

  app.post("/ekspor/hasil", async (c) => {
    const officer = c.get("officer");
    if (officer.role !== "ADMIN")
      throw new Refusal(403, "Hanya admin yang dapat mengunggah hasil dari Perangkat Daerah.");
    const form = await c.req.parseBody();
    const file = form.berkas;
    if (!(file instanceof File) || file.size === 0)
      throw new Refusal(400, "Pilih berkas CSV atau XLSX berisi kolom kode_usulan, hasil dan catatan.");
    if (file.size > MAX_UPLOAD) throw new Refusal(413, "Berkas terlalu besar (paling besar 5 MB).");
    const result = await importResults(deps.store.db, {
      bytes: new Uint8Array(await file.arrayBuffer()),
      file: file.name || "hasil",
      scope: proposalScope(c.get("scope")),
      actorId: officer.username,
      now: deps.now?.() ?? new Date(),
    });
    return c.html(
      <ResultsPage
        officer={officer}
        flash={{
          kind: "ok",
          text: `${result.applied} hasil disimpan dan warga pengusul menerima kabar.${result.unchanged ? ` ${result.unchanged} sudah tercatat sebelumnya.` : ""}`,
        }}
      />,
    );
  });
}

function ResultsPage(props: { officer: DashEnv["Variables"]["officer"]; flash?: { kind: "ok"; text: string } }) {
  return (
    <Layout title="Ekspor SIPD dan hasil" officer={props.officer} flash={props.flash ?? null}>
      <p>
        <a class="button" href={`${base}/ekspor/sipd.xlsx`}>
          Unduh usulan DITERUSKAN (XLSX)
        </a>{" "}
        <a class="button secondary" href={`${base}/ekspor/sipd.csv`}>
          CSV
        </a>
      </p>
      {props.officer.role === "ADMIN" && (
        <form method="post" action={`${base}/ekspor/hasil`} enctype="multipart/form-data" class="card">
          <h2>Unggah hasil dari Perangkat Daerah</h2>
          <p class="muted">Kolom: kode_usulan, hasil (DITERIMA atau TIDAK_DITERIMA), catatan. CSV atau XLSX.</p>
          <label>
            Berkas hasil
            <input type="file" name="berkas" accept=".csv,.xlsx" required />
          </label>
          <button type="submit">Unggah dan kabari warga</button>
        </form>
      )}
    </Layout>
  );
}
