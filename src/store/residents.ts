// Residents and the chats they use. Created on consent; anonymised on "hapus data saya".
import type { Sql } from "./sql.ts";

/** Creates the resident (if new) and links this chat to them. */
export async function registerResident(
  sql: Sql,
  residentId: string,
  channel: string,
  chatId: string,
  now: Date,
): Promise<void> {
  await sql.run(
    `INSERT INTO "Resident" ("id", "consentAt", "createdAt") VALUES (?, ?, ?) ON CONFLICT ("id") DO UPDATE SET "consentAt" = excluded."consentAt"`,
    [residentId, now, now],
  );
  await sql.run(
    `INSERT INTO "ChannelIdentity" ("channel", "externalId", "residentId", "createdAt") VALUES (?, ?, ?, ?)
     ON CONFLICT ("channel", "externalId") DO UPDATE SET "residentId" = excluded."residentId"`,
    [channel, chatId, residentId, now],
  );
}

/** Remembers the proposer name. */
export async function setResidentName(sql: Sql, residentId: string, name: string): Promise<void> {
  await sql.run(`UPDATE "Resident" SET "name" = ? WHERE "id" = ?`, [name, residentId]);
}

/** "BERHENTI" (`at` = when) or writing again afterwards (`null`): status changes are not announced while set. */
export async function setOptedOut(sql: Sql, residentId: string, at: Date | null): Promise<void> {
  await sql.run(`UPDATE "Resident" SET "optedOutAt" = ? WHERE "id" = ?`, [at, residentId]);
}

/**
 * "hapus data saya": the name and every chat link go; proposals and supports stay, without the name.
 * The Resident row stays (anonymised) so supports keep counting.
 */
export async function anonymizeResident(sql: Sql, residentId: string, now: Date): Promise<void> {
  await sql.run(`UPDATE "Resident" SET "name" = NULL, "anonymizedAt" = ? WHERE "id" = ?`, [now, residentId]);
  await sql.run(`DELETE FROM "ChannelIdentity" WHERE "residentId" = ?`, [residentId]);
  await sql.run(`UPDATE "Proposal" SET "proposerName" = NULL WHERE "proposerId" = ?`, [residentId]);
}

/**
 * Consent refused: this chat's earlier inbound records and queued or sent replies go (the conversation row is
 * dropped by the turn itself). What stays is the record of the refusing message, with its answer, so that a
 * repeat of it is not asked again, and the refusal reply until it is delivered.
 */
export async function forgetChat(sql: Sql, m: { channel: string; chatId: string; messageId: string }): Promise<void> {
  await sql.run(`DELETE FROM "InboundMessage" WHERE "channel" = ? AND "chatId" = ? AND "externalId" <> ?`, [
    m.channel,
    m.chatId,
    m.messageId,
  ]);
  await sql.run(`DELETE FROM "OutboxMessage" WHERE "channel" = ? AND "chatId" = ?`, [m.channel, m.chatId]);
}
