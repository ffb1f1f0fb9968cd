// Village groups: `/usul` and `/desa <nama atau kode>` become a GroupCommand for the host, which decides the
// answer and puts it in the outbox (src/host/group-commands.ts). Everything else in a group (chatter, other
// bots' commands) is ignored. Tests: test/channels/telegram/bot.test.ts.
import { Composer, type Context } from "telegraf";
import type { Message } from "telegraf/types";
import type { GroupCommand, GroupCommandHandler } from "../../messages/group-command.ts";

/** Telegram's id of the "Group" sender shown for anonymous group admins. */
const ANONYMOUS_ADMIN_BOT = 1087968824;

/** The deep link that opens a private chat with the bot, e.g. https://t.me/MusrenbangBot?start=desa_3216010001. */
export function deepLink(botUsername: string, payload: string): string {
  return `https://t.me/${botUsername}?start=${encodeURIComponent(payload)}`;
}

/** Middleware for groups and supergroups only (mount it behind Composer.groupChat). */
export function groupChat(handler: GroupCommandHandler): Composer<Context> {
  const bot = new Composer<Context>();

  function translate(
    ctx: Context & { message: Message; payload: string },
    command: GroupCommand["command"],
  ): GroupCommand {
    const msg = ctx.message;
    const topic = "is_topic_message" in msg && msg.is_topic_message ? msg.message_thread_id : undefined;
    const from = ctx.from!;
    return {
      channel: "telegram",
      chatId: String(msg.chat.id),
      messageId: String(msg.message_id),
      ...(topic !== undefined ? { threadId: topic } : {}),
      command,
      query: ctx.payload,
      senderName: from.first_name,
      sender: from.username ? `@${from.username}` : String(from.id),
      isAdmin: () => isGroupAdmin(ctx),
      privateChatLink: (payload) => deepLink(ctx.botInfo.username, payload),
    };
  }

  bot.command("usul", (ctx) => handler.handleGroupCommand(translate(ctx, "usul")));
  bot.command("desa", (ctx) => handler.handleGroupCommand(translate(ctx, "desa")));
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
