// Renders an OutboundMessage for Telegram and sends it: numbered text, an inline keyboard (one button per
// option, then the link as a URL button), the forum topic and the message answered (group answers). Bot API
// errors become DeliveryErrors the outbox understands. Pinned by test/channels/telegram/sender.test.ts.
import { TelegramError, type Telegram } from "telegraf";
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "telegraf/types";
import { DeliveryError, type ChannelSender } from "../../messages/channel.ts";
import type { OutboundMessage } from "../../messages/message.ts";
import { optionLine, renderText, truncate } from "../render.ts";
import { optionCallbackData } from "./callback.ts";

/** Telegram refuses messages longer than this. */
const MAX_TEXT = 4096;

/**
 * The options as one button per row (the label shows the number, so typing it works the same), then the
 * link as a URL button in a row of its own.
 */
export function replyKeyboard(message: OutboundMessage): InlineKeyboardMarkup | undefined {
  const rows: InlineKeyboardButton[][] = (message.options ?? []).flatMap((option) => {
    const data = optionCallbackData(option.key);
    return data ? [[{ text: truncate(optionLine(option), 60), callback_data: data }]] : [];
  });
  if (message.link) rows.push([{ text: truncate(message.link.label, 60), url: message.link.url }]);
  return rows.length ? { inline_keyboard: rows } : undefined;
}

/** The Telegram message id a reply answers, when `replyTo` is one (a positive integer). */
function replyToId(message: OutboundMessage): number | undefined {
  const id = message.replyTo !== undefined && /^\d+$/.test(message.replyTo) ? Number(message.replyTo) : undefined;
  return id !== undefined && Number.isSafeInteger(id) && id > 0 ? id : undefined;
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

  constructor(private readonly telegram: Telegram) {}

  /**
   * A long text goes out in parts: every part in the forum topic, the first one as the reply, the keyboard
   * under the last one. A failed part fails the whole message (the outbox retries it from the first part).
   */
  async send(message: OutboundMessage): Promise<void> {
    const parts = splitText(renderText(message));
    const keyboard = replyKeyboard(message);
    const replyTo = replyToId(message);
    try {
      for (const [i, part] of parts.entries()) {
        const last = i === parts.length - 1;
        await this.telegram.sendMessage(message.chatId, part, {
          ...(message.threadId !== undefined ? { message_thread_id: message.threadId } : {}),
          ...(i === 0 && replyTo !== undefined
            ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } }
            : {}),
          ...(last && keyboard ? { reply_markup: keyboard } : {}),
        });
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
