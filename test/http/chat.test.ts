// POST /api/chat and GET /chat through the whole HTTP app (app.request()), on the real host and SQLite.
import { afterEach, describe, expect, it } from "vitest";
import type { Hono } from "hono";
import { chatRoutes, type ChatRouteOptions } from "../../src/http/chat.ts";
import { createApp } from "../../src/http/server.ts";
import { createLogger } from "../../src/logger.ts";
import { EXPECTING } from "../../src/host/expecting.ts";
import { NewResidentLimiter } from "../../src/http/new-residents.ts";
import { seed, startBot, type Bot } from "../host/harness.ts";
import { storeCases } from "../support/stores.ts";
import { verifyProposal } from "../../src/proposals/change-status.ts";
import { makeTexts } from "../../src/texts/reply-texts.ts";
import { defaultIntentData } from "../../src/nlu/files.ts";

const texts = makeTexts(defaultIntentData().replies);

/** CHAT_API_KEY of the trusted integration these tests play. */
const KEY = "test-integration-key-0123456789";

/** The app as `npm start` serves it (headers, body limits), with the chat mounted. */
function appFor(b: Bot, options: ChatRouteOptions = {}): Hono {
  return createApp({ ready: true }, createLogger("silent"), [
    (app) => app.route("/", chatRoutes(b.host, { apiKey: KEY, ...options })),
  ]);
}

let bot: Bot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

