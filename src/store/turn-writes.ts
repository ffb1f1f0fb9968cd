// The two writes every turn makes, as few round trips as the database allows: on PostgreSQL each pair is one
// statement (data-modifying CTEs); on SQLite (in-process, no round trips) they stay separate statements.
import type { OutboundMessage } from "../messages/message.ts";
import { loadConversation, recordInbound, saveConversation } from "./conversations.ts";
import { enqueue } from "./outbox.ts";
import type { Sql } from "./sql.ts";

/** What a turn starts from: whether the message is new, and the stored state. */
export interface TurnStart {
  fresh: boolean;
  json?: string;
  exists: boolean;
  /** Web only: messages queued outside a turn wait for this chat (see takePendingWeb). */
  pendingWeb: boolean;
}

/** Records the inbound message (idempotently) and loads the conversation. */
export async function startTurn(
  sql: Sql,
  m: { channel: string; messageId: string; chatId: string; kind: string },
  now: Date,
): Promise<TurnStart> {
  if (sql.dialect === "sqlite") {
    const fresh = await recordInbound(sql, m, now);
    return { fresh, pendingWeb: m.channel === "web", ...(await loadConversation(sql, m.channel, m.chatId)) };
  }
  const row = await sql.get<{ id: number | null; state: string | null; pending: boolean }>(
    `WITH ins AS (
       INSERT INTO "InboundMessage" ("channel", "externalId", "chatId", "kind", "receivedAt") VALUES (?, ?, ?, ?, ?)
       ON CONFLICT ("channel", "externalId") DO NOTHING RETURNING "id")
     SELECT (SELECT "id" FROM ins) AS "id",
            (SELECT "state" FROM "Conversation" WHERE "channel" = ? AND "chatId" = ?) AS "state",
            EXISTS (SELECT 1 FROM "OutboxMessage" WHERE "channel" = 'web' AND "chatId" = ? AND "status" = 'PENDING' AND ? = 'web') AS "pending"`,
    [m.channel, m.messageId, m.chatId, m.kind, now, m.channel, m.chatId, m.chatId, m.channel],
  );
  const state = row?.state ?? undefined;
  return {
    fresh: row?.id !== null && row?.id !== undefined,
    exists: state !== undefined,
    pendingWeb: !!row?.pending,
    ...(state !== undefined ? { json: state } : {}),
  };
}

/** Saves the state and puts the replies in the outbox. */
export async function finishTurn(
  sql: Sql,
  key: { channel: string; chatId: string },
  state: { version: number },
  exists: boolean,
  replies: OutboundMessage[],
  now: Date,
  options: { sent: boolean },
): Promise<void> {
  if (sql.dialect === "sqlite" || replies.length === 0) {
    await saveConversation(sql, key, state, exists, now);
    await enqueue(sql, replies, now, options);
    return;
  }
  const json = JSON.stringify(state);
  const save = exists
    ? `UPDATE "Conversation" SET "state" = ?, "version" = ?, "updatedAt" = ? WHERE "channel" = ? AND "chatId" = ?`
    : `INSERT INTO "Conversation" ("state", "version", "updatedAt", "channel", "chatId") VALUES (?, ?, ?, ?, ?)`;
  const rows = replies.map(() => "(?, ?, ?, ?, 0, ?, ?, ?)").join(", ");
  await sql.run(
    `WITH saved AS (${save})
     INSERT INTO "OutboxMessage" ("channel", "chatId", "payload", "status", "attempts", "nextAttemptAt", "createdAt", "sentAt") VALUES ${rows}`,
    [
      json,
      state.version,
      now,
      key.channel,
      key.chatId,
      ...replies.flatMap((m) => [
        m.channel,
        m.chatId,
        JSON.stringify(m),
        options.sent ? "SENT" : "PENDING",
        now,
        now,
        options.sent ? now : null,
      ]),
    ],
  );
}

/**
 * Web chat has no push: messages queued for a web chat outside a turn (status changes) are handed over with
 * the next reply and marked SENT.
 */
export async function takePendingWeb(sql: Sql, chatId: string, now: Date): Promise<OutboundMessage[]> {
  const rows = await sql.all<{ id: number; payload: string }>(
    `SELECT "id", "payload" FROM "OutboxMessage" WHERE "channel" = 'web' AND "chatId" = ? AND "status" = 'PENDING' ORDER BY "id"`,
    [chatId],
  );
  if (rows.length === 0) return [];
  await sql.run(
    `UPDATE "OutboxMessage" SET "status" = 'SENT', "sentAt" = ?, "attempts" = "attempts" + 1 WHERE "id" IN (${rows.map(() => "?").join(", ")})`,
    [now, ...rows.map((r) => r.id)],
  );
  return rows.map((r) => JSON.parse(r.payload) as OutboundMessage);
}
