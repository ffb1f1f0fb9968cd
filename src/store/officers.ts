// Officers (village, district, Bappeda admin) and the region each may see.
import type { Db } from "./client.ts";
import { OfficerRole } from "./client.ts";
import { hashPassword } from "../auth/password.ts";

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
    throw new Error(`username "${input.username}" is invalid: use 3-40 letters, digits, dot, dash or underscore`);
  }
  if (input.password.length < 8) throw new Error("password too short: use at least 8 characters");
  const regionCode = await checkRegion(db, input.role, input.regionCode);
  if (await db.officer.findUnique({ where: { username } })) {
    throw new Error(`officer "${username}" already exists`);
  }
  const officer = await db.officer.create({
    data: { username, role: input.role, regionCode, passwordHash: await hashPassword(input.password) },
  });
  return { id: officer.id };
}

async function checkRegion(db: Db, role: OfficerRole, code: string | undefined): Promise<string | null> {
  if (role === OfficerRole.ADMIN) {
    if (code) throw new Error("an admin sees the whole kabupaten: leave out --region");
    return null;
  }
  if (!code) throw new Error(`--region is required for role ${role.toLowerCase()}`);
  const found =
    role === OfficerRole.DISTRICT
      ? await db.district.findUnique({ where: { code } })
      : await db.village.findUnique({ where: { code } });
  const level = role === OfficerRole.DISTRICT ? "kecamatan" : "desa";
  if (!found) throw new Error(`--region ${code} is not a ${level} code in the database (import the wilayah first)`);
  return code;
}

/** Parses a role name as typed on the command line. */
export function parseRole(input: string): OfficerRole | null {
  const upper = input.trim().toUpperCase();
  return (Object.values(OfficerRole) as string[]).includes(upper) ? (upper as OfficerRole) : null;
}
