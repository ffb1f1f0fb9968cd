// The telegraf bot: private chats go to the host, village groups' /usul and /desa too (the host answers them
// through the outbox), everything else is ignored. A failing turn is logged and the resident asked to try again; it
// never stops the poller.
import { Composer, Telegraf } from "telegraf";
import type { Logger } from "../../logger.ts";
import type { InboundHandler } from "../../messages/channel.ts";
import type { GroupCommandHandler } from "../../messages/group-command.ts";
import type { ChannelTexts } from "../../texts/channel-texts.ts";
import { downloadFile, type FileDownloader } from "./files.ts";
import { groupChat } from "./group.ts";
import { privateChat } from "./private.ts";

export interface TelegramBotOptions {
  token: string;
  apiRoot: string;
  handler: InboundHandler;
  /** Answers village-group commands (the host, through the outbox). */
  groups: GroupCommandHandler;
  texts: ChannelTexts;
  logger: Logger;
  download?: FileDownloader;
}

/** How many recent update ids are remembered to skip a re-delivered update before it reaches the host. */
const RECENT_UPDATES = 5000;

/** Builds the bot; it does nothing until polled (startTelegram) or fed webhook updates. */
export function createTelegramBot(options: TelegramBotOptions): Telegraf {
  const log = options.logger;
  const bot = new Telegraf(options.token, { telegram: { apiRoot: options.apiRoot } });
  const recent = new Set<number>();

  bot.catch(async (error, ctx) => {
    log.error({ err: error, updateId: ctx.update.update_id, chatId: ctx.chat?.id }, "telegram update failed");
    if (ctx.chat?.type !== "private") return;
    await ctx.reply(options.texts.error.retry_later).catch((e: unknown) => log.warn({ err: e }, "apology not sent"));
  });

  // The host records every message id once, so a re-delivery runs no second turn; skipping the ones we just
  // saw also saves downloading a photo twice.
  bot.use((ctx, next) => {
    const id = ctx.update.update_id;
    if (recent.has(id)) {
      log.debug({ updateId: id }, "re-delivered telegram update skipped");
      return;
    }
    recent.add(id);
    if (recent.size > RECENT_UPDATES) recent.delete(recent.values().next().value!);
    return next();
  });

  bot.use(
    Composer.privateChat(
      privateChat({
        handler: options.handler,
        texts: options.texts,
        download: options.download ?? downloadFile,
        logger: log,
      }),
    ),
  );
  bot.use(Composer.groupChat(groupChat(options.groups)));
  return bot;
}
