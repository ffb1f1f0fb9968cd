// Starts the Telegram channel: long polling by default, a webhook when TELEGRAM_WEBHOOK_URL is set.
// Connecting runs in the background and retries with backoff, so a Telegram outage never stops the app;
// a wrong token (401) is logged once and not retried. Village-group commands go to `groups` (the host), which
// answers through the outbox.
import type { Context as HonoContext, Hono } from "hono";
import { TelegramError, type Telegraf } from "telegraf";
import type { BotCommand } from "telegraf/types";
import type { Config } from "../../config/config.ts";
import type { Logger } from "../../logger.ts";
import { systemClock, type Clock } from "../../outbox/clock.ts";
import type { InboundHandler } from "../../messages/channel.ts";
import type { GroupCommandHandler } from "../../messages/group-command.ts";
import { loadChannelTexts, type ChannelTexts } from "../../texts/channel-texts.ts";
import { createTelegramBot } from "./bot.ts";
import type { FileDownloader } from "./files.ts";
import { TelegramSender } from "./sender.ts";
import { telegramWebhookHandler, webhookPath, webhookSecret } from "./webhook.ts";

export interface StartTelegramOptions {
  config: Pick<Config, "telegram">;
  host: InboundHandler;
  /** Answers village-group commands (src/host/group-commands.ts). */
  groups: GroupCommandHandler;
  logger: Logger;
  texts?: ChannelTexts;
  /** Reconnect pauses. */
  clock?: Clock;
  download?: FileDownloader;
  /** Delays between connection attempts: first and longest. */
  reconnectMs?: { first: number; max: number };
}

/** A running Telegram channel. */
export interface TelegramChannel {
  /** Give it to startOutbox: it delivers the replies, group answers included. */
  readonly sender: TelegramSender;
  readonly bot: Telegraf;
  /** "polling", or "webhook" with the path `mount` serves. */
  readonly mode: { kind: "polling" } | { kind: "webhook"; path: string };
  /** Resolves once connected (getMe done, commands set, polling started or webhook set). */
  readonly ready: Promise<void>;
  /** Adds the webhook route to the HTTP app (webhook mode); does nothing when polling. */
  mount(app: Hono): void;
  /** The webhook's request handler (webhook mode), for a route mounted earlier: see telegramWebhookRoute. */
  readonly webhookHandler?: (c: HonoContext) => Promise<Response>;
  stop(): Promise<void>;
}

const ALLOWED_UPDATES = ["message", "callback_query"] as const;

/** Starts the channel; throws only when TELEGRAM_BOT_TOKEN is missing. */
export function startTelegram(options: StartTelegramOptions): TelegramChannel {
  const { token, apiRoot, webhookUrl } = options.config.telegram;
  if (!token)
    throw new Error("TELEGRAM_BOT_TOKEN is not set: get one from @BotFather (see the README, section Chat channels)");
  const log = options.logger.child({ channel: "telegram" });
  const clock = options.clock ?? systemClock;
  const texts = options.texts ?? loadChannelTexts();
  const bot = createTelegramBot({
    token,
    apiRoot,
    handler: options.host,
    groups: options.groups,
    texts,
    logger: log,
    download: options.download,
  });
  const sender = new TelegramSender(bot.telegram);
  const secret = webhookSecret(token);
  const mode = webhookUrl ? { kind: "webhook" as const, path: webhookPath(webhookUrl) } : { kind: "polling" as const };
  const reconnect = options.reconnectMs ?? { first: 1000, max: 60_000 };
  const stopSignal = new AbortController();
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  /** The command menu is a convenience: a failure is logged, never a reason to stay offline. */
  async function setCommands() {
    try {
      await setCommandMenus();
    } catch (error) {
      log.warn({ err: error }, "telegram command menu not set");
    }
  }

  async function setCommandMenus() {
    const c = texts.commands;
    const all: BotCommand[] = (["start", "usul", "status", "bantuan", "batal"] as const).map((command) => ({
      command,
      description: c[command],
    }));
    await bot.telegram.setMyCommands(all, { scope: { type: "all_private_chats" } });
    await bot.telegram.setMyCommands([{ command: "usul", description: c.usul }], {
      scope: { type: "all_group_chats" },
    });
    await bot.telegram.setMyCommands(
      [
        { command: "usul", description: c.usul },
        { command: "desa", description: c.desa },
      ],
      { scope: { type: "all_chat_administrators" } },
    );
  }

  async function connectOnce() {
    bot.botInfo = await bot.telegram.getMe();
    await setCommands();
    if (stopSignal.signal.aborted) return;
    if (mode.kind === "webhook") {
      await bot.telegram.setWebhook(webhookUrl!, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] });
      log.info({ bot: bot.botInfo.username, path: mode.path }, "telegram webhook set");
      markReady();
      return;
    }
    // launch() resolves only when polling stops; onLaunch tells us it has started.
    await bot.launch({ allowedUpdates: [...ALLOWED_UPDATES] }, () => {
      log.info({ bot: bot.botInfo?.username }, "telegram long polling started");
      markReady();
    });
  }

  async function run() {
    let delay = reconnect.first;
    while (!stopSignal.signal.aborted) {
      try {
        await connectOnce();
        if (mode.kind === "webhook") return;
        delay = reconnect.first;
      } catch (error) {
        if (stopSignal.signal.aborted) return;
        if (error instanceof TelegramError && error.code === 401) {
          log.error(
            "Telegram refused TELEGRAM_BOT_TOKEN (401 Unauthorized): check the token from @BotFather; Telegram stays off",
          );
          return;
        }
        log.error({ err: error, retryInMs: delay }, "telegram connection failed; retrying");
        await clock.sleep(delay, stopSignal.signal);
        delay = Math.min(delay * 2, reconnect.max);
      }
    }
  }

  const running = run();
  const webhookHandler = mode.kind === "webhook" ? telegramWebhookHandler(bot, secret, log) : undefined;

  return {
    sender,
    bot,
    mode,
    ready,
    webhookHandler,
    mount(app) {
      if (mode.kind === "webhook") app.post(mode.path, webhookHandler!);
    },
    async stop() {
      stopSignal.abort();
      let finished = false;
      void running.then(() => (finished = true));
      // Polling may be just starting (between getMe and the first getUpdates): keep asking it to stop.
      for (let i = 0; i < 200 && !finished; i++) {
        try {
          bot.stop("shutdown");
        } catch {
          // not polling (webhook mode, or not started yet)
        }
        await Promise.race([running, new Promise((r) => setTimeout(r, 25))]);
      }
      await running;
      log.info("telegram stopped");
    },
  };
}
