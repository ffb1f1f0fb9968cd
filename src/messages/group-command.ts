// A command typed in a village group chat (`/usul`, `/desa <nama atau kode>`), as a channel translates it for
// the host, which decides the answer (src/host/group-commands.ts). Only Telegram has village groups today.
import type { Channel } from "./message.ts";

/**
 * e.g. `{ "channel": "telegram", "chatId": "-100123", "messageId": "88", "threadId": 17, "command": "desa",
 * "query": "Sukamaju", "senderName": "Siti", "sender": "@siti" }`.
 */
export interface GroupCommand {
  channel: Channel;
  /** The group. */
  chatId: string;
  /** The command's message: the answer replies to it. */
  messageId: string;
  /** The forum topic the command was typed in, if any: the answer goes there. */
  threadId?: number;
  command: "usul" | "desa";
  /** The words after the command: "/desa Sukamaju" → "Sukamaju". */
  query: string;
  /** How the answer greets the sender: the first name. */
  senderName: string;
  /** Who linked the group, for the log and the link's row: "@siti", or the channel's user id. */
  sender: string;
  /** Whether the sender administers the group (asked only when the answer depends on it). */
  isAdmin(): Promise<boolean>;
  /** A link that opens a private chat with the bot carrying `payload` ("usul", "desa_3216010001"). */
  privateChatLink(payload: string): string;
}

/** The host as a group sees it: the answer is put in the outbox, never sent from the channel. */
export interface GroupCommandHandler {
  handleGroupCommand(command: GroupCommand): Promise<void>;
}
