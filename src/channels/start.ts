// One call for main.ts: starts Telegram (when TELEGRAM_BOT_TOKEN is set) and WhatsApp (when WHATSAPP_ENABLED=1).
// Their senders go to the outbox worker, which main.ts starts (replies are delivered from the outbox only).
import type { Config } from "../config/config.ts";
import type { Logger } from "../logger.ts";
import type { ChannelSender, InboundHandler } from "../messages/channel.ts";
import type { GroupCommandHandler } from "../messages/group-command.ts";
import { startTelegram, type TelegramChannel } from "./telegram/start.ts";
import type { telegramWebhookRoute } from "./telegram/webhook.ts";
import type { WaClient } from "./whatsapp/port.ts";
import { startWhatsApp, type WhatsAppChannel } from "./whatsapp/start.ts";

export interface StartChannelsOptions {
  config: Pick<Config, "telegram" | "whatsapp">;
  host: InboundHandler;
  /** Answers village-group commands (the host's src/host/group-commands.ts). */
  groups: GroupCommandHandler;
  logger: Logger;
  /** The webhook route mounted on the HTTP app earlier (webhook mode). */
  webhookRoute?: ReturnType<typeof telegramWebhookRoute>;
  /** Tests: a fake WhatsApp client instead of Chromium. */
  createWhatsAppClient?: () => WaClient;
}

export interface Channels {
  telegram?: TelegramChannel;
  whatsapp?: WhatsAppChannel;
  /** What the outbox worker delivers with: one sender per started channel. */
  readonly senders: ChannelSender[];
  stop(): Promise<void>;
}

/** Starts what the configuration asks for; returns at once (connecting happens in the background). */
export function startChannels(options: StartChannelsOptions): Channels {
  const { config, host, groups, logger } = options;
  const telegram = config.telegram.token ? startTelegram({ config, host, groups, logger }) : undefined;
  const whatsapp = config.whatsapp.enabled
    ? startWhatsApp({ config, host, logger, createClient: options.createWhatsAppClient })
    : undefined;
  if (telegram) options.webhookRoute?.attach(telegram);
  return {
    telegram,
    whatsapp,
    senders: [telegram?.sender, whatsapp?.sender].filter((s) => s !== undefined),
    async stop() {
      await Promise.all([telegram?.stop(), whatsapp?.stop()]);
    },
  };
}
