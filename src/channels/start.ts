// One call for main.ts: starts Telegram (when TELEGRAM_BOT_TOKEN is set), WhatsApp (when
// WHATSAPP_ENABLED=1) and the outbox worker delivering their replies (Telegram group answers included:
// the channel pokes the worker when it queues one).
import type { Config } from "../config/config.ts";
import type { Logger } from "../logger.ts";
import { startOutbox } from "../outbox/worker.ts";
import { whatsappPolicy } from "../outbox/rate-limit.ts";
import type { Store } from "../store/client.ts";
import { createOutboxQueue } from "../store/outbox.ts";
import type { ChannelSender, InboundHandler } from "../messages/channel.ts";
import { startTelegram, type TelegramChannel } from "./telegram/start.ts";
import type { telegramWebhookRoute } from "./telegram/webhook.ts";
import type { WaClient } from "./whatsapp/port.ts";
import { startWhatsApp, type WhatsAppChannel } from "./whatsapp/start.ts";

export interface StartChannelsOptions {
  config: Pick<Config, "telegram" | "whatsapp">;
  host: InboundHandler;
  store: Store;
  logger: Logger;
  /** The webhook route mounted on the HTTP app earlier (webhook mode). */
  webhookRoute?: ReturnType<typeof telegramWebhookRoute>;
  /** Tests: a fake WhatsApp client instead of Chromium. */
  createWhatsAppClient?: () => WaClient;
}

export interface Channels {
  telegram?: TelegramChannel;
  whatsapp?: WhatsAppChannel;
  /** Stops delivery first (the current sends finish), then the channels. */
  stop(): Promise<void>;
}

/** Starts what the configuration asks for; returns at once (connecting happens in the background). */
export function startChannels(options: StartChannelsOptions): Channels {
  const { config, host, store, logger } = options;
  // Set below once the senders exist; Telegram group answers wake it as soon as they are queued.
  let outbox: ReturnType<typeof startOutbox> | undefined;
  const telegram = config.telegram.token
    ? startTelegram({ config, host, store, logger, onQueued: () => outbox?.poke() })
    : undefined;
  const whatsapp = config.whatsapp.enabled
    ? startWhatsApp({ config, host, logger, createClient: options.createWhatsAppClient })
    : undefined;
  if (telegram) options.webhookRoute?.attach(telegram);
  const senders: ChannelSender[] = [telegram?.sender, whatsapp?.sender].filter((s) => s !== undefined);
  outbox = senders.length
    ? startOutbox({
        queue: createOutboxQueue(store.db, store.flavour),
        senders,
        logger,
        policies: { whatsapp: whatsappPolicy(config.whatsapp.maxPerMinute) },
      })
    : undefined;
  return {
    telegram,
    whatsapp,
    async stop() {
      await outbox?.stop();
      await Promise.all([telegram?.stop(), whatsapp?.stop()]);
    },
  };
}
