// Webhook mode (TELEGRAM_WEBHOOK_URL set): Telegram POSTs each update to our HTTP server; a secret header
// proves it is Telegram. The route is a plain Hono handler the HTTP app mounts.
import { createHash, timingSafeEqual } from "node:crypto";
import type { Context as HonoContext, Hono } from "hono";
import type { Telegraf } from "telegraf";
import type { Update } from "telegraf/types";
import type { Logger } from "../../logger.ts";

const SECRET_HEADER = "x-telegram-bot-api-secret-token";

/** A secret for setWebhook derived from the bot token (Telegram allows 1-256 of A-Z a-z 0-9 _ -). */
export function webhookSecret(token: string): string {
  return createHash("sha256").update(`musrenbang-telegram-webhook:${token}`).digest("hex").slice(0, 48);
}

/** The path part of TELEGRAM_WEBHOOK_URL, where the route is mounted, e.g. "/telegram/webhook". */
export function webhookPath(webhookUrl: string): string {
  return new URL(webhookUrl).pathname || "/";
}

/** A Hono handler that checks the secret and hands the update to the bot; errors are the bot's to report. */
export function telegramWebhookHandler(bot: Telegraf, secret: string, logger: Logger) {
  const expected = Buffer.from(secret);
  return async (c: HonoContext) => {
    const given = Buffer.from(c.req.header(SECRET_HEADER) ?? "");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      logger.warn({ path: c.req.path }, "telegram webhook call without the right secret refused");
      return c.json({ error: "forbidden" }, 403);
    }
    let update: Update;
    try {
      update = await c.req.json<Update>();
    } catch {
      return c.json({ error: "invalid JSON" }, 400);
    }
    await bot.handleUpdate(update);
    return c.json({ ok: true });
  };
}

/**
 * A webhook route the HTTP app can mount before the channel runs (main.ts builds the app first): POSTs
 * get 503 until `attach(channel)`, and Telegram retries them. Example:
 * `const route = telegramWebhookRoute(config); createApp(state, logger, [route.mount]); ... route.attach(startTelegram(...))`.
 */
export function telegramWebhookRoute(config: { telegram: { webhookUrl?: string } }): {
  path: string | undefined;
  mount: (app: Hono) => void;
  attach(channel: { webhookHandler?: (c: HonoContext) => Promise<Response> }): void;
} {
  const path = config.telegram.webhookUrl ? webhookPath(config.telegram.webhookUrl) : undefined;
  let handler: ((c: HonoContext) => Promise<Response>) | undefined;
  return {
    path,
    mount(app) {
      if (path) app.post(path, (c) => (handler ? handler(c) : c.json({ error: "starting" }, 503)));
    },
    attach(channel) {
      handler = channel.webhookHandler;
    },
  };
}
