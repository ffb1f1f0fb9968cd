// An officer's area as query conditions. Every dashboard query on proposals or villages ANDs these in, so
// a record outside the area is never read at all (a detail page answers 404, a count never includes it).
import type { Prisma } from "./client.ts";
import { OfficerRole } from "./client.ts";

/** Who looks, e.g. `{ role: "VILLAGE", regionCode: "3216010001" }`; ADMIN has no region (the kabupaten). */
export interface Scope {
  role: OfficerRole;
  regionCode: string | null;
}

/** The proposals inside the scope. A non-admin without a region sees nothing rather than everything. */
export function proposalScope(scope: Scope): Prisma.ProposalWhereInput {
  if (scope.role === OfficerRole.ADMIN) return {};
  const code = scope.regionCode ?? "-";
  return scope.role === OfficerRole.DISTRICT ? { village: { districtCode: code } } : { villageCode: code };
}

/** The villages inside the scope. */
export function villageScope(scope: Scope): Prisma.VillageWhereInput {
  if (scope.role === OfficerRole.ADMIN) return {};
  const code = scope.regionCode ?? "-";
  return scope.role === OfficerRole.DISTRICT ? { districtCode: code } : { code };
}

/** The districts inside the scope. */
export function districtScope(scope: Scope): Prisma.DistrictWhereInput {
  if (scope.role === OfficerRole.ADMIN) return {};
  const code = scope.regionCode ?? "-";
  return scope.role === OfficerRole.DISTRICT ? { code } : { villages: { some: { code } } };
}
