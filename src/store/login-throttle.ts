// Wrong dashboard passwords, counted in the database (so several processes share the count and a restart
// does not reset it), per username and per client address within a sliding window.

import type { Db } from "./client.ts";

/** E.g. `{ windowMs: 15 * 60_000, maxPerUser: 5, maxPerAddress: 20 }`: the 6th wrong try for a user is refused. */
export interface ThrottleLimits {
  windowMs: number;
  maxPerUser: number;
  maxPerAddress: number;
}

const keys = (username: string, address: string) => ({
  user: `user:${username.trim().toLowerCase()}`,
  addr: `addr:${address}`,
});

/** When the next attempt is allowed, or null when it is allowed now. */
export async function loginBlockedUntil(
  db: Db,
  username: string,
  address: string,
  limits: ThrottleLimits,
  now = new Date(),
): Promise<Date | null> {
  const since = new Date(now.getTime() - limits.windowMs);
  const k = keys(username, address);
  let until: Date | null = null;
  for (const [key, max] of [
    [k.user, limits.maxPerUser],
    [k.addr, limits.maxPerAddress],
  ] as const) {
    const rows = await db.loginFailure.findMany({
      where: { key, createdAt: { gt: since } },
      orderBy: { createdAt: "desc" },
      take: max,
      select: { createdAt: true },
    });
    if (rows.length < max) continue;
    // Blocked until the oldest of the last `max` failures leaves the window.
    const free = new Date(rows[rows.length - 1]!.createdAt.getTime() + limits.windowMs);
    if (!until || free > until) until = free;
  }
  return until;
}

/** Records a wrong password for the user and the address; old rows are pruned on the way. */
export async function recordLoginFailure(
  db: Db,
  username: string,
  address: string,
  limits: ThrottleLimits,
  now = new Date(),
) {
  const k = keys(username, address);
  await db.loginFailure.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - limits.windowMs) } } });
  await db.loginFailure.createMany({
    data: [
      { key: k.user, createdAt: now },
      { key: k.addr, createdAt: now },
    ],
  });
}

/** A right password clears the user's count (not the address's: one office must not unlock guessing). */
export async function clearLoginFailures(db: Db, username: string): Promise<void> {
  await db.loginFailure.deleteMany({ where: { key: keys(username, "").user } });
}
