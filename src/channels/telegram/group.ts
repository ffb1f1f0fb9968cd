// Village groups: `/usul` answers in the group (same forum topic) with a button that opens a private chat
// carrying the group's desa; `/desa <nama atau kode>` lets a group admin link the group to its desa.
// Everything else in a group (chatter, other bots' commands) is ignored. Answers are not sent from here:
// they go into the outbox like every other reply, whose worker delivers them within Telegram's group limit
// (20 a minute) and retries failures, so none is lost or dropped. Tests: test/channels/telegram/bot.test.ts.
import { Composer, type Context } from "telegraf";
import type { Message } from "telegraf/types";
import type { Logger } from "../../logger.ts";
import type { GroupLinks } from "../../store/group-links.ts";
import type { OutboundMessage, ReplyLink } from "../../messages/message.ts";
import type { ChannelTexts } from "../../texts/channel-texts.ts";
import { fill } from "../../texts/fill.ts";

/** Where group answers go: the persisted outbox (start.ts puts them in the OutboxMessage table). */
export interface GroupAnswers {
  put(message: OutboundMessage): Promise<void>;
}

export interface GroupDeps {
  groups: GroupLinks;
  texts: ChannelTexts;
  answers: GroupAnswers;
  logger: Logger;
}

/** Telegram's id of the "Group" sender shown for anonymous group admins. */
const ANONYMOUS_ADMIN_BOT = 1087968824;

/** The deep link that opens a private chat with the bot, e.g. https://t.me/MusrenbangBot?start=desa_3216010001. */
export function deepLink(botUsername: string, payload: string): string {
  return `https://t.me/${botUsername}?start=${encodeURIComponent(payload)}`;
}

/** The answer to `msg`: a reply to it, in its forum topic (if any), e.g. `{ chatId: "-100123", threadId: 17, replyTo: "88", ... }`. */
export function groupAnswer(msg: Message, text: string, link?: ReplyLink): OutboundMessage {
  const topic = "is_topic_message" in msg && msg.is_topic_message ? msg.message_thread_id : undefined;
  return {
    channel: "telegram",
    chatId: String(msg.chat.id),
    text,
    ...(link ? { link } : {}),
    ...(topic !== undefined ? { threadId: topic } : {}),
    replyTo: String(msg.message_id),
  };
}

/** Middleware for groups and supergroups only (mount it behind Composer.groupChat). */
export function groupChat(deps: GroupDeps): Composer<Context> {
  const bot = new Composer<Context>();

  /** Puts the answer in the outbox; the poller goes on at once, delivery happens in the worker. */
  async function answer(msg: Message, text: string, link?: ReplyLink) {
    await deps.answers.put(groupAnswer(msg, text, link));
  }

  bot.command("usul", async (ctx) => {
    const village = await deps.groups.villageOf(String(ctx.chat.id));
    const link = deepLink(ctx.botInfo.username, village ? `desa_${village.code}` : "usul");
    const text = fill(village ? deps.texts.group.usul_linked : deps.texts.group.usul_unlinked, {
      name: ctx.from.first_name,
      village: village?.name ?? "",
    });
    await answer(ctx.message, text, { label: deps.texts.group.usul_button, url: link });
  });

  bot.command("desa", async (ctx) => {
    const chatId = String(ctx.chat.id);
    const t = deps.texts.group;
    const query = ctx.payload.trim();
    if (!query) {
      const current = await deps.groups.villageOf(chatId);
      const text = current
        ? `${fill(t.desa_current, { village: current.name, district: current.districtName })}\n\n${t.desa_usage}`
        : t.desa_usage;
      await answer(ctx.message, text);
      return;
    }
    if (!(await isGroupAdmin(ctx))) {
      await answer(ctx.message, t.desa_not_admin);
      return;
    }
    const found = await deps.groups.find(query);
    if (found.kind === "none") {
      await answer(ctx.message, fill(t.desa_not_found, { query }));
      return;
    }
    if (found.kind === "ambiguous") {
      const shown = found.candidates.slice(0, 8);
      const list = shown.map((v) => `• ${v.code} ${v.name} (Kec. ${v.districtName})`).join("\n");
      await answer(ctx.message, fill(t.desa_ambiguous, { query, list, example: shown[0]!.code }));
      return;
    }
    const by = ctx.from.username ? `@${ctx.from.username}` : String(ctx.from.id);
    await deps.groups.link(chatId, found.village.code, by);
    deps.logger.info({ chatId, village: found.village.code, by }, "telegram group linked to a desa");
    await answer(
      ctx.message,
      fill(t.desa_linked, { village: found.village.name, district: found.village.districtName }),
    );
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
