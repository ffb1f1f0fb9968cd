// Reads the region list from the database into the in-memory index (once at start-up, again after an import).
import { buildRegionIndex, type RegionIndex } from "../regions/index.ts";
import type { Db } from "./client.ts";

/** Loads every active desa with its kecamatan name. */
export async function loadRegions(db: Db): Promise<RegionIndex> {
  const rows = await db.village.findMany({
    where: { active: true },
    include: { district: true },
    orderBy: { code: "asc" },
  });
  return buildRegionIndex(
    rows.map((r) => ({ code: r.code, name: r.name, districtCode: r.districtCode, districtName: r.district.name })),
  );
}
