// Security headers on every response (issue #13): a strict Content-Security-Policy unless the route set its own
// (the dashboard's map tiles need one), no MIME sniffing, no framing, no referrer sent to other sites.
import type { MiddlewareHandler } from "hono";

/** The default policy: only this origin's scripts, styles, images and requests; no plugins, no framing. */
export const defaultCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const always: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  // The web chat may ask for the location pin; nothing else may use devices.
  "Permissions-Policy": "geolocation=(self), camera=(), microphone=(), payment=()",
};

/** Adds the headers after the route ran; a header the route set itself (e.g. its own CSP) is kept. */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    const set = (name: string, value: string) => {
      if (!headers.has(name)) headers.set(name, value);
    };
    try {
      set("Content-Security-Policy", defaultCsp);
      for (const [name, value] of Object.entries(always)) set(name, value);
    } catch {
      // Immutable headers (a fetched Response passed through): copy the response.
      c.res = new Response(c.res.body, c.res);
      c.res.headers.set("Content-Security-Policy", c.res.headers.get("Content-Security-Policy") ?? defaultCsp);
      for (const [name, value] of Object.entries(always)) if (!c.res.headers.has(name)) c.res.headers.set(name, value);
    }
  };
}
