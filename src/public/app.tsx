// Public transparency pages, no login: GET /desa/<kode>, /kecamatan/<kode>, /usulan/<code>, the berita acara
// PDFs of locked forums, and their assets under /publik/aset. Pages are cached for a short time and sent
// gzipped; no page carries personal data (see data.ts).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Hono, type Context } from "hono";
import type { JSX } from "hono/jsx/jsx-runtime";
import { projectRoot } from "../config/paths.ts";
import type { Db } from "../store/client.ts";
import {
  findDistrict,
  findProposal,
  findVillage,
  lockedForum,
  pickCycle,
  proposalsWhere,
  statusHistory,
  type PublicForum,
  type PublicProposal,
} from "./data.ts";
import { packBody, PageCache, type CachedBody } from "./page-cache.ts";
import { DistrictPage, NotFoundPage, ProposalPage, VillagePage } from "./pages.tsx";
import { loadPublicTexts, type PublicTexts } from "../texts/public-texts.ts";

/** Renders the berita acara PDF of a locked forum (the forum module provides it). */
export type MinutesPdf = (forumId: number) => Promise<Uint8Array>;

export interface PublicDeps {
  db: Db;
  texts?: PublicTexts;
  /** Berita acara renderer; without it the pages say the berita acara is not available yet. */
  minutesPdf?: MinutesPdf;
  /** How long a rendered page is reused (default 60 s; 0 turns the cache off). */
  cacheSeconds?: number;
  now?: () => Date;
}

/** Rows per page of a proposal list (keeps a page well under 200 KB). */
export const pageSize = 100;

const securityHeaders = {
  "content-security-policy":
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

/** The public routes, to mount on the main app with `app.route("/", publicRoutes(deps))`. */
export function publicRoutes(deps: PublicDeps): Hono {
  const t = deps.texts ?? loadPublicTexts();
  const now = deps.now ?? (() => new Date());
  const seconds = deps.cacheSeconds ?? 60;
  const cache = new PageCache(seconds * 1000);
  const app = new Hono();
  mountPublicAssets(app);

  /** Serves a cached page or renders, caches and serves it. */
  const page = async (c: Context, key: string, render: () => Promise<{ status: number; html: JSX.Element }>) => {
    const at = now().getTime();
    let hit = seconds > 0 ? cache.get(key, at) : undefined;
    if (!hit) {
      const { status, html } = await render();
      hit = packBody(status, `<!doctype html>${String(await html)}`, at);
      if (seconds > 0 && status === 200) cache.set(key, hit);
    }
    return send(c, hit, "text/html; charset=utf-8", `public, max-age=${seconds}`);
  };
  const notFound = (message: string) => ({ status: 404, html: <NotFoundPage t={t} message={message} /> });

  app.get("/desa/:kode", async (c) => {
    const kode = c.req.param("kode");
    const { year, pageNo } = listQuery(c);
    return page(c, `desa/${kode}/${year}/${pageNo}`, async () => {
      const village = await findVillage(deps.db, kode);
      if (!village) return notFound(t("not_found.desa", { code: kode }));
      const { cycles, cycle } = await pickCycle(deps.db, year, now());
      const forum = await lockedForum(deps.db, "DESA", village.code, cycle);
      const all = withForumRanks(await proposalsWhere(deps.db, { villageCode: village.code }, cycle), forum);
      const list = paged(all, pageNo);
      const path = `/desa/${village.code}`;
      const minutesHref = forum && deps.minutesPdf ? `${path}/berita-acara/${forum.year}.pdf` : null;
      return {
        status: 200,
        html: (
          <VillagePage
            {...{ t, path, cycles, cycle, all, forum, minutesHref, village, pageSize }}
            shown={list.rows}
            page={list.page}
            pages={list.pages}
          />
        ),
      };
    });
  });

  app.get("/kecamatan/:kode", async (c) => {
    const kode = c.req.param("kode");
    const { year, pageNo } = listQuery(c);
    return page(c, `kecamatan/${kode}/${year}/${pageNo}`, async () => {
      const district = await findDistrict(deps.db, kode);
      if (!district) return notFound(t("not_found.kecamatan", { code: kode }));
      const { cycles, cycle } = await pickCycle(deps.db, year, now());
      const forum = await lockedForum(deps.db, "KECAMATAN", district.code, cycle);
      const all = await proposalsWhere(deps.db, { districtCode: district.code }, cycle);
      const list = paged(all, pageNo);
      const path = `/kecamatan/${district.code}`;
      const minutesHref = forum && deps.minutesPdf ? `${path}/berita-acara/${forum.year}.pdf` : null;
      return {
        status: 200,
        html: (
          <DistrictPage
            {...{ t, path, cycles, cycle, all, forum, minutesHref, pageSize }}
            district={{ name: district.name, villages: district.villages.filter((v) => v.active) }}
            shown={list.rows}
            page={list.page}
            pages={list.pages}
          />
        ),
      };
    });
  });

  app.get("/usulan/:code", async (c) => {
    const code = c.req.param("code").trim().toUpperCase();
    return page(c, `usulan/${code}`, async () => {
      const proposal = await findProposal(deps.db, code);
      if (!proposal) return notFound(t("not_found.usulan", { code: c.req.param("code") }));
      const { cycle } = await pickCycle(deps.db, undefined, now());
      const forum = await lockedForum(deps.db, "DESA", proposal.village.code, cycle);
      const [withRank] = withForumRanks([proposal], forum);
      const history = await statusHistory(deps.db, proposal.code);
      return { status: 200, html: <ProposalPage t={t} proposal={withRank!} history={history} /> };
    });
  });

  for (const level of ["desa", "kecamatan"] as const) {
    app.get(`/${level}/:kode/berita-acara/:file`, async (c) => {
      const year = /^(\d{4})\.pdf$/.exec(c.req.param("file"))?.[1];
      const region =
        level === "desa"
          ? await findVillage(deps.db, c.req.param("kode"))
          : await findDistrict(deps.db, c.req.param("kode"));
      const { cycle } = year && region ? await pickCycle(deps.db, Number(year), now()) : { cycle: null };
      const forum =
        region && cycle
          ? await lockedForum(deps.db, level === "desa" ? "DESA" : "KECAMATAN", region.code, cycle)
          : null;
      if (!forum || !deps.minutesPdf) {
        const html = <NotFoundPage t={t} message={t("forum.minutes_none")} />;
        return c.html(`<!doctype html>${String(await html)}`, 404, securityHeaders);
      }
      const pdf = await deps.minutesPdf(forum.id);
      return c.body(new Uint8Array(pdf), 200, {
        ...securityHeaders,
        "content-type": "application/pdf",
        "content-disposition": `inline; filename="berita-acara-${level}-${region!.code}-${year}.pdf"`,
        "cache-control": `public, max-age=${seconds}`,
      });
    });
  }
  return app;
}

/** `?tahun=2026&halaman=2`; anything unreadable falls back to the default. */
function listQuery(c: Context): { year: number | undefined; pageNo: number } {
  const year = Number(c.req.query("tahun"));
  const pageNo = Number(c.req.query("halaman"));
  return {
    year: Number.isInteger(year) && year > 1900 && year < 3000 ? year : undefined,
    pageNo: Number.isInteger(pageNo) && pageNo > 0 ? pageNo : 1,
  };
}

function paged<T>(rows: T[], pageNo: number): { rows: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(rows.length / pageSize));
  const page = Math.min(pageNo, pages);
  return { rows: rows.slice((page - 1) * pageSize, page * pageSize), page, pages };
}

