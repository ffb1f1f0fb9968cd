// Conversation state rows (one per channel + chat, the state as JSON text) and the inbound message log
// that makes a re-delivered message run no second turn. Direct SQL: the per-turn hot path (see sql.ts).
import type { Sql } from "./sql.ts";

/** The stored state JSON (undefined for a new chat) and whether the row exists. */
export async function loadConversation(
  sql: Sql,
  channel: string,
  chatId: string,
): Promise<{ json?: string; exists: boolean }> {
  const row = await sql.get<{ state: string }>(
    `SELECT "state" FROM "Conversation" WHERE "channel" = ? AND "chatId" = ?`,
    [channel, chatId],
  );
  return row ? { json: row.state, exists: true } : { exists: false };
}

/** Saves the state (insert or update); returns the JSON text stored. */
export async function saveConversation(
  sql: Sql,
  key: { channel: string; chatId: string },
  state: { version: number },
  exists: boolean,
  now: Date,
): Promise<string> {
  const json = JSON.stringify(state);
  if (exists) {
    await sql.run(
      `UPDATE "Conversation" SET "state" = ?, "version" = ?, "updatedAt" = ? WHERE "channel" = ? AND "chatId" = ?`,
      [json, state.version, now, key.channel, key.chatId],
    );
  } else {
    await sql.run(
      `INSERT INTO "Conversation" ("channel", "chatId", "state", "version", "updatedAt") VALUES (?, ?, ?, ?, ?)`,
      [key.channel, key.chatId, json, state.version, now],
    );
  }
  return json;
}

/** The stored answer (JSON, see finishTurn) of a message this chat sent before; undefined when it is new. */
export async function storedAnswer(
  sql: Sql,
  m: { channel: string; chatId: string; messageId: string },
): Promise<string | null | undefined> {
  const row = await sql.get<{ replies: string | null }>(
    `SELECT "replies" FROM "InboundMessage" WHERE "channel" = ? AND "chatId" = ? AND "externalId" = ?`,
    [m.channel, m.chatId, m.messageId],
  );
  return row ? row.replies : undefined;
}

/**
 * Records an inbound message (its metadata only, never its text); its row id, or undefined when this chat sent
 * this message id before, i.e. a re-delivery. One statement, so a turn needs no separate check.
 */
export async function recordInbound(
  sql: Sql,
  m: { channel: string; messageId: string; chatId: string; kind: string },
  now: Date,
): Promise<number | undefined> {
  const row = await sql.get<{ id: number }>(
    `INSERT INTO "InboundMessage" ("channel", "externalId", "chatId", "kind", "receivedAt") VALUES (?, ?, ?, ?, ?)
     ON CONFLICT ("channel", "chatId", "externalId") DO NOTHING RETURNING "id"`,
    [m.channel, m.messageId, m.chatId, m.kind, now],
  );
  return row?.id;
}
