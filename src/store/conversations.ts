// Conversation state rows: one per (channel, chat), the state as JSON text with its version.
import type { Tx } from "./client.ts";

/** The stored state JSON (undefined for a new chat) and whether the row exists. */
export async function loadConversation(db: Tx, channel: string, chatId: string): Promise<{ json?: string; exists: boolean }> {
  const row = await db.conversation.findUnique({ where: { channel_chatId: { channel, chatId } }, select: { state: true } });
  return row ? { json: row.state, exists: true } : { exists: false };
}

/** Saves the state (insert or update). */
export async function saveConversation(db: Tx, channel: string, chatId: string, state: { version: number }, exists: boolean): Promise<void> {
  const json = JSON.stringify(state);
  if (exists) {
    await db.conversation.update({ where: { channel_chatId: { channel, chatId } }, data: { state: json, version: state.version } });
  } else {
    await db.conversation.create({ data: { channel, chatId, state: json, version: state.version } });
  }
}
