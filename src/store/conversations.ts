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

/** Saves the state (insert or update). */
export async function saveConversation(
  sql: Sql,
  key: { channel: string; chatId: string },
  state: { version: number },
  exists: boolean,
  now: Date,
): Promise<void> {
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
}

/** True when this (channel, message id) was recorded before. */
export async function inboundSeen(sql: Sql, channel: string, messageId: string): Promise<boolean> {
  return !!(await sql.get(`SELECT 1 AS "seen" FROM "InboundMessage" WHERE "channel" = ? AND "externalId" = ?`, [
    channel,
    messageId,
  ]));
}

/**
 * Records an inbound message (its metadata only, never its text); false when this (channel, message id)
 * was recorded before, i.e. a re-delivery. One statement, so a turn needs no separate check.
 */
export async function recordInbound(
  sql: Sql,
  m: { channel: string; messageId: string; chatId: string; kind: string },
  now: Date,
): Promise<boolean> {
  const row = await sql.get(
    `INSERT INTO "InboundMessage" ("channel", "externalId", "chatId", "kind", "receivedAt") VALUES (?, ?, ?, ?, ?)
     ON CONFLICT ("channel", "externalId") DO NOTHING RETURNING "id"`,
    [m.channel, m.messageId, m.chatId, m.kind, now],
  );
  return row !== undefined;
}
