// Scale-out: two copies of the bot (two processes, as behind a load balancer) on one PostgreSQL database,
// Telegram by webhook. The messages of 200 chats go alternately to both copies, and two of each chat's
// messages reach both copies at the same moment. Every turn runs once, one after the other, in the order
// the resident sent them; both outbox workers deliver, and every reply goes out once, in order.
import { afterAll, describe, expect, it } from "vitest";
import { webhookSecret } from "../../src/channels/telegram/webhook.ts";
import { readState } from "../../src/engine/state.ts";
import { FakeBotApi, TOKEN, textUpdate, user } from "../channels/telegram/fake-bot-api.ts";
import { startApp, type AppProcess } from "../support/app-process.ts";
import { postJson } from "../support/chat-client.ts";
import { freshPostgres } from "../support/stores.ts";
import { Agent } from "node:http";

const pgUrl = process.env.TEST_DATABASE_URL;
const CHATS = Number(process.env.TWO_PROCESS_CHATS ?? 200);

describe.runIf(pgUrl)("two copies of the bot on one PostgreSQL", () => {
  const apps: AppProcess[] = [];
  let api: FakeBotApi | undefined;
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.stop()));
    await api?.close();
  });

  it("runs every turn once and in order and delivers every reply once", async () => {
    const store = await freshPostgres(pgUrl!);
    api = await new FakeBotApi().start();
    const env = {
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: api.url,
      TELEGRAM_WEBHOOK_URL: "https://bot.example.go.id/telegram/webhook",
      MAX_PROPOSALS_PER_CYCLE: "1000",
    };
    // The first copy loads the sample kamus and regions into the empty database; then the second starts.
    apps.push(await startApp(pgUrl!, env));
    apps.push(await startApp(pgUrl!, env));
    // No keep-alive: a reused socket the server closes at the same moment would fail a request at random.
    const agent = new Agent({ keepAlive: false, maxSockets: 32 });
    let updateId = 0;
    const post = async (copy: number, chatId: number, text: string) => {
      const update = { update_id: ++updateId, ...textUpdate(user(chatId), text) };
      const res = await postJson(agent, `${apps[copy]!.url}/telegram/webhook`, update, {
        "x-telegram-bot-api-secret-token": webhookSecret(TOKEN),
      });
      expect(res.status).toBe(200);
    };

    const resident = async (i: number) => {
      const chatId = 5000 + i;
      await post(i % 2, chatId, "halo");
      // Consent twice at once, one on each copy: the first accepts it, the second answers the menu after it.
      await Promise.all([post(0, chatId, "1"), post(1, chatId, "1")]);
      await post((i + 1) % 2, chatId, "menu");
      await post(i % 2, chatId, "1"); // a new proposal: the desa is asked
      await post((i + 1) % 2, chatId, `jalan rusak parah di rt ${(i % 9) + 1} rw 2 desa sukamaju`);
    };
    let next = 0;
    await Promise.all(
      Array.from({ length: 24 }, async () => {
        while (next < CHATS) await resident(next++);
      }),
    );
    agent.destroy();

    const db = store.db;
    expect(await db.inboundMessage.count()).toBe(CHATS * 6);
    // Consent was taken once per chat: one resident, one identity each, and no turn failed.
    expect(await db.resident.count()).toBe(CHATS);
    expect(await db.channelIdentity.count()).toBe(CHATS);
    // In order: every chat has its draft with the desa and the problem from the last message.
    const conversations = await db.conversation.findMany({ where: { channel: "telegram" } });
    expect(conversations).toHaveLength(CHATS);
    for (const c of conversations) {
      const state = readState(c.state);
      expect(state.phase, c.chatId).toBe("form");
      if (state.phase === "form") expect(state.draft.problem, c.chatId).toMatch(/jalan rusak/);
    }

    // Both workers deliver until the outbox is empty (Telegram allows 1 message a second per chat).
    const deadline = Date.now() + 150_000;
    while ((await db.outboxMessage.count({ where: { status: { not: "SENT" } } })) > 0) {
      if (Date.now() > deadline) throw new Error("replies still pending after 150 s");
      await new Promise((r) => setTimeout(r, 500));
    }
    const rows = await db.outboxMessage.findMany({ orderBy: { id: "asc" } });
    const sent = api.callsOf("sendMessage");
    expect(sent).toHaveLength(rows.length);
    const apology = /gangguan/;
    for (let i = 0; i < CHATS; i++) {
      const chatId = String(5000 + i);
      const expected = rows
        .filter((r) => r.chatId === chatId)
        .map((r) => (JSON.parse(r.payload) as { text: string }).text);
      const got = sent.filter((c) => String(c.body.chat_id) === chatId).map((c) => String(c.body.text));
      expect(got.length, chatId).toBe(expected.length);
      got.forEach((text, k) => expect(text.startsWith(expected[k]!.slice(0, 40)), `${chatId} #${k}`).toBe(true));
      for (const text of got) expect(text).not.toMatch(apology);
    }
    await db.$disconnect();
  }, 400_000);
});
