// Request body limits (issue #13): a body over the limit is refused with 413 before it is read (from its
// Content-Length, or while streaming when there is none), so a 300 MB JSON never reaches memory. Under
// @hono/node-server a body with a Content-Length is checked on the Node request and read from it directly
// (`readBody`): building a web Request and stream for every chat message cost about a tenth of a turn's CPU.
import type { IncomingMessage } from "node:http";
import type { Context, MiddlewareHandler } from "hono";
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
    maxBytes,
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
    const { guard, maxBytes } = guards.find(
      (g) => path === g.prefix || path.startsWith(g.prefix.endsWith("/") ? g.prefix : `${g.prefix}/`),
    )!;
    const incoming = nodeRequest(c);
    const length = incoming?.headers["content-length"];
    if (!incoming || length === undefined || incoming.headers["transfer-encoding"] !== undefined) return guard(c, next); // no length known: hono counts while it streams
    if (Number(length) > maxBytes) return guard(c, next); // hono answers the 413 from the header
    declared.add(incoming);
    return next();
  };
}

/** Node requests whose Content-Length passed its limit (Node's parser never delivers more than it declares). */
const declared = new WeakSet<IncomingMessage>();

/** The Node request under @hono/node-server (`c.env.incoming`); undefined in `app.request()` tests. */
function nodeRequest(c: Context): IncomingMessage | undefined {
  const env = c.env as { incoming?: IncomingMessage } | undefined;
  return env?.incoming;
}

/**
 * The request body as text. A Node request that passed `bodyLimits` on its Content-Length is read straight from
 * the socket (and kept as `rawBody`, where @hono/node-server finds it if a web Request is built later); any
 * other request through hono.
 */
export async function readBody(c: Context): Promise<string> {
  const incoming = nodeRequest(c);
  if (!incoming || !declared.has(incoming) || incoming.readableDidRead) return c.req.text();
  const chunks: Buffer[] = [];
  for await (const chunk of incoming as AsyncIterable<Buffer>) chunks.push(chunk);
  const body = Buffer.concat(chunks);
  Object.assign(incoming, { rawBody: body });
  return body.toString("utf8");
}
