// The login cookie and the middleware that lets only logged-in officers through (others go to the login page).
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { getConnInfo } from "@hono/node-server/conninfo";
import { readSession } from "../store/officer-sessions.ts";
import type { DashboardDeps } from "./deps.ts";
import { base, type DashEnv } from "./env.ts";

export const cookieName = "musrenbang_sesi";

/** Secure when the request came over HTTPS (directly or through a proxy) or when configured. */
function secure(c: Context, always: boolean): boolean {
  return always || c.req.url.startsWith("https:") || c.req.header("x-forwarded-proto")?.split(",")[0] === "https";
}

export function setSessionCookie(c: Context, deps: DashboardDeps, token: string): void {
  setCookie(c, cookieName, token, {
    path: base,
    httpOnly: true,
    sameSite: "Lax",
    secure: secure(c, deps.settings.secureCookie),
    maxAge: Math.floor(deps.settings.session.absoluteMs / 1000),
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, cookieName, { path: base });
}

export function sessionToken(c: Context): string | undefined {
  return getCookie(c, cookieName);
}

/** The client's address for throttling: the socket's, or X-Forwarded-For's first hop behind a trusted proxy. */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown"; // app.request() in tests has no socket
  }
}

/** Lets a request through with `officer` and `scope` set, or answers 303 to the login page. */
export function requireOfficer(deps: DashboardDeps): MiddlewareHandler<DashEnv> {
  return async (c, next) => {
    const token = sessionToken(c);
    const now = deps.now?.() ?? new Date();
    const officer = token ? await readSession(deps.store.db, token, deps.settings.session, now) : null;
    if (!officer) {
      if (token) clearSessionCookie(c);
      return c.redirect(`${base}/login`, 303);
    }
    c.set("officer", officer);
    c.set("scope", { role: officer.role, regionCode: officer.regionCode });
    c.header("cache-control", "no-store");
    await next();
  };
}
