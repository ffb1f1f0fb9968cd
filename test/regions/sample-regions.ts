// The region index from the sample CSV (kode_kecamatan,nama_kecamatan,kode_desa,nama_desa), no database.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../../src/config/paths.ts";
import { buildRegionIndex, type RegionIndex, type VillageRef } from "../../src/regions/index.ts";

/** The villages of the sample file. */
export function sampleVillages(): VillageRef[] {
  const seed = join(projectRoot, "prisma", "seed", "wilayah-bekasi.csv");
  const file = existsSync(seed) ? seed : join(projectRoot, "..", "shared", "data", "wilayah-bekasi.csv");
  const lines = readFileSync(file, "utf8").trim().split("\n").slice(1);
  return lines.map((l) => {
    const [districtCode, districtName, code, name] = l.split(",").map((c) => c.trim());
    return { code: code!, name: name!, districtCode: districtCode!, districtName: districtName! };
  });
}

export function sampleRegions(): RegionIndex {
  return buildRegionIndex(sampleVillages());
}
