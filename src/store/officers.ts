// Officers (village, district, Bappeda admin) and the region each may see.
import type { Db } from "./client.ts";
import { OfficerRole } from "./client.ts";
import { hashPassword, verifyPassword } from "../auth/password.ts";
import { Refusal } from "../refusal.ts";

/** Input of `musrenbang officer add`. */
export interface NewOfficer {
  username: string;
  role: OfficerRole;
  regionCode?: string;
  password: string;
}

/** Checks role and region, then stores the officer with a scrypt hash. Throws a readable error on bad input. */
export async function addOfficer(db: Db, input: NewOfficer): Promise<{ id: number }> {
  const username = input.username.trim().toLowerCase();
  if (!/^[a-z0-9._-]{3,40}$/.test(username)) {
    throw new Refusal(
      400,
      `username "${input.username}" is invalid: use 3-40 letters, digits, dot, dash or underscore`,
    );
  }
  if (input.password.length < 8) throw new Refusal(400, "password too short: use at least 8 characters");
  const regionCode = await checkRegion(db, input.role, input.regionCode);
  if (await db.officer.findUnique({ where: { username } })) {
    throw new Refusal(409, `officer "${username}" already exists`);
  }
  const officer = await db.officer.create({
    data: { username, role: input.role, regionCode, passwordHash: await hashPassword(input.password) },
  });
  return { id: officer.id };
}

async function checkRegion(db: Db, role: OfficerRole, code: string | undefined): Promise<string | null> {
  if (role === OfficerRole.ADMIN) {
    if (code) throw new Refusal(400, "an admin sees the whole kabupaten: leave out --region");
    return null;
  }
  if (!code) throw new Refusal(400, `--region is required for role ${role.toLowerCase()}`);
  const found =
    role === OfficerRole.DISTRICT
      ? await db.district.findUnique({ where: { code } })
      : await db.village.findUnique({ where: { code } });
  const level = role === OfficerRole.DISTRICT ? "kecamatan" : "desa";
  if (!found)
    throw new Refusal(400, `--region ${code} is not a ${level} code in the database (import the wilayah first)`);
  return code;
}

/** Parses a role name as typed on the command line. */
export function parseRole(input: string): OfficerRole | null {
  const upper = input.trim().toUpperCase();
  return (Object.values(OfficerRole) as string[]).includes(upper) ? (upper as OfficerRole) : null;
}

/** The officer with this username and password, or null (unknown, wrong password or disabled). */
export async function checkOfficerLogin(db: Db, username: string, password: string) {
  const officer = await db.officer.findUnique({ where: { username: username.trim().toLowerCase() } });
  // A missing user still costs one scrypt, so timing does not reveal which usernames exist.
  const ok = await verifyPassword(password, officer?.passwordHash ?? dummyHash);
  return officer && officer.active && ok ? officer : null;
}
const dummyHash = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

/** `officer passwd`: a new password, and every open session of the officer ends. */
export async function setOfficerPassword(db: Db, username: string, password: string): Promise<void> {
  if (password.length < 8) throw new Refusal(400, "password too short: use at least 8 characters");
  const officer = await findOfficer(db, username);
  await db.$transaction([
    db.officer.update({ where: { id: officer.id }, data: { passwordHash: await hashPassword(password) } }),
    db.officerSession.deleteMany({ where: { officerId: officer.id } }),
  ]);
}

/** `officer disable` (or enable again): a disabled officer cannot log in and is logged out at once. */
export async function setOfficerActive(db: Db, username: string, active: boolean): Promise<void> {
  const officer = await findOfficer(db, username);
  await db.$transaction([
    db.officer.update({ where: { id: officer.id }, data: { active } }),
    db.officerSession.deleteMany({ where: { officerId: officer.id } }),
  ]);
}

async function findOfficer(db: Db, username: string) {
  const officer = await db.officer.findUnique({ where: { username: username.trim().toLowerCase() } });
  if (!officer) throw new Refusal(404, `no officer "${username}" (add one with \`musrenbang officer add\`)`);
  return officer;
}
