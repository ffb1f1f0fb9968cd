// Scripts, styles and images served from the installed npm packages and src/dashboard/static (never a CDN:
// village offices may sit on an intranet). Read once at start; the browser may cache them for a day.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Hono } from "hono";
import { projectRoot } from "../config/paths.ts";
import type { DashEnv } from "./env.ts";

const modules = join(projectRoot, "node_modules");
const own = join(projectRoot, "src/dashboard/static");

const types: Record<string, string> = {
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  png: "image/png",
  svg: "image/svg+xml",
};

function files(): Record<string, string> {
  const map: Record<string, string> = {
    "htmx.min.js": join(modules, "htmx.org/dist/htmx.min.js"),
    "chart.umd.js": join(modules, "chart.js/dist/chart.umd.js"),
    "leaflet.js": join(modules, "leaflet/dist/leaflet.js"),
    "leaflet.css": join(modules, "leaflet/dist/leaflet.css"),
  };
  for (const name of readdirSync(join(modules, "leaflet/dist/images")))
    map[`images/${name}`] = join(modules, "leaflet/dist/images", name);
  for (const name of readdirSync(own)) map[name] = join(own, name);
  return map;
}

/** The asset names, e.g. "htmx.min.js", "dashboard.css", "images/marker-icon.png". */
export const assetNames = Object.keys(files());

/** Adds `GET /aset/<name>` to the dashboard app. */
export function mountAssets(app: Hono<DashEnv>): void {
  const cache = new Map<string, Buffer>();
  const paths = files();
  app.get("/aset/*", (c) => {
    const name = c.req.path.replace(/^.*?\/aset\//, "");
    const path = paths[name];
    if (!path) return c.text("Berkas tidak ditemukan.", 404);
    let body = cache.get(name);
    if (!body) {
      body = readFileSync(path);
      cache.set(name, body);
    }
    const ext = name.split(".").pop() ?? "";
    return c.body(new Uint8Array(body), 200, {
      "content-type": types[ext] ?? "application/octet-stream",
      "cache-control": "public, max-age=86400",
    });
  });
}
