// The two writes every turn makes, as few round trips as the database allows: on PostgreSQL each pair is one
// statement (data-modifying CTEs); on SQLite (in-process, no round trips) they stay separate statements.
import type { OutboundMessage } from "../messages/message.ts";
import { loadConversation, recordInbound, saveConversation, storedAnswer } from "./conversations.ts";
import { enqueue, OUTBOX_COLUMNS, OUTBOX_PLACEHOLDERS, outboxRow } from "./outbox.ts";
import type { Sql } from "./sql.ts";

/** What a turn starts from: whether the message is new, and the stored state. */
export interface TurnStart {
  /** The new InboundMessage row; undefined when this chat sent this message id before (a repeat). */
  inboundId?: number;
  /** For a repeat: the answer stored by the turn it ran (JSON, see finishTurn), if that turn finished. */
  stored?: string;
  json?: string;
  exists: boolean;
  /** Web only: messages queued outside a turn wait for this chat (see takePendingWeb). */
  pendingWeb: boolean;
}

/** Records the inbound message (idempotently, per chat) and loads the conversation. */
export async function startTurn(
  sql: Sql,
  m: { channel: string; messageId: string; chatId: string; kind: string },
  now: Date,
): Promise<TurnStart> {
  if (sql.dialect === "sqlite") {
    const inboundId = await recordInbound(sql, m, now);
    const stored = inboundId === undefined ? await storedAnswer(sql, m) : undefined;
    return {
      ...(inboundId !== undefined ? { inboundId } : {}),
      ...(stored ? { stored } : {}),
      pendingWeb: m.channel === "web",
      ...(await loadConversation(sql, m.channel, m.chatId)),
    };
  }
  const row = await sql.get<{ id: number | null; stored: string | null; state: string | null; pending: boolean }>(
    `WITH ins AS (
       INSERT INTO "InboundMessage" ("channel", "externalId", "chatId", "kind", "receivedAt") VALUES (?, ?, ?, ?, ?)
       ON CONFLICT ("channel", "chatId", "externalId") DO NOTHING RETURNING "id")
     SELECT (SELECT "id" FROM ins) AS "id",
            (SELECT "replies" FROM "InboundMessage" WHERE "channel" = ? AND "chatId" = ? AND "externalId" = ?) AS "stored",
            (SELECT "state" FROM "Conversation" WHERE "channel" = ? AND "chatId" = ?) AS "state",
            EXISTS (SELECT 1 FROM "OutboxMessage" WHERE "channel" = 'web' AND "chatId" = ? AND "status" = 'PENDING' AND ? = 'web') AS "pending"`,
    [
      m.channel,
      m.messageId,
      m.chatId,
      m.kind,
      now,
      m.channel,
      m.chatId,
      m.messageId,
      m.channel,
      m.chatId,
      m.chatId,
      m.channel,
    ],
  );
  const state = row?.state ?? undefined;
  return {
    ...(row?.id !== null && row?.id !== undefined ? { inboundId: Number(row.id) } : {}),
    ...(row?.stored ? { stored: row.stored } : {}),
    exists: state !== undefined,
    pendingWeb: !!row?.pending,
    ...(state !== undefined ? { json: state } : {}),
  };
}

/** What a turn ends with: the state to save (null: forget this chat's conversation row), replies, the answer. */
export interface TurnEnd {
  inboundId: number;
  state: { version: number } | null;
  exists: boolean;
  /** Put in the outbox (stored as SENT for the web chat, whose replies go back in the response). */
  replies: OutboundMessage[];
  /** What a repeat of this message is answered with (JSON). */
  answer: string;
}

/**
 * Saves the state, stores the answer with the inbound record and puts the replies in the outbox. Returns the
 * state's JSON text as stored (null when the row was deleted).
 */
export async function finishTurn(
  sql: Sql,
  key: { channel: string; chatId: string },
  end: TurnEnd,
  now: Date,
  options: { sent: boolean },
): Promise<string | null> {
  const { state, exists, replies } = end;
  if (sql.dialect === "sqlite" || replies.length === 0 || state === null) {
    let saved: string | null = null;
    if (state) saved = await saveConversation(sql, key, state, exists, now);
    else if (exists)
      await sql.run(`DELETE FROM "Conversation" WHERE "channel" = ? AND "chatId" = ?`, [key.channel, key.chatId]);
    await sql.run(`UPDATE "InboundMessage" SET "replies" = ? WHERE "id" = ?`, [end.answer, end.inboundId]);
    await enqueue(sql, replies, now, options);
    return saved;
  }
  const json = JSON.stringify(state);
  const save = exists
    ? `UPDATE "Conversation" SET "state" = ?, "version" = ?, "updatedAt" = ? WHERE "channel" = ? AND "chatId" = ?`
    : `INSERT INTO "Conversation" ("state", "version", "updatedAt", "channel", "chatId") VALUES (?, ?, ?, ?, ?)`;
  const rows = replies.map(() => OUTBOX_PLACEHOLDERS).join(", ");
  await sql.run(
    `WITH saved AS (${save}),
     answered AS (UPDATE "InboundMessage" SET "replies" = ? WHERE "id" = ?)
     INSERT INTO "OutboxMessage" (${OUTBOX_COLUMNS}) VALUES ${rows}`,
    [
      json,
      state.version,
      now,
      key.channel,
      key.chatId,
      end.answer,
      end.inboundId,
      ...replies.flatMap((m) => outboxRow(m, now, options.sent)),
    ],
  );
  return json;
}

/**
 * Web chat has no push: messages queued for a web chat outside a turn (status changes) are handed over with the
 * next reply or when the page asks (POST /api/chat/updates), and marked SENT. One UPDATE … RETURNING, so two
 * requests at once never both hand out the same message.
 */
export async function takePendingWeb(sql: Sql, chatId: string, now: Date): Promise<OutboundMessage[]> {
  const rows = await sql.all<{ id: number; payload: string }>(
    `UPDATE "OutboxMessage" SET "status" = 'SENT', "sentAt" = ?, "attempts" = "attempts" + 1
     WHERE "channel" = 'web' AND "chatId" = ? AND "status" = 'PENDING' RETURNING "id", "payload"`,
    [now, chatId],
  );
  return rows.sort((a, b) => Number(a.id) - Number(b.id)).map((r) => JSON.parse(r.payload) as OutboundMessage);
}
