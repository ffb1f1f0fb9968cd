// ADMIN only: the kamus (list, search, switch an entry off or on, upload a CSV/XLSX) and the wilayah (upload, or
// load a kabupaten from idn-area-data).
// Uploads go to the same importer as `musrenbang import` (src/import): errors name file, line and column,
// and nothing is half-imported. The running bot's matcher and region list are reloaded at once.
import type { Context, Hono, MiddlewareHandler } from "hono";
import {
  describeImport,
  importKabupaten,
  readKamusFile,
  readWilayahFile,
  writeKamus,
  writeWilayah,
  type ImportCounts,
  type ProgressCallback,
  type WilayahCounts,
} from "../../import/index.ts";
import { progressFrom } from "../../import/progress.ts";
import { isRefusal, Refusal } from "../../refusal.ts";
import { searchForm } from "../../store/search.ts";
import type { DashboardDeps } from "../deps.ts";
import { base, type DashEnv } from "../env.ts";
import { setFlash, takeFlash, type Flash } from "../flash.ts";
import { money, num } from "../format.ts";
import { Layout } from "../layout.tsx";
import { importJob, startImportJob, type ImportJob } from "./import-jobs.ts";
import { withUploadedFile } from "./upload.ts";

function adminOnly(deps: DashboardDeps): MiddlewareHandler<DashEnv> {
  return async (c, next) => {
    if (c.get("officer").role !== "ADMIN") throw new Refusal(403, deps.texts("admin.only"));
    await next();
  };
}

