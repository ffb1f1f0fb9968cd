// Village groups: `/usul` is answered in the group (same forum topic) with a button that opens a private chat
// carrying the group's desa; `/desa <nama atau kode>` lets a group admin link the group to its desa. The answer
// goes into the outbox like every other reply, whose worker delivers it within the channel's group limit and
// retries failures; `onQueued` wakes that worker. Tests: test/channels/telegram/bot.test.ts.
import type { Logger } from "../logger.ts";
import type { GroupCommand, GroupCommandHandler } from "../messages/group-command.ts";
import type { OutboundMessage, ReplyLink } from "../messages/message.ts";
import type { Db } from "../store/client.ts";
import { groupLinkStore } from "../store/group-links.ts";
import { enqueueWithPrisma } from "../store/outbox.ts";
import { loadChannelTexts, type ChannelTexts } from "../texts/channel-texts.ts";
import { fill } from "../texts/fill.ts";

export interface GroupCommandOptions {
  db: Db;
  logger: Logger;
  texts?: ChannelTexts;
  /** The time answers are queued at (the outbox worker's clock). */
  now?: () => Date;
  /** Called after an answer was put in the outbox: main.ts pokes the outbox worker with it. */
  onQueued?: () => void;
}

/** Answers village-group commands; the channel only translates them. */
export function groupCommands(options: GroupCommandOptions): GroupCommandHandler {
  const groups = groupLinkStore(options.db);
  const texts = options.texts ?? loadChannelTexts();
  const now = options.now ?? (() => new Date());

  async function answer(command: GroupCommand, text: string, link?: ReplyLink) {
    const message: OutboundMessage = {
      channel: command.channel,
      chatId: command.chatId,
      text,
      ...(link ? { link } : {}),
      ...(command.threadId !== undefined ? { threadId: command.threadId } : {}),
      replyTo: command.messageId,
    };
    await enqueueWithPrisma(options.db, [message], now());
    options.onQueued?.();
  }

  async function usul(command: GroupCommand) {
    const village = await groups.villageOf(command.chatId);
    const link = command.privateChatLink(village ? `desa_${village.code}` : "usul");
    const text = fill(village ? texts.group.usul_linked : texts.group.usul_unlinked, {
      name: command.senderName,
      village: village?.name ?? "",
    });
    await answer(command, text, { label: texts.group.usul_button, url: link });
  }

  async function desa(command: GroupCommand) {
    const { chatId } = command;
    const t = texts.group;
    const query = command.query.trim();
    if (!query) {
      const current = await groups.villageOf(chatId);
      const text = current
        ? `${fill(t.desa_current, { village: current.name, district: current.districtName })}\n\n${t.desa_usage}`
        : t.desa_usage;
      await answer(command, text);
      return;
    }
    if (!(await command.isAdmin())) {
      await answer(command, t.desa_not_admin);
      return;
    }
    const found = await groups.find(query);
    if (found.kind === "none") {
      await answer(command, fill(t.desa_not_found, { query }));
      return;
    }
    if (found.kind === "ambiguous") {
      const shown = found.candidates.slice(0, 8);
      const list = shown.map((v) => `• ${v.code} ${v.name} (Kec. ${v.districtName})`).join("\n");
      await answer(command, fill(t.desa_ambiguous, { query, list, example: shown[0]!.code }));
      return;
    }
    await groups.link(chatId, found.village.code, command.sender);
    options.logger.info(
      { channel: command.channel, chatId, village: found.village.code, by: command.sender },
      "group linked to a desa",
    );
    await answer(command, fill(t.desa_linked, { village: found.village.name, district: found.village.districtName }));
  }

  return {
    async handleGroupCommand(command) {
      if (command.command === "usul") await usul(command);
      else await desa(command);
    },
  };
}