/** A locked forum's rank wins over the proposal's own field (kept in step by the forum module). */
function withForumRanks(proposals: PublicProposal[], forum: PublicForum | null): PublicProposal[] {
  if (!forum) return proposals;
  const ranks = new Map(forum.agreed.map((a) => [a.code, a.rank]));
  return proposals.map((p) => ({ ...p, rank: ranks.get(p.code) ?? p.rank }));
}

/** Sends a body gzipped when the client takes it, with ETag and 304 on a match. */
function send(c: Context, hit: CachedBody, type: string, cacheControl: string): Response {
  const headers: Record<string, string> = {
    ...securityHeaders,
    "content-type": type,
    "cache-control": hit.status === 200 ? cacheControl : "no-store",
    etag: hit.etag,
    vary: "accept-encoding",
  };
  if (hit.status === 200 && c.req.header("if-none-match") === hit.etag) {
    return new Response(null, { status: 304, headers });
  }
  const gzip = /\bgzip\b/.test(c.req.header("accept-encoding") ?? "");
  if (gzip) headers["content-encoding"] = "gzip";
  return new Response(new Uint8Array(gzip ? hit.gzip : hit.body), { status: hit.status, headers });
}

/** Chart.js from node_modules and the pages' own CSS and chart script, gzipped once at start. */
function mountPublicAssets(app: Hono): void {
  const files: Record<string, { path: string; type: string }> = {
    "chart.umd.js": { path: join(projectRoot, "node_modules/chart.js/dist/chart.umd.js"), type: "text/javascript" },
    "grafik.js": { path: join(projectRoot, "src/public/static/grafik.js"), type: "text/javascript" },
    "publik.css": { path: join(projectRoot, "src/public/static/publik.css"), type: "text/css" },
  };
  const loaded = new Map<string, CachedBody>();
  app.get("/publik/aset/:name", (c) => {
    const name = c.req.param("name");
    const file = files[name];
    if (!file) return c.text("Berkas tidak ditemukan.", 404);
    let body = loaded.get(name);
    if (!body) {
      body = packBody(200, readFileSync(file.path), Date.now());
      loaded.set(name, body);
    }
    return send(c, body, `${file.type}; charset=utf-8`, "public, max-age=86400");
  });
}
