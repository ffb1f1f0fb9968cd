// GET /healthz names what fails: the database, a chat channel, or an outbox falling behind.
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/http/server.ts";
import { healthChecks } from "../../src/http/health.ts";
import { createLogger } from "../../src/logger.ts";
import type { ChannelSender } from "../../src/messages/channel.ts";
import { openStore } from "../../src/store/client.ts";
import { freshSqlite } from "../support/stores.ts";

const sender = (channel: ChannelSender["channel"], ready: () => boolean): ChannelSender => ({
  channel,
  ready,
  send: async () => undefined,
  isGroupChat: () => false,
});

async function get(app: ReturnType<typeof createApp>) {
  const res = await app.request("/healthz");
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("/healthz", () => {
  it("is ok when all pass, then names the channel and the outbox that fail", async () => {
    const { db } = await freshSqlite();
    const now = new Date("2026-03-02T02:00:00Z");
    let whatsappUp = true;
    const state = {
      ready: true,
      health: healthChecks({
        db,
        senders: () => [sender("telegram", () => true), sender("whatsapp", () => whatsappUp)],
        clock: () => now,
      }),
    };
    const app = createApp(state, createLogger("silent"));
    expect(await get(app)).toEqual({
      status: 200,
      body: {
        status: "ok",
        checks: {
          database: { ok: true },
          channels: { ok: true, telegram: "connected", whatsapp: "connected" },
          outbox: { ok: true, pending: 0, oldestDueSeconds: 0 },
        },
      },
    });

    whatsappUp = false;
    const late = new Date(now.getTime() - 20 * 60_000);
    await db.outboxMessage.create({
      data: { channel: "whatsapp", chatId: "62812@c.us", payload: "{}", nextAttemptAt: late, createdAt: late },
    });
    // A web reply waiting for the resident's next message is not a backlog.
    await db.outboxMessage.create({ data: { channel: "web", chatId: "u1", payload: "{}", nextAttemptAt: late } });
    const failing = await get(app);
    expect(failing.status).toBe(503);
    expect(failing.body).toMatchObject({
      status: "failing",
      failed: ["channels", "outbox"],
      checks: {
        database: { ok: true },
        channels: { ok: false, whatsapp: "not connected" },
        outbox: { ok: false, pending: 1, oldestDueSeconds: 1200 },
      },
    });
    await db.$disconnect();
  });

  it("names the database when it does not answer", async () => {
    const { db } = openStore("postgresql://postgres@127.0.0.1:1/nowhere");
    const app = createApp({ ready: true, health: healthChecks({ db, senders: () => [] }) }, createLogger("silent"));
    const { status, body } = await get(app);
    expect(status).toBe(503);
    expect(body).toMatchObject({
      status: "failing",
      failed: ["database", "outbox"],
      checks: { database: { ok: false } },
    });
    await db.$disconnect();
  });

  it("answers 503 while starting", async () => {
    expect(await get(createApp({ ready: false }, createLogger("silent")))).toEqual({
      status: 503,
      body: { status: "starting" },
    });
  });
});
