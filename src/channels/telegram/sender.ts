// Renders an OutboundMessage for Telegram (numbered text plus an inline keyboard) and sends it; Bot API
// errors become DeliveryErrors the outbox understands. Pinned by test/channels/telegram/sender.test.ts.
import { TelegramError, type Telegram } from "telegraf";
import type { InlineKeyboardMarkup } from "telegraf/types";
import { DeliveryError, type ChannelSender } from "../channel.ts";
import type { OutboundMessage } from "../message.ts";
import { optionLine, renderText, truncate } from "../render.ts";
import { RateLimiter, telegramPolicy } from "../../outbox/rate-limit.ts";
import { optionCallbackData } from "./callback.ts";

/** Telegram refuses messages longer than this. */
const MAX_TEXT = 4096;

/** The options as one button per row; the label shows the number, so typing it works the same. */
export function optionKeyboard(message: OutboundMessage): InlineKeyboardMarkup | undefined {
  const buttons = (message.options ?? []).flatMap((option) => {
    const data = optionCallbackData(option.key);
    return data ? [[{ text: truncate(optionLine(option), 60), callback_data: data }]] : [];
  });
  return buttons.length ? { inline_keyboard: buttons } : undefined;
}

/** Splits a long text on line breaks into parts Telegram accepts. */
export function splitText(text: string, max = MAX_TEXT): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = rest.lastIndexOf("\n", max);
    const at = cut > max / 2 ? cut : max;
    parts.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^\n/, "");
  }
  parts.push(rest);
  return parts;
}

/**
 * Maps a Bot API failure to what the outbox should do: 429 → wait `retry_after`; 5xx and network errors →
 * back off; 403 (blocked by the user, kicked) and 400 (chat not found, bad request) → give up.
 * 401 (bad token) stays transient: fixing the token must not have thrown the replies away.
 */
export function classifyTelegramError(error: unknown): DeliveryError {
  if (error instanceof TelegramError) {
    const code = error.code;
    if (code === 429) {
      const seconds = error.parameters?.retry_after ?? 5;
      return new DeliveryError(error.message, "rate_limited", seconds * 1000, { cause: error });
    }
    if (code === 403 || code === 400) return new DeliveryError(error.message, "permanent", undefined, { cause: error });
    return new DeliveryError(error.message, "transient", undefined, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new DeliveryError(message, "transient", undefined, { cause: error });
}

/** The outbox's sender for Telegram. */
export class TelegramSender implements ChannelSender {
  readonly channel = "telegram" as const;
  /** Shared with the group answers, so both count against the same limits. */
  readonly limiter: RateLimiter;

  constructor(private readonly telegram: Telegram, limiter?: RateLimiter) {
    this.limiter = limiter ?? new RateLimiter(telegramPolicy);
  }

  async send(message: OutboundMessage): Promise<void> {
    const parts = splitText(renderText(message));
    const keyboard = optionKeyboard(message);
    try {
      for (const [i, part] of parts.entries()) {
        const last = i === parts.length - 1;
        await this.telegram.sendMessage(message.chatId, part, last && keyboard ? { reply_markup: keyboard } : {});
      }
    } catch (error) {
      throw classifyTelegramError(error);
    }
  }

  isGroupChat(chatId: string): boolean {
    return chatId.startsWith("-");
  }

  ready(): boolean {
    return true;
  }
}
