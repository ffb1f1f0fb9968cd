// Open311 GeoReport v2, read-only JSON, for civic tools and journalists: discovery, services (the active kamus),
// requests (public proposals) with the standard's filters plus page/page_size. Errors are the standard's array
// `[{ "code": 400, "description": "..." }]` with the same HTTP status.
import { Hono, type Context } from "hono";
import type { Db, Prisma, ProposalStatus } from "../store/client.ts";
import { publicSelect, toPublic } from "../public/data.ts";
import { loadPublicTexts, type PublicTexts } from "../texts/public-texts.ts";
import { closedStatuses, isoDate, openStatuses, toRequest, toService } from "./format.ts";

export interface Open311Deps {
  db: Db;
  texts?: PublicTexts;
  /** The public base URL for discovery (e.g. "https://musrenbang.bekasikab.go.id"); else taken from the request. */
  baseUrl?: string;
  now?: () => Date;
}

/** Default and largest page size of requests.json. */
export const defaultPageSize = 50;
export const maxPageSize = 200;
/** Without start_date/end_date, the standard's default window. */
const defaultDays = 90;
const day = 24 * 60 * 60 * 1000;

const headers = {
  "access-control-allow-origin": "*",
  "cache-control": "public, max-age=60",
  "x-content-type-options": "nosniff",
};

class Open311Error extends Error {
  constructor(
    readonly status: 400 | 404 | 405,
    message: string,
  ) {
    super(message);
  }
}

/** The Open311 routes under /open311/v2, to mount with `app.route("/", open311Routes(deps))`. */
export function open311Routes(deps: Open311Deps): Hono {
  const t = deps.texts ?? loadPublicTexts();
  const now = deps.now ?? (() => new Date());
  const app = new Hono().basePath("/open311/v2");

  app.onError((error, c) => {
    if (error instanceof Open311Error) return errorArray(c, error.status, error.message);
    throw error;
  });

  app.get("/discovery.json", (c) => {
    const base = deps.baseUrl ?? new URL(c.req.url).origin;
    return c.json(
      {
        changeset: isoDate(new Date(Date.UTC(2026, 10, 29))),
        contact: "Bappeda (admin Musrenbang) — lihat halaman desa di /desa/<kode>.",
        key_service: "Tidak perlu API key: layanan ini hanya-baca.",
        endpoints: [
          {
            specification: "http://wiki.open311.org/GeoReport_v2",
            url: `${base}/open311/v2`,
            changeset: isoDate(new Date(Date.UTC(2026, 10, 29))),
            type: "production",
            formats: ["application/json"],
          },
        ],
      },
      200,
      headers,
    );
  });

  app.get("/services.json", async (c) => {
    const entries = await deps.db.kamusEntry.findMany({
      where: { active: true },
      select: { kode: true, nama: true, agency: true, unit: true, subKegiatan: true },
      orderBy: { kode: "asc" },
    });
    return c.json(entries.map(toService), 200, headers);
  });

  app.get("/requests.json", async (c) => {
    const where = requestFilter(c, now());
    const { page, size } = paging(c);
    const rows = await deps.db.proposal.findMany({
      where,
      select: publicSelect,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * size,
      take: size,
    });
    return c.json(
      rows.map((r) => toRequest(toPublic(r), t)),
      200,
      headers,
    );
  });

  app.get("/requests/:file", async (c) => {
    const match = /^(.+)\.(json|xml)$/.exec(c.req.param("file"));
    if (!match) throw new Open311Error(404, "Alamat tidak dikenal. Contoh: /open311/v2/requests/U26-7K3Q.json");
    if (match[2] !== "json") throw new Open311Error(400, "Hanya format JSON yang tersedia: pakai akhiran .json.");
    const code = decodeURIComponent(match[1]!).trim().toUpperCase();
    const row = await deps.db.proposal.findUnique({ where: { code }, select: publicSelect });
    if (!row) throw new Open311Error(404, `Usulan ${code} tidak ditemukan. Periksa kodenya, misalnya U26-7K3Q.`);
    return c.json([toRequest(toPublic(row), t)], 200, headers);
  });

  app.on(["POST", "PUT", "PATCH", "DELETE"], "*", () => {
    throw new Open311Error(
      405,
      "Layanan ini hanya-baca: usulan baru dikirim lewat bot WhatsApp, Telegram, atau /chat.",
    );
  });
  app.get("/services.xml", () => {
    throw new Open311Error(400, "Hanya format JSON yang tersedia: pakai akhiran .json.");
  });
  app.get("/requests.xml", () => {
    throw new Open311Error(400, "Hanya format JSON yang tersedia: pakai akhiran .json.");
  });
  // A catch-all route rather than notFound(): a mounted sub-app's notFound is not used by the parent app.
  app.get("*", (c) =>
    errorArray(
      c,
      404,
      "Alamat tidak dikenal. Yang tersedia: discovery.json, services.json, requests.json, requests/<kode>.json.",
    ),
  );
  return app;
}

function errorArray(c: Context, status: 400 | 404 | 405, description: string): Response {
  return c.json([{ code: status, description }], status, headers);
}

/** service_request_id, service_code, status, start_date, end_date → a Prisma filter; bad values → 400. */
function requestFilter(c: Context, now: Date): Prisma.ProposalWhereInput {
  const list = (name: string) =>
    c.req
      .query(name)
      ?.split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  const ids = list("service_request_id");
  if (ids?.length) return { code: { in: ids.map((id) => id.toUpperCase()) } };
  const where: Prisma.ProposalWhereInput = {};
  const codes = list("service_code");
  if (codes?.length) where.kamusEntry = { kode: { in: codes } };
  const statuses = list("status");
  if (statuses?.length) {
    const wanted: ProposalStatus[] = [];
    for (const s of statuses) {
      if (s === "open") wanted.push(...openStatuses);
      else if (s === "closed") wanted.push(...closedStatuses);
      else throw new Open311Error(400, `status "${s}" tidak dikenal: pakai open atau closed.`);
    }
    where.status = { in: wanted };
  }
  const start = dateParam(c, "start_date");
  const end = dateParam(c, "end_date");
  if (start && end && start > end) throw new Open311Error(400, "start_date harus sebelum end_date.");
  const from = start ?? new Date((end ?? now).getTime() - defaultDays * day);
  where.createdAt = { gte: from, ...(end ? { lte: end } : {}) };
  return where;
}

/** An ISO 8601 / W3C date-time ("2026-11-01T00:00:00Z", "2026-11-01"); anything else → 400. */
function dateParam(c: Context, name: string): Date | undefined {
  const value = c.req.query(name);
  if (value === undefined || value === "") return undefined;
  const iso = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
  const date = new Date(value);
  if (!iso.test(value) || Number.isNaN(date.getTime())) {
    throw new Open311Error(400, `${name} "${value}" bukan tanggal ISO 8601, contoh: 2026-11-01T00:00:00+07:00.`);
  }
  return date;
}

function paging(c: Context): { page: number; size: number } {
  const number = (name: string, fallback: number, max: number) => {
    const raw = c.req.query(name);
    if (raw === undefined || raw === "") return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > max) {
      throw new Open311Error(400, `${name} "${raw}" harus bilangan bulat dari 1 sampai ${max}.`);
    }
    return n;
  };
  return { page: number("page", 1, 100_000), size: number("page_size", defaultPageSize, maxPageSize) };
}
