// Browser-facing protections for every dashboard response: strict headers (no inline scripts, no framing,
// no sniffing) and a same-origin check on every state-changing request (cross-site request forgery).
import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { Refusal } from "../refusal.ts";
import type { DashboardTexts } from "./dashboard-texts.ts";

/** CSP allows only our own scripts and styles; images also from the map tile server. */
export function dashboardHeaders(mapTileUrl: string): MiddlewareHandler {
  let tiles: string[];
  try {
    // "{s}" subdomains become a wildcard source, e.g. https://*.tile.example.org
    const url = new URL(mapTileUrl.replace(/\{s\}/g, "s-sub").replace(/\{[a-z]\}/g, "0"));
    tiles = [url.origin.replace("s-sub", "*")];
  } catch {
    tiles = [];
  }
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", "data:", ...tiles],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: "DENY",
    xContentTypeOptions: "nosniff",
    referrerPolicy: "same-origin",
    crossOriginEmbedderPolicy: false,
  });
}

/** The origin the browser sees: a TLS proxy in front says so with X-Forwarded-Proto. */
export function ownOrigin(url: string, forwardedProto: string | undefined, host: string | undefined): string {
  const u = new URL(url);
  const proto = forwardedProto?.split(",")[0]?.trim() || u.protocol.replace(":", "");
  return `${proto}://${host ?? u.host}`;
}

/** Refuses (403) a POST/PUT/PATCH/DELETE whose Origin header is missing or not the dashboard's own. */
export function sameOriginOnly(texts: DashboardTexts): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD" || c.req.method === "OPTIONS") return next();
    const origin = c.req.header("origin");
    const own = ownOrigin(c.req.url, c.req.header("x-forwarded-proto"), c.req.header("host"));
    if (!origin || origin !== own) throw new Refusal(403, texts("origin.refused"));
    return next();
  };
}