export function mountAdmin(app: Hono<DashEnv>, deps: DashboardDeps): void {
  const { db } = deps.store;
  const only = adminOnly(deps);

  // A refused upload is answered with the page itself (422): the import's message can be long for a cookie.
  const kamusPage = async (c: Context<DashEnv>, flash: Flash | null, status: 200 | 422 = 200) => {
    const q = (c.req.query("q") ?? "").trim().slice(0, 100);
    const words = searchForm(q).split(" ").filter(Boolean);
    const where = {
      AND: words.map((w) => ({ OR: [{ searchText: { contains: w } }, { kode: { contains: q.toUpperCase() } }] })),
    };
    const [entries, total] = await Promise.all([
      db.kamusEntry.findMany({
        where,
        orderBy: { kode: "asc" },
        take: 200,
        include: { _count: { select: { proposals: true } } },
      }),
      db.kamusEntry.count({ where }),
    ]);
    return c.html(
      <Layout title="Kamus usulan" officer={c.get("officer")} active={`${base}/kamus`} flash={flash}>
        <form method="get" class="actions">
          <input name="q" type="search" value={q} placeholder="Cari nama, OPD atau kode" aria-label="Cari kamus" />
          <button type="submit">Cari</button>
        </form>
        <p class="muted">
          {total} entri{total > entries.length ? `, ${entries.length} pertama ditampilkan` : ""}.
        </p>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th>Kode</th>
                <th>Nama</th>
                <th class="hide-sm">OPD</th>
                <th class="hide-sm">Satuan</th>
                <th class="num hide-sm">Harga satuan</th>
                <th class="num">Usulan</th>
                <th>Aktif</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr>
                  <td>{e.kode}</td>
                  <td>{e.nama}</td>
                  <td class="hide-sm">{e.agency ?? "–"}</td>
                  <td class="hide-sm">{e.unit ?? "–"}</td>
                  <td class="num hide-sm">{money(e.unitPrice)}</td>
                  <td class="num">{e._count.proposals}</td>
                  <td>
                    <form method="post" action={`${base}/kamus/${encodeURIComponent(e.kode)}/aktif`}>
                      <input type="hidden" name="aktif" value={e.active ? "0" : "1"} />
                      <button type="submit" class={e.active ? "secondary" : ""}>
                        {e.active ? "Nonaktifkan" : "Aktifkan"}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h2>Unggah kamus (CSV atau XLSX)</h2>
        <form class="card" method="post" action={`${base}/kamus/unggah`} enctype="multipart/form-data">
          <input type="file" name="berkas" accept=".csv,.xlsx" required aria-label="Berkas kamus" />
          <label>
            <input type="checkbox" name="ganti" value="1" />
            Berkas ini adalah seluruh kamus: entri yang tidak ada di berkas dinonaktifkan
          </label>
          <button type="submit">Impor</button>
        </form>
      </Layout>,
      status,
    );
  };
  app.get("/kamus", only, async (c) => kamusPage(c, takeFlash(c)));

  app.post("/kamus/:kode/aktif", only, async (c) => {
    const kode = c.req.param("kode");
    const body = await c.req.parseBody();
    const active = body.aktif === "1";
    const r = await db.kamusEntry.updateMany({ where: { kode }, data: { active } });
    if (!r.count) throw new Refusal(404, deps.texts("notfound"));
    await deps.kamusChanged?.().catch(() => undefined);
    setFlash(c, { kind: "ok", text: deps.texts(active ? "kamus.on" : "kamus.off", { kode }) });
    return c.redirect(`${base}/kamus`, 303);
  });

  // A checked file is written at once when small; over progressFrom rows (where the importer reports progress)
  // in the background, and the officer is sent to its progress page.
  const write = async <T extends ImportCounts | WilayahCounts>(
    c: Context<DashEnv>,
    kind: ImportJob["kind"],
    rows: number,
    run: (onProgress: ProgressCallback) => Promise<T>,
  ): Promise<Response> => {
    const done = async (counts: T) => {
      await deps.kamusChanged?.().catch(() => undefined);
      return deps.texts("upload.done", { summary: describeImport(counts) });
    };
    if (rows <= progressFrom) {
      setFlash(c, { kind: "ok", text: await done(await run(() => undefined)) });
      return c.redirect(`${base}/${kind}`, 303);
    }
    const id = startImportJob(kind, c.get("officer").id, rows, run, {
      finish: done,
      fail: (error) => {
        if (isRefusal(error)) return deps.texts("upload.failed", { error: error.message });
        deps.logger.error({ err: error }, "dashboard import failed");
        return deps.texts("error.server");
      },
    });
    return c.redirect(`${base}/impor/${id}`, 303);
  };

  app.post("/kamus/unggah", only, async (c) => {
    const body = await c.req.parseBody();
    const replace = body.ganti === "1";
    let entries;
    try {
      entries = await withUploadedFile(deps.texts, body.berkas, (path) => readKamusFile(path));
    } catch (error) {
      if (!isRefusal(error)) throw error;
      return kamusPage(c, { kind: "error", text: deps.texts("upload.failed", { error: error.message }) }, 422);
    }
    return write(c, "kamus", entries.length, (onProgress) => writeKamus(deps.store, entries, { replace, onProgress }));
  });

  // The progress line of a background import: the page reloads itself every 2 s without JavaScript (a
  // <noscript> refresh); with htmx only the line is fetched again each second, until the job has finished.
  app.get("/impor/:id", only, async (c) => {
    const id = c.req.param("id");
    const job = importJob(id, c.get("officer").id);
    if (!job) throw new Refusal(404, deps.texts("notfound"));
    const running = job.state === "running";
    const percent = job.total ? Math.floor((100 * job.done) / job.total) : 0;
    return c.html(
      <Layout
        title={job.kind === "kamus" ? "Impor kamus" : "Impor wilayah"}
        officer={c.get("officer")}
        active={`${base}/${job.kind}`}
        refreshSeconds={running ? 2 : undefined}
      >
        {running ? (
          <div
            id="import-progress"
            class="card"
            role="status"
            hx-get={`${base}/impor/${id}`}
            hx-trigger="every 1s"
            hx-select="#import-progress"
            hx-swap="outerHTML"
          >
            <progress max={job.total} value={job.done}>
              {percent}%
            </progress>
            <p>{deps.texts("upload.progress", { done: num(job.done), total: num(job.total), percent })}</p>
          </div>
        ) : (
          <div id="import-progress">
            <p
              class={`flash ${job.state === "done" ? "ok" : "error"}`}
              role={job.state === "done" ? "status" : "alert"}
            >
              {job.message}
            </p>
            <p>
              <a href={`${base}/${job.kind}`}>{job.kind === "kamus" ? "Kembali ke kamus" : "Kembali ke wilayah"}</a>
            </p>
          </div>
        )}
      </Layout>,
    );
  });

  const wilayahPage = async (c: Context<DashEnv>, flash: Flash | null, status: 200 | 422 = 200) => {
    const districts = await db.district.findMany({
      orderBy: { name: "asc" },
      include: { _count: { select: { villages: true } } },
    });
    return c.html(
      <Layout title="Wilayah" officer={c.get("officer")} active={`${base}/wilayah`} flash={flash}>
        <h2>Unggah daftar kecamatan dan desa (CSV atau XLSX)</h2>
        <form class="card" method="post" action={`${base}/wilayah/unggah`} enctype="multipart/form-data">
          <input type="file" name="berkas" accept=".csv,.xlsx" required aria-label="Berkas wilayah" />
          <label>
            <input type="checkbox" name="ganti" value="1" />
            Berkas ini adalah seluruh wilayah: desa dan kecamatan yang tidak ada di berkas dinonaktifkan
          </label>
          <button type="submit">Impor</button>
        </form>
        <h2>Atau muat dari data wilayah Kemendagri</h2>
        <form class="card" method="post" action={`${base}/wilayah/kabupaten`}>
          <label>
            Kode kabupaten/kota (Kemendagri), misalnya 32.16
            <input type="text" name="kode" required inputmode="decimal" pattern="[0-9.]{4,5}" />
          </label>
          <label>
            <input type="checkbox" name="ganti" value="1" />
            Desa dan kecamatan kabupaten ini yang tidak ada di data Kemendagri dinonaktifkan
          </label>
          <button type="submit">Muat</button>
        </form>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th>Kode</th>
                <th>Kecamatan</th>
                <th class="num">Desa</th>
                <th>Aktif</th>
              </tr>
            </thead>
            <tbody>
              {districts.map((d) => (
                <tr>
                  <td>{d.code}</td>
                  <td>{d.name}</td>
                  <td class="num">{d._count.villages}</td>
                  <td>{d.active ? "Ya" : "Tidak"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Layout>,
      status,
    );
  };
  app.get("/wilayah", only, async (c) => wilayahPage(c, takeFlash(c)));

  // The same loader as `musrenbang import wilayah --kabupaten`: idn-area-data, names paired with the stored list.
  app.post("/wilayah/kabupaten", only, async (c) => {
    const body = await c.req.parseBody();
    try {
      const result = await importKabupaten(deps.store, typeof body.kode === "string" ? body.kode : "", {
        replace: body.ganti === "1",
      });
      await deps.kamusChanged?.().catch(() => undefined);
      setFlash(c, { kind: "ok", text: deps.texts("upload.done", { summary: describeImport(result.counts) }) });
    } catch (error) {
      if (!isRefusal(error)) throw error;
      return wilayahPage(c, { kind: "error", text: deps.texts("upload.failed", { error: error.message }) }, 422);
    }
    return c.redirect(`${base}/wilayah`, 303);
  });

  app.post("/wilayah/unggah", only, async (c) => {
    const body = await c.req.parseBody();
    const replace = body.ganti === "1";
    let wilayah;
    try {
      wilayah = await withUploadedFile(deps.texts, body.berkas, (path) => readWilayahFile(path));
    } catch (error) {
      if (!isRefusal(error)) throw error;
      return wilayahPage(c, { kind: "error", text: deps.texts("upload.failed", { error: error.message }) }, 422);
    }
    const rows = wilayah.districts.length + wilayah.villages.length;
    return write(c, "wilayah", rows, (onProgress) => writeWilayah(deps.store, wilayah, { replace, onProgress }));
  });
}
