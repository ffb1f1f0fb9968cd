// A received whatsapp-web.js message → one InboundMessage, or null for what the bot must not answer
// (own messages, status broadcasts, group chatter without /usul or #usul).
import type { InboundMessage } from "../../messages/message.ts";
import { MessageTypes, type WaMessage } from "./port.ts";

/** "#usul jalan rusak" / "/usul: jalan rusak" → the rest; undefined when the text does not start with it. */
export function afterUsul(text: string): string | undefined {
  const match = /^\s*[#/]usul\b[\s:,.-]*/i.exec(text);
  return match ? text.slice(match[0].length).trim() : undefined;
}

/** A photo that could not be downloaded; the channel asks the resident to send it again. */
export class MediaDownloadError extends Error {
  constructor(
    readonly chatId: string,
    options?: { cause?: unknown },
  ) {
    super(`downloading a WhatsApp photo from ${chatId} failed`, options);
  }
}

/**
 * Translates one message. In a group, only a message starting with /usul or #usul counts, and the
 * conversation continues in a private chat with its author (a proposal dialogue in the group would mix
 * residents and publish personal data). `@lid` and `@c.us` ids are both kept as they are: the chat id is
 * the resident's key, and replies go back to the same id.
 */
export async function toInbound(message: WaMessage): Promise<InboundMessage | null> {
  if (message.fromMe || message.isStatus || message.from.endsWith("@broadcast")) return null;
  const isGroup = message.from.endsWith("@g.us");
  let text = message.body ?? "";
  let chatId = message.from;
  if (isGroup) {
    if (afterUsul(text) === undefined || !message.author) return null;
    chatId = message.author;
  }
  // The engine knows "/usul <text>"; "#usul" is how WhatsApp users tag it.
  const rest = afterUsul(text);
  if (rest !== undefined) text = rest ? `/usul ${rest}` : "/usul";
  const base = { channel: "whatsapp" as const, chatId, messageId: message.id._serialized };
  const caption = text.trim() ? text : undefined;

  switch (message.type) {
    case MessageTypes.TEXT:
      return { ...base, kind: "text", text };
    case MessageTypes.IMAGE: {
      let media;
      try {
        media = await message.downloadMedia();
      } catch (error) {
        throw new MediaDownloadError(chatId, { cause: error });
      }
      if (!media?.data) throw new MediaDownloadError(chatId);
      return {
        ...base,
        kind: "photo",
        text: caption,
        media: {
          mimeType: media.mimetype,
          data: new Uint8Array(Buffer.from(media.data, "base64")),
          fileName: media.filename ?? undefined,
        },
      };
    }
    case MessageTypes.LOCATION: {
      const latitude = Number(message.location?.latitude);
      const longitude = Number(message.location?.longitude);
      if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return { ...base, kind: "other" };
      const label = [message.location.name, message.location.address].filter(Boolean).join(", ") || undefined;
      return { ...base, kind: "location", location: { latitude, longitude }, text: label };
    }
    case MessageTypes.VOICE:
    case MessageTypes.AUDIO:
      return { ...base, kind: "voice" };
    case MessageTypes.STICKER:
      return { ...base, kind: "sticker" };
    default:
      return { ...base, kind: "other", text: caption };
  }
}
