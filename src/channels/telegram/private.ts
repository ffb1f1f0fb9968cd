// Private chats: every resident message becomes one InboundMessage for the host. Commands lose their
// "@OurBot" suffix, a photo is downloaded (largest size), a button press becomes the option key the
// resident could have typed.
import { Composer, type Context } from "telegraf";
import { message } from "telegraf/filters";
import type { Message, PhotoSize } from "telegraf/types";
import type { Logger } from "../../logger.ts";
import type { InboundHandler } from "../../messages/channel.ts";
import type { InboundMessage } from "../../messages/message.ts";
import type { ChannelTexts } from "../../texts/channel-texts.ts";
import { optionKeyOf } from "./callback.ts";
import type { FileDownloader } from "./files.ts";

export interface PrivateChatDeps {
  handler: InboundHandler;
  texts: ChannelTexts;
  download: FileDownloader;
  logger: Logger;
}

/**
 * A command as the engine reads it: "/status@MusrenbangBot U25-7K3Q" → "/status U25-7K3Q" (the engine knows
 * /start, /usul, /status, /bantuan, /batal); a /start payload also goes into `startPayload`.
 */
export function commandToText(command: string, payload: string): { text: string; startPayload?: string } {
  const rest = payload.trim();
  const text = rest ? `/${command} ${rest}` : `/${command}`;
  return command === "start" && rest ? { text, startPayload: rest } : { text };
}

/** The largest size of a photo (Telegram lists several thumbnails, biggest last). */
export function largestPhoto(sizes: PhotoSize[]): PhotoSize | undefined {
  return [...sizes].sort((a, b) => (a.file_size ?? a.width * a.height) - (b.file_size ?? b.width * b.height)).at(-1);
}

function base(msg: Message): Pick<InboundMessage, "channel" | "chatId" | "messageId"> {
  return {
    channel: "telegram",
    chatId: String(msg.chat.id),
    messageId: `${msg.chat.id}:${msg.message_id}`,
  };
}

/** Middleware for private chats only (mount it behind Composer.privateChat). */
export function privateChat(deps: PrivateChatDeps): Composer<Context> {
  const bot = new Composer<Context>();
  const handle = (inbound: InboundMessage) => deps.handler.handle(inbound);
  /** Downloads a photo; on failure asks the resident to send it again instead of running a turn without it. */
  async function fetchPhoto(ctx: Context, fileId: string) {
    try {
      return await deps.download(ctx.telegram, fileId);
    } catch (error) {
      deps.logger.warn({ err: error, chatId: ctx.chat?.id }, "photo download failed");
      await ctx.reply(deps.texts.error.photo_failed);
      return undefined;
    }
  }

  bot.on(message("text"), async (ctx) => {
    const msg = ctx.message;
    const entity = msg.entities?.[0];
    if (entity?.type === "bot_command" && entity.offset === 0) {
      const [command = "", to] = msg.text.slice(1, entity.length).split("@");
      if (to && to.toLowerCase() !== ctx.me.toLowerCase()) return;
      const mapped = commandToText(command.toLowerCase(), msg.text.slice(entity.length));
      await handle({ ...base(msg), kind: "text", ...mapped });
      return;
    }
    await handle({ ...base(msg), kind: "text", text: msg.text });
  });

  bot.on(message("photo"), async (ctx) => {
    const photo = largestPhoto(ctx.message.photo);
    if (!photo) return;
    const data = await fetchPhoto(ctx, photo.file_id);
    if (!data) return;
    await handle({
      ...base(ctx.message),
      kind: "photo",
      text: ctx.message.caption,
      media: { mimeType: "image/jpeg", data: data.bytes, fileName: data.fileName },
    });
  });

  // A photo sent "as a file" keeps its quality; treat it as a photo when it is an image.
  bot.on(message("document"), async (ctx, next) => {
    const doc = ctx.message.document;
    if (!doc.mime_type?.startsWith("image/")) return next();
    const data = await fetchPhoto(ctx, doc.file_id);
    if (!data) return;
    await handle({
      ...base(ctx.message),
      kind: "photo",
      text: ctx.message.caption,
      media: { mimeType: doc.mime_type, data: data.bytes, fileName: doc.file_name ?? data.fileName },
    });
  });

  bot.on(message("location"), async (ctx) => {
    const { latitude, longitude } = ctx.message.location;
    const venue = "venue" in ctx.message ? ctx.message.venue : undefined;
    await handle({
      ...base(ctx.message),
      kind: "location",
      location: { latitude, longitude },
      text: venue ? [venue.title, venue.address].filter(Boolean).join(", ") : undefined,
    });
  });

  bot.on([message("voice"), message("audio"), message("video_note")], async (ctx) => {
    await handle({ ...base(ctx.message), kind: "voice" });
  });

  bot.on(message("sticker"), async (ctx) => {
    await handle({ ...base(ctx.message), kind: "sticker" });
  });

  // Anything else a resident can send (video, contact, poll, dice...): the engine answers politely.
  bot.on("message", async (ctx) => {
    const caption = "caption" in ctx.message ? ctx.message.caption : undefined;
    await handle({ ...base(ctx.message), kind: "other", text: caption });
  });

  bot.on("callback_query", async (ctx) => {
    const query = ctx.callbackQuery;
    const key = optionKeyOf("data" in query ? query.data : undefined);
    const chat = query.message?.chat;
    // Only the resident the menu was sent to may answer it (in a private chat, the chat is that resident).
    if (!chat || chat.type !== "private" || chat.id !== query.from.id) {
      await ctx.answerCbQuery(deps.texts.callback.not_yours);
      return;
    }
    if (key === undefined) {
      await ctx.answerCbQuery(deps.texts.callback.expired);
      return;
    }
    await ctx.answerCbQuery();
    await handle({
      channel: "telegram",
      chatId: String(chat.id),
      messageId: `cb:${query.id}`,
      kind: "text",
      text: key,
    });
    // Remove the buttons so an old menu cannot be answered again later; not worth failing the turn over.
    await ctx.editMessageReplyMarkup(undefined).catch(() => undefined);
  });

  return bot;
}