/** A trusted integration's request (Bearer CHAT_API_KEY), which may name its own userId. */
const post = (app: Hono, body: unknown, headers: Record<string, string> = { authorization: `Bearer ${KEY}` }) =>
  app.request("/api/chat", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
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
    const app = appFor(bot);
    const res = await post(app, { userId: "w1", text: "halo" });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Answer;
    expect(body.expecting).toBe("consent");
    expect(body.replies[0]!.text).toMatch(/setuju/);
    expect(body.replies[0]!.options).toEqual([
      { key: "1", label: "Setuju" },
      { key: "2", label: "Tidak setuju" },
    ]);
    expect(Object.keys(body).sort()).toEqual(["expecting", "replies"]);
  });

  it("takes a location pin and reports `location` when it is the next input", async () => {
    bot = await startBot();
    const app = appFor(bot);
    for (const text of ["halo", "1", "jalan lingkungan desa sukamaju rusak, minta dibangun rabat beton"])
      await post(app, { userId: "w2", text });
    const kamus = await answer(post(app, { userId: "w2", text: "1" }));
    expect(kamus.expecting).toBe("location");
    const pin = await answer(post(app, { userId: "w2", location: { latitude: -6.25, longitude: 107.15 } }));
    expect(pin.replies[0]!.text).toMatch(/Lokasi diterima/);
    expect(EXPECTING).toContain(pin.expecting);
    expect(pin.expecting).toBe("volume");
  });

  it("marks web replies as sent in the outbox", async () => {
    bot = await startBot();
    await post(appFor(bot), { userId: "w4", text: "halo" });
    const rows = await bot.store.db.outboxMessage.findMany();
    expect(rows.map((r) => r.status)).toEqual(["SENT"]);
  });

  it("refuses a bad body with a readable 400", async () => {
    bot = await startBot();
    const app = appFor(bot);
    const res = await post(app, { text: "halo" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/userId/);
    const notJson = await app.request("/api/chat", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${KEY}` },
      body: "halo",
    });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ error: 'Kirim JSON, contoh: { "text": "halo" }' });
  });

  it("serves the chat page", async () => {
    bot = await startBot();
    const res = await appFor(bot).request("/chat");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('src="/chat/app.js"');
    expect(html).toContain('name="viewport"');
    const script = await (await appFor(bot).request("/chat/app.js")).text();
    expect(script).toContain("/api/chat");
  });
});

describe("web chat API: repeats and refusals", () => {
  it("gives two residents who use the same messageId a turn each", async () => {
    bot = await startBot();
    const app = appFor(bot);
    const a = await answer(post(app, { userId: "wa", text: "halo", messageId: "m-1" }));
    const b = await answer(post(app, { userId: "wb", text: "halo", messageId: "m-1" }));
    expect(a.replies).toHaveLength(1);
    expect(b.replies).toEqual(a.replies);
    expect(b.expecting).toBe("consent");
  });

  it("answers a retried message with the same replies (the proposal code) and runs no second turn", async () => {
    bot = await startBot();
    const app = appFor(bot);
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
    const app = appFor(bot);
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
    const app = appFor(bot);
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

/** The identity cookie a response set, as a Cookie header value ("musrenbang_chat=v1…"). */
function cookieOf(res: Response): string {
  const set = res.headers.get("set-cookie") ?? "";
  return set.split(";")[0]!;
}

describe("web chat identity", () => {
  it("gives the page an HttpOnly signed cookie on first load and recognises the resident by it", async () => {
    bot = await startBot();
    const app = appFor(bot);
    const page = await app.request("/chat");
    const setCookie = page.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^musrenbang_chat=v1\./);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = cookieOf(page);
    await post(app, { text: "halo" }, { cookie });
    const agreed = await answer(post(app, { text: "1" }, { cookie }));
    expect(agreed.expecting).not.toBe("consent");
    // A second visitor is somebody else.
    const other = cookieOf(await app.request("/chat"));
    expect(other).not.toBe(cookie);
    expect((await answer(post(app, { text: "menu" }, { cookie: other }))).expecting).toBe("consent");
    // Coming back with the cookie: no new cookie, same resident.
    const again = await app.request("/chat", { headers: { cookie } });
    expect(again.headers.get("set-cookie")).toBeNull();
  });

  it("refuses a made-up or guessed userId without the integration key: another resident's data stays theirs", async () => {
    bot = await startBot();
    const app = appFor(bot);
    const cookie = cookieOf(await app.request("/chat"));
    await post(app, { text: "halo" }, { cookie });
    await post(app, { text: "1" }, { cookie });
    const chatId = (await bot.store.db.conversation.findFirstOrThrow()).chatId;
    for (const userId of [chatId, "web-1234", `v1.${chatId}.AAAA`]) {
      const res = await post(app, { userId, text: "hapus data saya" }, {});
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: string }).error).toMatch(/token/);
    }
    // A wrong key is refused too, compared in full.
    expect((await post(app, { userId: chatId, text: "status" }, { authorization: `Bearer ${KEY}x` })).status).toBe(401);
    expect((await post(app, { userId: chatId, text: "status" }, { authorization: "Bearer " })).status).toBe(401);
    // Without any identity at all: 401 with what to do.
    const none = await post(app, { text: "halo" }, {});
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: string }).error).toMatch(/muat ulang/);
  });

  it("issues a token to a client without cookies, accepted as userId", async () => {
    bot = await startBot();
    const app = appFor(bot);
    const res = await app.request("/api/chat/token", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(res.status).toBe(201);
    const { token } = (await res.json()) as { token: string };
    const first = await post(app, { userId: token, text: "halo" }, {});
    expect(first.status).toBe(200);
    expect((await answer(post(app, { userId: token, text: "1" }, {}))).expecting).not.toBe("consent");
    const tampered = token.slice(0, -2) + (token.endsWith("A") ? "BB" : "AA");
    expect((await post(app, { userId: tampered, text: "halo" }, {})).status).toBe(401);
  });

  it("accepts a free userId only with the integration key, and only when the server has one", async () => {
    bot = await startBot();
    expect((await post(appFor(bot), { userId: "crm-42", text: "halo" })).status).toBe(200);
    const keyless = createApp({ ready: true }, createLogger("silent"), [
      (app) => app.route("/", chatRoutes(bot!.host)),
    ]);
    expect((await post(keyless, { userId: "crm-42", text: "halo" })).status).toBe(401);
  });
});

describe("web chat: new residents are limited", () => {
  it("issues new identities within a per-address and a global budget", async () => {
    bot = await startBot();
    const app = appFor(bot, {
      newResidents: new NewResidentLimiter({ perHour: 5, perAddressPerHour: 2 }),
      trustProxy: true,
    });
    const visit = (address: string) => app.request("/chat", { headers: { "x-forwarded-for": address } });
    expect((await visit("10.0.0.1")).status).toBe(200);
    expect((await visit("10.0.0.1")).status).toBe(200);
    const third = await visit("10.0.0.1");
    expect(third.status).toBe(429);
    expect(third.headers.get("set-cookie")).toBeNull();
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await third.text()).toMatch(/coba lagi dalam \d+ menit/);
    // Another address still gets in, until the global budget is spent.
    expect((await visit("10.0.0.2")).status).toBe(200);
    expect((await visit("10.0.0.3")).status).toBe(200);
    expect((await visit("10.0.0.3")).status).toBe(200);
    expect((await visit("10.0.0.4")).status).toBe(429);
    const token = await app.request("/api/chat/token", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "10.0.0.5" },
      body: "{}",
    });
    expect(token.status).toBe(429);
    expect(((await token.json()) as { error: string }).error).toMatch(/Terlalu banyak pengguna baru/);
  });
});

describe("web chat: what the API accepts", () => {
  it("requires content-type application/json (a form or text/plain post from another site is refused)", async () => {
    bot = await startBot();
    const app = appFor(bot);
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const res = await app.request("/api/chat", {
        method: "POST",
        headers: { "content-type": type, authorization: `Bearer ${KEY}` },
        body: JSON.stringify({ userId: "w", text: "halo" }),
      });
      expect(res.status).toBe(415);
      expect(((await res.json()) as { error: string }).error).toMatch(/application\/json/);
    }
    expect(await bot.store.db.inboundMessage.count()).toBe(0);
    const ok = await app.request("/api/chat", {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8", authorization: `Bearer ${KEY}` },
      body: JSON.stringify({ userId: "w", text: "halo" }),
    });
    expect(ok.status).toBe(200);
  });

  it("refuses a body over 64 KB with 413 and reads nothing into a turn", async () => {
    bot = await startBot();
    const res = await post(appFor(bot), { userId: "big", text: "a".repeat(70 * 1024) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toMatch(/terlalu besar/);
    expect(await bot.store.db.inboundMessage.count()).toBe(0);
  });

  it("refuses NUL in ids with 400 and strips control characters from the text", async () => {
    bot = await startBot();
    const app = appFor(bot);
    for (const body of [
      { userId: "a\u0000b", text: "halo" },
      { userId: "ok", messageId: "m\u0000", text: "halo" },
    ]) {
      const res = await post(app, body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(/karakter kontrol/);
    }
    expect((await post(app, { userId: "n", text: "ha\u0000lo\u0007" })).status).toBe(200);
  });
});

describe.each(storeCases())("web chat with NUL bytes on $name", ({ open }) => {
  it("stores a proposal whose text carried NUL and control characters, without them", async () => {
    const store = await open();
    await seed(store);
    bot = await startBot({ store });
    const app = appFor(bot);
    const say = (text: string) => answer(post(app, { userId: "nul", text }));
    await say("halo");
    await say("1");
    let reply = await say("jalan lingkungan desa sukamaju rusak\u0000 parah\u0001, minta rabat beton 100 meter");
    const next: Record<string, string> = {
      village: "desa sukamaju",
      kamus: "1",
      location: "RT 1 RW 2",
      volume: "100",
      beneficiaries: "40",
      name: "Ani\u0000",
    };
    for (let i = 0; i < 12 && reply.expecting !== "confirm"; i++)
      reply = await say(next[reply.expecting ?? ""] ?? "lewati");
    expect(reply.expecting).toBe("confirm");
    const done = await say("YA");
    expect(JSON.stringify(done.replies)).toMatch(/U\d\d-[0-9A-Z]{4}/);
    const proposal = await bot.store.db.proposal.findFirstOrThrow();
    expect(proposal.problem).toContain("rusak parah");
    // eslint-disable-next-line no-control-regex
    expect(proposal.problem).not.toMatch(/[\u0000-\u0008]/);
  });
});

describe("web chat: news for the resident", () => {
  it("hands a status notice to the page when it asks for updates, once", async () => {
    bot = await startBot();
    const app = appFor(bot);
    const cookie = cookieOf(await app.request("/chat"));
    const say = (text: string) => answer(post(app, { text }, { cookie }));
    await say("halo");
    await say("1");
    let reply = await say("jalan lingkungan desa sukamaju rusak, minta rabat beton 100 meter untuk 40 KK");
    const next: Record<string, string> = {
      village: "desa sukamaju",
      kamus: "1",
      location: "RT 1 RW 2",
      volume: "100",
      beneficiaries: "40",
      name: "Ani",
    };
    for (let i = 0; i < 12 && reply.expecting !== "confirm"; i++)
      reply = await say(next[reply.expecting ?? ""] ?? "lewati");
    const code = /U\d\d-[0-9A-Z]{4}/.exec(JSON.stringify((await say("YA")).replies))![0];
    const poll = () =>
      app.request("/api/chat/updates", {
        method: "POST",
        headers: { "content-type": "application/json", cookie },
        body: "{}",
      });
    expect(await (await poll()).json()).toEqual({ replies: [] });
    await verifyProposal({ db: bot.store.db, texts }, { code, actor: { type: "officer", id: "desa" } });
    const news = (await (await poll()).json()) as Answer;
    expect(news.replies).toHaveLength(1);
    expect(news.replies[0]!.text).toMatch(new RegExp(`Kabar usulan ${code}`));
    expect(await (await poll()).json()).toEqual({ replies: [] });
    // Without an identity the updates are not handed out.
    const stranger = await app.request("/api/chat/updates", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(stranger.status).toBe(401);
  });
});
