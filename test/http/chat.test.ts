// POST /api/chat and GET /chat through Hono's app.request(), on the real host and SQLite.
import { afterEach, describe, expect, it } from "vitest";
import { chatRoutes } from "../../src/http/chat.ts";
import { EXPECTING } from "../../src/host/expecting.ts";
import { startBot, type Bot } from "../host/harness.ts";

let bot: Bot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

const post = (app: ReturnType<typeof chatRoutes>, body: unknown) =>
  app.request("/api/chat", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("web chat API", () => {
  it("answers replies with options and what it expects next", async () => {
    bot = await startBot();
    const app = chatRoutes(bot.host);
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
    const app = chatRoutes(bot.host);
    for (const text of ["halo", "1", "jalan lingkungan desa sukamaju rusak, minta dibangun rabat beton"])
      await post(app, { userId: "w2", text });
    const kamus = await (await post(app, { userId: "w2", text: "1" })).json();
    expect(kamus.expecting).toBe("location");
    const pin = await (await post(app, { userId: "w2", location: { latitude: -6.25, longitude: 107.15 } })).json();
    expect(pin.replies[0].text).toMatch(/Lokasi diterima/);
    expect(EXPECTING).toContain(pin.expecting);
    expect(pin.expecting).toBe("volume");
  });

  it("treats a repeated messageId as one message", async () => {
    bot = await startBot();
    const app = chatRoutes(bot.host);
    const first = await (await post(app, { userId: "w3", text: "halo", messageId: "x1" })).json();
    const again = await (await post(app, { userId: "w3", text: "halo", messageId: "x1" })).json();
    expect(first.replies.length).toBe(1);
    expect(again).toEqual({ replies: [], expecting: "consent" });
  });

  it("marks web replies as sent in the outbox", async () => {
    bot = await startBot();
    await post(chatRoutes(bot.host), { userId: "w4", text: "halo" });
    const rows = await bot.store.db.outboxMessage.findMany();
    expect(rows.map((r) => r.status)).toEqual(["SENT"]);
  });

  it("refuses a bad body with a readable 400", async () => {
    bot = await startBot();
    const app = chatRoutes(bot.host);
    const res = await post(app, { text: "halo" });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/userId/);
    const notJson = await app.request("/api/chat", { method: "POST", body: "halo" });
    expect(notJson.status).toBe(400);
  });

  it("serves the chat page", async () => {
    bot = await startBot();
    const res = await chatRoutes(bot.host).request("/chat");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain("/api/chat");
    expect(html).toContain('name="viewport"');
  });
});
