// The one place where an error becomes an HTTP response. A Refusal (the user asked for something that cannot
// be done as asked) answers with its own status and Indonesian message; anything else is an infrastructure
// failure: logged with its cause, answered 500 with a polite message that gives nothing away.
import type { Context, ErrorHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { Logger } from "../logger.ts";
import { isRefusal } from "../refusal.ts";

const SERVER_FAILURE = "Terjadi kesalahan di server. Silakan coba lagi sebentar lagi.";

/** `app.onError(answerError(logger))`: JSON `{ "error": message }`, or a small page for a browser's form. */
export function answerError(logger: Logger): ErrorHandler {
  return (error, c) => {
    if (isRefusal(error)) {
      if (error.retryAfterSeconds !== undefined) c.header("Retry-After", String(error.retryAfterSeconds));
      return respond(c, error.status, error.message);
    }
    if (error instanceof HTTPException) return error.getResponse();
    logger.error({ err: error, path: c.req.path }, "request failed");
    return respond(c, 500, SERVER_FAILURE);
  };
}

/** `{ "error": ... }` unless the client asked for HTML first (a dashboard form post). */
export function respond(c: Context, status: number, message: string): Response {
  c.status(status as Parameters<Context["status"]>[0]);
  if (wantsHtml(c.req.header("accept"))) return c.html(errorPage(message));
  return c.json({ error: message });
}

function wantsHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  const html = accept.indexOf("text/html");
  const json = accept.indexOf("application/json");
  return html !== -1 && (json === -1 || html < json);
}

// Plain HTML: the site-wide CSP allows no inline style or script, so the page needs neither.
function errorPage(message: string): string {
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Tidak dapat diproses</title></head><body><p>${escapeHtml(message)}</p><p>Silakan kembali ke halaman sebelumnya dengan tombol kembali di peramban, lalu coba lagi.</p></body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
