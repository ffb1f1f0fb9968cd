// Request body limits (issue #13): a body over the limit is refused with 413 before it is read (from its
// Content-Length, or while streaming when there is none), so a 300 MB JSON never reaches memory.
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";

/** The limit per path prefix; the first prefix that matches wins, `fallback` for the rest. */
export interface BodyLimits {
  byPrefix: { prefix: string; maxBytes: number }[];
  fallback: number;
}

/** /api/chat: a message, never a file (64 KB); uploads on the dashboard: configurable; anything else: 1 MB. */
export function defaultBodyLimits(uploadMaxBytes = 20 * 1024 * 1024): BodyLimits {
  return {
    byPrefix: [
      { prefix: "/api/chat", maxBytes: 64 * 1024 },
      { prefix: "/dashboard", maxBytes: uploadMaxBytes },
    ],
    fallback: 1024 * 1024,
  };
}

function readable(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** One middleware for the whole app. */
export function bodyLimits(limits: BodyLimits): MiddlewareHandler {
  const guards = [...limits.byPrefix, { prefix: "/", maxBytes: limits.fallback }].map(({ prefix, maxBytes }) => ({
    prefix,
    guard: bodyLimit({
      maxSize: maxBytes,
      onError: (c) =>
        c.json(
          { error: `Data yang dikirim terlalu besar. Batasnya ${readable(maxBytes)}; mohon kirim yang lebih kecil.` },
          413,
        ),
    }),
  }));
  return (c, next) => {
    const path = c.req.path;
    const { guard } = guards.find(
      (g) => path === g.prefix || path.startsWith(g.prefix.endsWith("/") ? g.prefix : `${g.prefix}/`),
    )!;
    return guard(c, next);
  };
}
