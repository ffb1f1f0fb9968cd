// Dashboard sessions: the cookie carries a random token, the database only its SHA-256, so a copy of the
// database cannot be used to log in. A session ends after `idleMs` without a request or `absoluteMs` after
// login, whichever comes first; logout deletes it.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "./client.ts";
import type { OfficerRole } from "./client.ts";

/** How long a session lives, e.g. `{ idleMs: 2 * 3600_000, absoluteMs: 12 * 3600_000 }`. */
export interface SessionLimits {
  idleMs: number;
  absoluteMs: number;
}

/** The officer behind a valid session. */
export interface SessionOfficer {
  id: number;
  username: string;
  role: OfficerRole;
  regionCode: string | null;
  /** The desa's or kecamatan's name, for the page header ("Desa Ragemanunggal"). */
  regionName: string | null;
  lastVisitAt: Date | null;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Starts a session; returns the token for the cookie (never stored). */
export async function createSession(db: Db, officerId: number, limits: SessionLimits, now = new Date()) {
  const token = randomBytes(32).toString("base64url");
  await db.officerSession.create({
    data: {
      id: hashToken(token),
      officerId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + limits.absoluteMs),
    },
  });
  return token;
}

/** The session's officer, or null when unknown, expired (then deleted) or the officer was disabled. */
export async function readSession(
  db: Db,
  token: string,
  limits: SessionLimits,
  now = new Date(),
): Promise<SessionOfficer | null> {
  const id = hashToken(token);
  const row = await db.officerSession.findUnique({ where: { id }, include: { officer: true } });
  if (!row) return null;
  const idle = now.getTime() - row.lastSeenAt.getTime() > limits.idleMs;
  if (idle || row.expiresAt <= now || !row.officer.active) {
    await db.officerSession.deleteMany({ where: { id } });
    return null;
  }
  // Written at most once a minute: a page with many requests costs one write.
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000)
    await db.officerSession.updateMany({ where: { id }, data: { lastSeenAt: now } });
  const o = row.officer;
  const where = { where: { code: o.regionCode ?? "" }, select: { name: true } };
  const region = !o.regionCode
    ? null
    : o.role === "VILLAGE"
      ? await db.village.findUnique(where)
      : await db.district.findUnique(where);
  return {
    id: o.id,
    username: o.username,
    role: o.role,
    regionCode: o.regionCode,
    regionName: region?.name ?? null,
    lastVisitAt: o.lastVisitAt,
  };
}

/** Ends one session (logout). */
export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.officerSession.deleteMany({ where: { id: hashToken(token) } });
}

/** Ends every session of an officer (password change, disable). */
export async function deleteOfficerSessions(db: Db, officerId: number): Promise<number> {
  return (await db.officerSession.deleteMany({ where: { officerId } })).count;
}
