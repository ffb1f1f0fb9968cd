// Village groups: `/usul` answers in the group (same forum topic) with a button that opens a private chat
// carrying the group's desa; `/desa <nama atau kode>` lets a group admin link the group to its desa.
// Everything else in a group (chatter, other bots' commands) is ignored. Tests: test/channels/telegram/bot.test.ts.
import { Composer, type Context } from "telegraf";
import type { Message } from "telegraf/types";
import type { Logger } from "../../logger.ts";
import type { Clock } from "../../outbox/clock.ts";
import type { RateLimiter } from "../../outbox/rate-limit.ts";
import type { GroupLinks } from "../../store/group-links.ts";
import { fill, type ChannelTexts } from "../texts.ts";

export interface GroupDeps {
  groups: GroupLinks;
  texts: ChannelTexts;
  limiter: RateLimiter;
  clock: Clock;
  logger: Logger;
}

/** Telegram's id of the "Group" sender shown for anonymous group admins. */
const ANONYMOUS_ADMIN_BOT = 1087968824;
/** A group answer that would have to wait longer than this for the rate limits is dropped (a /usul flood). */
const MAX_WAIT_MS = 30_000;

/** The deep link that opens a private chat with the bot, e.g. https://t.me/MusrenbangBot?start=desa_3216010001. */
export function deepLink(botUsername: string, payload: string): string {
  return `https://t.me/${botUsername}?start=${encodeURIComponent(payload)}`;
}

/** Middleware for groups and supergroups only (mount it behind Composer.groupChat). */
export function groupChat(deps: GroupDeps): Composer<Context> {
  const bot = new Composer<Context>();

  /**
   * Answers in the group: as a reply, in the same forum topic, within the group's rate limits. An answer
   * that must wait for its slot is sent in the background, so a busy group never holds up the poller.
   */
  async function answer(ctx: Context, msg: Message, text: string, extra: object = {}) {
    const chatId = String(msg.chat.id);
    const now = deps.clock.now();
    const at = deps.limiter.nextSlot(chatId, true, now);
    if (at - now > MAX_WAIT_MS) {
      deps.logger.warn({ chatId }, "group answer dropped: group rate limit reached");
      return;
    }
    deps.limiter.record(chatId, true, at);
    const topic = "is_topic_message" in msg && msg.is_topic_message ? msg.message_thread_id : undefined;
    const send = () =>
      ctx.telegram.sendMessage(msg.chat.id, text, {
        ...extra,
        ...(topic !== undefined ? { message_thread_id: topic } : {}),
        reply_parameters: { message_id: msg.message_id, allow_sending_without_reply: true },
      });
    if (at <= now) {
      await send();
      return;
    }
    void deps.clock
      .sleep(at - now)
      .then(send)
      .catch((error: unknown) => deps.logger.warn({ err: error, chatId }, "delayed group answer not sent"));
  }

  bot.command("usul", async (ctx) => {
    const village = await deps.groups.villageOf(String(ctx.chat.id));
    const link = deepLink(ctx.botInfo.username, village ? `desa_${village.code}` : "usul");
    const text = fill(village ? deps.texts.group.usul_linked : deps.texts.group.usul_unlinked, {
      name: ctx.from.first_name,
      village: village?.name ?? "",
    });
    await answer(ctx, ctx.message, text, {
      reply_markup: { inline_keyboard: [[{ text: deps.texts.group.usul_button, url: link }]] },
    });
  });

  bot.command("desa", async (ctx) => {
    const chatId = String(ctx.chat.id);
    const t = deps.texts.group;
    const query = ctx.payload.trim();
    if (!query) {
      const current = await deps.groups.villageOf(chatId);
      const text = current ? `${fill(t.desa_current, { village: current.name, district: current.districtName })}\n\n${t.desa_usage}` : t.desa_usage;
      await answer(ctx, ctx.message, text);
      return;
    }
    if (!(await isGroupAdmin(ctx))) {
      await answer(ctx, ctx.message, t.desa_not_admin);
      return;
    }
    const found = await deps.groups.find(query);
    if (found.kind === "none") {
      await answer(ctx, ctx.message, fill(t.desa_not_found, { query }));
      return;
    }
    if (found.kind === "ambiguous") {
      const shown = found.candidates.slice(0, 8);
      const list = shown.map((v) => `• ${v.code} ${v.name} (Kec. ${v.districtName})`).join("\n");
      await answer(ctx, ctx.message, fill(t.desa_ambiguous, { query, list, example: shown[0]!.code }));
      return;
    }
    const by = ctx.from.username ? `@${ctx.from.username}` : String(ctx.from.id);
    await deps.groups.link(chatId, found.village.code, by);
    deps.logger.info({ chatId, village: found.village.code, by }, "telegram group linked to a desa");
    await answer(ctx, ctx.message, fill(t.desa_linked, { village: found.village.name, district: found.village.districtName }));
  });

  return bot;
}

/** Creator or administrator of the group; an anonymous admin writes as the group itself. */
async function isGroupAdmin(ctx: Context): Promise<boolean> {
  const msg = ctx.message;
  if (!ctx.chat || !ctx.from || !msg) return false;
  if (ctx.from.id === ANONYMOUS_ADMIN_BOT && "sender_chat" in msg && msg.sender_chat?.id === ctx.chat.id) return true;
  const member = await ctx.telegram.getChatMember(ctx.chat.id, ctx.from.id);
  return member.status === "creator" || member.status === "administrator";
}
