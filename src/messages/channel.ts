// What every chat channel offers the rest of the app: a way to hand inbound messages to the host and
// a sender the outbox uses to deliver replies. Channels translate; they never decide what to say.
import type { Channel, InboundMessage, OutboundMessage } from "./message.ts";

/** The host as a channel sees it: one inbound message in, one turn run (replies go to the outbox). */
export interface InboundHandler {
  handle(inbound: InboundMessage): Promise<unknown>;
}

/**
 * Why a delivery failed, as the outbox needs to know it:
 * - `transient`: network error or 5xx; retry with exponential backoff,
 * - `rate_limited`: the platform said "slow down" (Telegram 429); retry after `retryAfterMs`,
 * - `permanent`: blocked by the user, chat not found, bad request; never retried.
 */
export type DeliveryFailure = "transient" | "rate_limited" | "permanent";

/** A failed delivery, classified by the channel that knows its library's errors. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly failure: DeliveryFailure,
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "DeliveryError";
  }
}

/** Delivers one rendered reply on one channel; throws DeliveryError (anything else counts as transient). */
export interface ChannelSender {
  readonly channel: Channel;
  send(message: OutboundMessage): Promise<void>;
  /** Group chats get the stricter group rate limit (Telegram: 20 messages a minute). */
  isGroupChat(chatId: string): boolean;
  /** False while the channel cannot send at all (WhatsApp disconnected): the outbox waits, counting no attempt. */
  ready(): boolean;
}
