// Webhook mode: setWebhook with a secret at start, updates POSTed to the mounted Hono route.
import { afterEach, beforeEach, expect, it } from "vitest";
import { Hono } from "hono";
import { pino } from "pino";
import { startTelegram, type TelegramChannel } from "../../../src/channels/telegram/start.ts";
import { telegramWebhookRoute } from "../../../src/channels/telegram/webhook.ts";
import type { Store } from "../../../src/store/client.ts";
import { groupCommands } from "../../../src/host/group-commands.ts";
import { freshSqlite } from "../../support/stores.ts";
import { RecordingHandler } from "../recording-handler.ts";
import { FakeBotApi, TOKEN, textUpdate, user } from "./fake-bot-api.ts";

let api: FakeBotApi;
let store: Store;
let channel: TelegramChannel;
const handler = new RecordingHandler();

beforeEach(async () => {
  api = await new FakeBotApi().start();
  store = await freshSqlite();
  channel = startTelegram({
    config: { telegram: { token: TOKEN, apiRoot: api.url, webhookUrl: "https://bot.example.go.id/telegram/webhook" } },
    host: handler,
    groups: groupCommands({ db: store.db, logger: pino({ level: "silent" }) }),
    logger: pino({ level: "silent" }),
  });
  await channel.ready;
});
afterEach(async () => {
  await channel.stop();
  await api.close();
  await store.db.$disconnect();
});

it("sets the webhook with a secret and takes updates only from callers who know it", async () => {
  expect(channel.mode).toEqual({ kind: "webhook", path: "/telegram/webhook" });
  const [setWebhook] = api.callsOf("setWebhook");
  expect(setWebhook!.body.url).toBe("https://bot.example.go.id/telegram/webhook");
  const secret = setWebhook!.body.secret_token as string;
  expect(secret).toMatch(/^[A-Za-z0-9_-]{32,}$/);
  expect(api.callsOf("getUpdates")).toHaveLength(0);

  const app = new Hono();
  channel.mount(app);
  const update = { update_id: 1, ...textUpdate(user(42), "halo lewat webhook") };
  const post = (headers: Record<string, string>) =>
    app.request("/telegram/webhook", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(update),
    });

  expect((await post({})).status).toBe(403);
  expect((await post({ "x-telegram-bot-api-secret-token": "wrong" })).status).toBe(403);
  expect(handler.received).toHaveLength(0);
  expect((await post({ "x-telegram-bot-api-secret-token": secret })).status).toBe(200);
  expect(handler.received.map((m) => m.text)).toEqual(["halo lewat webhook"]);
});

it("can be mounted before the channel starts: 503 until attached", async () => {
  const route = telegramWebhookRoute({ telegram: { webhookUrl: "https://bot.example.go.id/telegram/webhook" } });
  const app = new Hono();
  route.mount(app);
  const secret = api.callsOf("setWebhook")[0]!.body.secret_token as string;
  const post = () =>
    app.request("/telegram/webhook", {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret },
      body: JSON.stringify({ update_id: 7, ...textUpdate(user(43), "sebelum siap") }),
    });
  expect((await post()).status).toBe(503);
  route.attach(channel);
  expect((await post()).status).toBe(200);
  expect(handler.received.at(-1)?.text).toBe("sebelum siap");
});
