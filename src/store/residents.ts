// Residents and the chats they use. Created on consent; anonymised on "hapus data saya".
import type { Tx } from "./client.ts";

/** Creates the resident (if new) and links this chat to them. */
export async function registerResident(db: Tx, residentId: string, channel: string, chatId: string, now: Date): Promise<void> {
  await db.resident.upsert({ where: { id: residentId }, create: { id: residentId, consentAt: now, createdAt: now }, update: { consentAt: now } });
  const existing = await db.channelIdentity.findUnique({ where: { channel_externalId: { channel, externalId: chatId } } });
  if (existing) {
    if (existing.residentId !== residentId) await db.channelIdentity.update({ where: { id: existing.id }, data: { residentId } });
  } else {
    await db.channelIdentity.create({ data: { channel, externalId: chatId, residentId, createdAt: now } });
  }
}

/** Remembers the proposer name. */
export async function setResidentName(db: Tx, residentId: string, name: string): Promise<void> {
  await db.resident.updateMany({ where: { id: residentId }, data: { name } });
}

/**
 * "hapus data saya": the name and every chat link go; proposals and supports stay, without the name.
 * The Resident row stays (anonymised) so supports keep counting.
 */
export async function anonymizeResident(db: Tx, residentId: string, now: Date): Promise<void> {
  await db.resident.updateMany({ where: { id: residentId }, data: { name: null, anonymizedAt: now } });
  await db.channelIdentity.deleteMany({ where: { residentId } });
  await db.proposal.updateMany({ where: { proposerId: residentId }, data: { proposerName: null } });
}
