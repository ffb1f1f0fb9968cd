// The one message pair at the edge: every channel turns its library's objects into an InboundMessage
// and renders an OutboundMessage. Channels never touch the database or decide what to say.
import { z } from "zod";

export const Channel = z.enum(["web", "telegram", "whatsapp"]);
export type Channel = z.infer<typeof Channel>;

/** A location pin, in degrees. */
export const GeoPoint = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
});
export type GeoPoint = z.infer<typeof GeoPoint>;

/**
 * What a resident sent, e.g.
 * `{ "channel": "telegram", "chatId": "12345", "messageId": "12345:77", "kind": "text", "text": "jalan rusak" }`.
 * `chatId` is where replies go and, for private chats, the resident's key on that channel.
 */
export const InboundMessage = z.object({
  channel: Channel,
  chatId: z.string().min(1),
  /** The channel's own id of this message: a re-delivery carries the same id and runs no second turn. */
  messageId: z.string().min(1),
  kind: z.enum(["text", "photo", "location", "voice", "sticker", "other"]),
  text: z.string().optional(),
  location: GeoPoint.optional(),
  /** A photo's bytes, downloaded by the channel; the host stores it by content hash. */
  media: z.object({ mimeType: z.string(), data: z.instanceof(Uint8Array), fileName: z.string().optional() }).optional(),
  /** Telegram deep-link payload (`/start PAYLOAD`), e.g. "desa_3216010001" from a linked village group. */
  startPayload: z.string().optional(),
});
export type InboundMessage = z.infer<typeof InboundMessage>;

/** A numbered option: `key` is what the resident may type ("1"), `label` what they read. */
export const ReplyOption = z.object({ key: z.string(), label: z.string() });
export type ReplyOption = z.infer<typeof ReplyOption>;

/** One reply of the bot, before it is addressed to a chat. */
export const Reply = z.object({ text: z.string(), options: z.array(ReplyOption).optional() });
export type Reply = z.infer<typeof Reply>;

/** A link the resident opens, e.g. `{ "label": "Isi usulan di chat pribadi", "url": "https://t.me/MusrenbangBot?start=desa_3216010001" }`. */
export const ReplyLink = z.object({ label: z.string().min(1), url: z.url() });
export type ReplyLink = z.infer<typeof ReplyLink>;

/**
 * A reply addressed to a chat, as stored in the outbox and rendered by the channel, e.g.
 * `{ "channel": "telegram", "chatId": "-1001234567890", "text": "Terima kasih ...", "link": {...}, "threadId": 17, "replyTo": "88" }`.
 * The optional fields serve answers in Telegram groups; rows stored without them stay valid.
 */
export const OutboundMessage = Reply.extend({
  channel: Channel,
  chatId: z.string(),
  /** A URL button on Telegram, e.g. the deep link to a private chat; a "label: url" line where there are no buttons. */
  link: ReplyLink.optional(),
  /** Telegram forum topic to answer in (`message_thread_id`), e.g. 17. */
  threadId: z.number().int().optional(),
  /** The channel's id of the message this answers (Telegram `message_id` within the chat), e.g. "88". */
  replyTo: z.string().optional(),
});
export type OutboundMessage = z.infer<typeof OutboundMessage>;
