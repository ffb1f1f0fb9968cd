// The region-list columns we recognise: one row per desa with its kecamatan, or one row per region with a code.
import type { Aliases } from "./headers.ts";

/** One row per desa: `kode_kecamatan,nama_kecamatan,kode_desa,nama_desa` and the usual variants. */
export type PairedField = "districtCode" | "districtName" | "villageCode" | "villageName";

export const pairedAliases: Aliases<PairedField> = {
  districtCode: ["kode_kecamatan", "kode_kec", "kd_kecamatan", "kd_kec", "id_kecamatan"],
  districtName: ["nama_kecamatan", "nama_kec", "kecamatan"],
  villageCode: [
    "kode_desa",
    "kode_kelurahan",
    "kode_desa_kelurahan",
    "kode_kel",
    "kd_desa",
    "kd_kel",
    "id_desa",
    "id_kelurahan",
  ],
  villageName: [
    "nama_desa",
    "nama_kelurahan",
    "nama_desa_kelurahan",
    "nama_kel",
    "desa",
    "kelurahan",
    "desa_kelurahan",
  ],
};

/** One row per region: `kode,nama[,level]`; the level follows from the code's length (7 kecamatan, 10 desa). */
export type FlatField = "code" | "name" | "level";

export const flatAliases: Aliases<FlatField> = {
  code: ["kode", "kode_wilayah", "kode_bps", "id"],
  name: ["nama", "nama_wilayah", "wilayah"],
  level: ["level", "tingkat", "jenis", "tipe"],
};

/** The headers named in "unknown format" errors. */
export const expectedWilayahHeaders =
  "kode_kecamatan, nama_kecamatan, kode_desa, nama_desa (or kode_kec, kecamatan, kode_desa, desa) or kode, nama[, level]";
