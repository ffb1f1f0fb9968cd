// Web chat: POST /api/chat (DESIGN.md §7), POST /api/chat/token and /api/chat/updates, and GET /chat, a small
// page to talk to the bot in a browser. Who is talking comes from a server-signed identity (see chat-identity.ts):
// the page's HttpOnly cookie or a token in `userId`; a free `userId` only with `Authorization: Bearer CHAT_API_KEY`.
import { randomUUID } from "node:crypto";
import { Hono, type Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { z } from "zod";
import { hasControl } from "../messages/clean.ts";
import { GeoPoint, type InboundMessage } from "../messages/message.ts";
import type { Host } from "../host/host.ts";
import { Refusal } from "../refusal.ts";
import { readBody } from "./body-limit.ts";
import { chatIdentity, sameSecret, type ChatIdentity } from "./chat-identity.ts";
import { busyPage, chatPage, chatScript, chatStyle } from "./chat-page.ts";
import { clientAddress } from "./client-address.ts";
import { defaultNewResidentBudget, NewResidentLimiter } from "./new-residents.ts";

const noControl = (s: string) => !hasControl(s);
const controlMessage = "tidak boleh berisi karakter kontrol (misalnya NUL)";

/** The request body, e.g. `{ "userId": "v1.…", "text": "jalan rusak", "messageId": "m1" }`. */
export const ChatRequest = z.object({
  userId: z.string().trim().min(1).max(200).refine(noControl, controlMessage).optional(),
  text: z.string().max(100_000).optional(),
  messageId: z.string().min(1).max(200).refine(noControl, controlMessage).optional(),
  location: GeoPoint.optional(),
});

/** The identity cookie of the /chat page. */
export const CHAT_COOKIE = "musrenbang_chat";

export interface ChatRouteOptions {
  /** Signs and checks identities; default: a random key for this process (tests). */
  identity?: ChatIdentity;
  /** CHAT_API_KEY: a trusted integration sending it as a Bearer token may name its own userId. */
  apiKey?: string;
  /** The budget of new web residents (global and per client address). */
  newResidents?: NewResidentLimiter;
  /** Take the client address from X-Forwarded-For (behind a reverse proxy). */
  trustProxy?: boolean;
}

type Who = { chatId: string } | { status: 400 | 401; error: string };

/** Routes for the web chat; the lead mounts them on the main app. */
export function chatRoutes(host: Pick<Host, "handle" | "pendingWeb">, options: ChatRouteOptions = {}): Hono {
  const identity = options.identity ?? chatIdentity(randomUUID());
  const newResidents = options.newResidents ?? new NewResidentLimiter(defaultNewResidentBudget);
  const app = new Hono();

  /** Who sends this request (see the file comment); `userId` is the body's field, if any. */
  function who(c: Context, userId: string | undefined): Who {
    const auth = c.req.header("authorization");
    if (auth !== undefined) {
      const key = /^Bearer\s+(.+)$/i.exec(auth)?.[1]?.trim();
      if (!options.apiKey || !key || !sameSecret(key, options.apiKey))
        return { status: 401, error: "Kunci API tidak cocok. Periksa CHAT_API_KEY integrasi Anda." };
      if (!userId) return { status: 400, error: "Permintaan tidak sesuai: userId wajib diisi untuk integrasi." };
      return { chatId: userId };
    }
    if (userId !== undefined) {
      const id = identity.verify(userId);
      if (id) return { chatId: id };
      return {
        status: 401,
        error:
          "userId ini tidak dikenal server. Minta token baru dengan POST /api/chat/token (isi token sebagai userId), atau buka halaman /chat.",
      };
    }
    const id = identity.verify(getCookie(c, CHAT_COOKIE) ?? "");
    if (id) return { chatId: id };
    return { status: 401, error: "Sesi obrolan tidak ditemukan. Mohon muat ulang halaman /chat." };
  }

  /** Refuses anything but JSON: a form or text/plain post from another site must not reach the bot. */
  function notJson(c: Context): Response | null {
    const type = c.req.header("content-type") ?? "";
    if (/^application\/json\s*(;|$)/i.test(type)) return null;
    return c.json({ error: 'Kirim sebagai JSON dengan header "content-type: application/json".' }, 415);
  }

  /** A new identity, within the budget of new residents; over it, the 429 response to send. */
  function issue(c: Context): { id: string; token: string } | Response {
    const budget = newResidents.take(clientAddress(c, options.trustProxy ?? false));
    if (!budget.ok) {
      const minutes = Math.ceil(budget.retryAfterS / 60);
      return c.json({ error: `Terlalu banyak pengguna baru saat ini. Mohon coba lagi dalam ${minutes} menit.` }, 429, {
        "Retry-After": String(budget.retryAfterS),
      });
    }
    return identity.issue();
  }

  function setIdentityCookie(c: Context, token: string): void {
    const https = new URL(c.req.url).protocol === "https:" || c.req.header("x-forwarded-proto") === "https";
    setCookie(c, CHAT_COOKIE, token, {
      httpOnly: true,
      sameSite: "Lax",
      path: "/",
      maxAge: 365 * 24 * 3600,
      secure: https,
    });
  }

  app.post("/api/chat", async (c) => {
    const refused = notJson(c);
    if (refused) return refused;
    let body: unknown;
    try {
      body = JSON.parse(await readBody(c));
    } catch {
      throw new Refusal(400, 'Kirim JSON, contoh: { "text": "halo" }');
    }
    const parsed = ChatRequest.safeParse(body);
    if (!parsed.success) {
      const where = parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");
      throw new Refusal(400, `Permintaan tidak sesuai: ${where}`);
    }
    const { userId, text, messageId, location } = parsed.data;
    const sender = who(c, userId);
    if ("error" in sender) return c.json({ error: sender.error }, sender.status);
    const { chatId } = sender;
    const inbound: InboundMessage = location
      ? {
          channel: "web",
          chatId,
          messageId: messageId ?? randomUUID(),
          kind: "location",
          location,
          ...(text ? { text } : {}),
        }
      : { channel: "web", chatId, messageId: messageId ?? randomUUID(), kind: "text", text: text ?? "" };
    const result = await host.handle(inbound);
    return c.json({
      replies: result.replies.map((r) => (r.options?.length ? { text: r.text, options: r.options } : { text: r.text })),
      expecting: result.expecting,
    });
  });

  // A token for a client that is not the /chat page (no cookies): send it as `userId` afterwards.
  app.post("/api/chat/token", (c) => {
    const refused = notJson(c);
    if (refused) return refused;
    const issued = issue(c);
    if (issued instanceof Response) return issued;
    return c.json({ token: issued.token }, 201);
  });

  // News queued for this resident outside a turn (a status change by an officer): the page asks every few seconds.
  app.post("/api/chat/updates", async (c) => {
    const refused = notJson(c);
    if (refused) return refused;
    const body = (await c.req.json().catch(() => ({}))) as { userId?: unknown };
    const userId = typeof body.userId === "string" && body.userId ? body.userId : undefined;
    if (userId !== undefined && hasControl(userId))
      return c.json({ error: `Permintaan tidak sesuai: userId: ${controlMessage}` }, 400);
    const sender = who(c, userId);
    if ("error" in sender) return c.json({ error: sender.error }, sender.status);
    const replies = await host.pendingWeb(sender.chatId);
    return c.json({
      replies: replies.map((r) => (r.options?.length ? { text: r.text, options: r.options } : { text: r.text })),
    });
  });

  app.get("/chat", (c) => {
    if (!identity.verify(getCookie(c, CHAT_COOKIE) ?? "")) {
      const issued = issue(c);
      if (issued instanceof Response) {
        const retryAfter = Number(issued.headers.get("Retry-After") ?? "60");
        return c.html(busyPage(retryAfter / 60), 429, { "Retry-After": String(retryAfter) });
      }
      setIdentityCookie(c, issued.token);
    }
    c.header("Cache-Control", "no-store");
    return c.html(chatPage);
  });
  app.get("/chat/app.js", (c) => c.body(chatScript, 200, { "Content-Type": "text/javascript; charset=utf-8" }));
  app.get("/chat/app.css", (c) => c.body(chatStyle, 200, { "Content-Type": "text/css; charset=utf-8" }));
  return app;
}
