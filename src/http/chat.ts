// Web chat: POST /api/chat (DESIGN.md §7) and GET /chat, a small page to talk to the bot in a browser.
import { randomUUID } from "node:crypto";
import { Hono } from "hono";
import { z } from "zod";
import type { InboundMessage } from "../messages/message.ts";
import type { Host } from "../host/host.ts";
import { Refusal } from "../refusal.ts";
import { chatPage } from "./chat-page.ts";

/** The request body, e.g. `{ "userId": "abc", "text": "jalan rusak", "messageId": "m1" }`. */
export const ChatRequest = z.object({
  userId: z.string().trim().min(1).max(200),
  text: z.string().max(100_000).optional(),
  messageId: z.string().min(1).max(200).optional(),
  location: z.object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) }).optional(),
});

/** Routes for the web chat; the lead mounts them on the main app. */
export function chatRoutes(host: Pick<Host, "handle">): Hono {
  const app = new Hono();
  app.post("/api/chat", async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new Refusal(400, 'Kirim JSON, contoh: { "userId": "abc", "text": "halo" }');
    }
    const parsed = ChatRequest.safeParse(body);
    if (!parsed.success) {
      const where = parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");
      throw new Refusal(400, `Permintaan tidak sesuai: ${where}`);
    }
    const { userId, text, messageId, location } = parsed.data;
    const inbound: InboundMessage = location
      ? {
          channel: "web",
          chatId: userId,
          messageId: messageId ?? randomUUID(),
          kind: "location",
          location,
          ...(text ? { text } : {}),
        }
      : { channel: "web", chatId: userId, messageId: messageId ?? randomUUID(), kind: "text", text: text ?? "" };
    const result = await host.handle(inbound);
    return c.json({
      replies: result.replies.map((r) => (r.options?.length ? { text: r.text, options: r.options } : { text: r.text })),
      expecting: result.expecting,
    });
  });
  app.get("/chat", (c) => c.html(chatPage));
  return app;
}
