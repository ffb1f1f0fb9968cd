// POST /api/chat and GET /chat through Hono's app.request(), on the real host and SQLite.
import { afterEach, describe, expect, it } from "vitest";
import type { Hono } from "hono";
import { chatRoutes } from "../../src/http/chat.ts";
import { createApp } from "../../src/http/server.ts";
import { createLogger } from "../../src/logger.ts";
import { EXPECTING } from "../../src/host/expecting.ts";
import { startBot, type Bot } from "../host/harness.ts";

let bot: Bot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

/** The chat routes mounted as main.ts mounts them, so errors are answered by the app's one error handler. */
const chatApp = (host: Bot["host"]) =>
  createApp({ ready: true }, createLogger("silent"), [(app) => app.route("/", chatRoutes(host))]);

const post = (app: Hono, body: unknown) =>
  app.request("/api/chat", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

interface Answer {
  replies: { text: string; options?: { key: string; label: string }[] }[];
  expecting: string | null;
}
const answer = async (res: Response | Promise<Response>) => (await (await res).json()) as Answer;

describe("web chat API", () => {
  it("answers replies with options and what it expects next", async () => {
    bot = await startBot();
    const app = chatApp(bot.host);
    const res = await post(app, { userId: "w1", text: "halo" });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.expecting).toBe("consent");
    expect(body.replies[0].text).toMatch(/setuju/);
    expect(body.replies[0].options).toEqual([
      { key: "1", label: "Setuju" },
      { key: "2", label: "Tidak setuju" },
    ]);
    expect(Object.keys(body).sort()).toEqual(["expecting", "replies"]);
  });

  it("takes a location pin and reports `location` when it is the next input", async () => {
    bot = await startBot();
    const app = chatApp(bot.host);
    for (const text of ["halo", "1", "jalan lingkungan desa sukamaju rusak, minta dibangun rabat beton"])
      await post(app, { userId: "w2", text });
    const kamus = await (await post(app, { userId: "w2", text: "1" })).json();
    expect(kamus.expecting).toBe("location");
    const pin = await (await post(app, { userId: "w2", location: { latitude: -6.25, longitude: 107.15 } })).json();
    expect(pin.replies[0].text).toMatch(/Lokasi diterima/);
    expect(EXPECTING).toContain(pin.expecting);
    expect(pin.expecting).toBe("volume");
  });

  it("marks web replies as sent in the outbox", async () => {
    bot = await startBot();
    await post(chatApp(bot.host), { userId: "w4", text: "halo" });
    const rows = await bot.store.db.outboxMessage.findMany();
    expect(rows.map((r) => r.status)).toEqual(["SENT"]);
  });

  it("refuses a bad body with a readable 400", async () => {
    bot = await startBot();
    const app = chatApp(bot.host);
    const res = await post(app, { text: "halo" });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/userId/);
    const notJson = await app.request("/api/chat", { method: "POST", body: "halo" });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ error: 'Kirim JSON, contoh: { "userId": "abc", "text": "halo" }' });
  });

  it("serves the chat page", async () => {
    bot = await startBot();
    const res = await chatApp(bot.host).request("/chat");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain("/api/chat");
    expect(html).toContain('name="viewport"');
  });
});

describe("web chat API: repeats and refusals", () => {
  it("gives two residents who use the same messageId a turn each", async () => {
    bot = await startBot();
    const app = chatApp(bot.host);
    const a = await answer(post(app, { userId: "wa", text: "halo", messageId: "m-1" }));
    const b = await answer(post(app, { userId: "wb", text: "halo", messageId: "m-1" }));
    expect(a.replies).toHaveLength(1);
    expect(b.replies).toEqual(a.replies);
    expect(b.expecting).toBe("consent");
  });

  it("answers a retried message with the same replies (the proposal code) and runs no second turn", async () => {
    bot = await startBot();
    const app = chatApp(bot.host);
    const say = async (text: string, messageId?: string) =>
      answer(post(app, { userId: "wr", text, ...(messageId ? { messageId } : {}) }));
    await say("halo");
    await say("1");
    let reply = await say("jalan lingkungan desa sukamaju rusak, minta dibangun rabat beton 100 meter untuk 40 KK");
    for (let i = 0; i < 12 && reply.expecting !== "confirm"; i++) {
      const next: Record<string, string> = {
        kamus: "1",
        location: "RT 1 RW 2",
        volume: "100",
        beneficiaries: "40",
        name: "Ani",
      };
      reply = await say(next[reply.expecting ?? ""] ?? "lewati");
    }
    expect(reply.expecting).toBe("confirm");
    const first = await say("YA", "confirm-1");
    const code = /U\d\d-[0-9A-Z]{4}/.exec(JSON.stringify(first.replies))?.[0];
    expect(code).toBeDefined();
    const retry = await say("YA", "confirm-1");
    expect(retry).toEqual(first);
    expect(await bot.store.db.proposal.count()).toBe(1);
  });

  it("does not count repeats against the resident's rate limit", async () => {
    bot = await startBot({ rateLimit: { max: 3, windowMs: 60_000 } });
    const app = chatApp(bot.host);
    const first = await answer(post(app, { userId: "wl", text: "halo", messageId: "h" }));
    for (let i = 0; i < 5; i++) {
      const again = await answer(post(app, { userId: "wl", text: "halo", messageId: "h" }));
      expect(again).toEqual(first);
    }
    const next = await answer(post(app, { userId: "wl", text: "1", messageId: "yes" }));
    expect(next.replies[0]!.text).not.toMatch(/terlalu banyak|tunggu/i);
    expect(next.expecting).not.toBe("consent");
  });

  it("keeps nothing of a resident who refuses consent but the refusing message's answer", async () => {
    bot = await startBot();
    const app = chatApp(bot.host);
    await post(app, { userId: "wn", text: "jalan di kampung saya rusak parah", messageId: "a" });
    const refused = await answer(post(app, { userId: "wn", text: "2", messageId: "b" }));
    expect(refused.replies[0]!.text).toMatch(/tidak menyimpan/);
    const { db } = bot.store;
    expect(await db.conversation.count()).toBe(0);
    expect(await db.resident.count()).toBe(0);
    expect(await db.outboxMessage.count()).toBe(0);
    const inbound = await db.inboundMessage.findMany();
    expect(inbound.map((m) => m.externalId)).toEqual(["b"]);
    // A repeat of the refusal is not asked for consent again.
    expect(await answer(post(app, { userId: "wn", text: "2", messageId: "b" }))).toEqual(refused);
    // A new message starts over with the consent question.
    const later = await answer(post(app, { userId: "wn", text: "halo", messageId: "c" }));
    expect(later.expecting).toBe("consent");
  });
});
