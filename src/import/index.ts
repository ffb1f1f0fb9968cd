// Import of the kamus usulan and the region list from CSV or XLSX (see README, "musrenbang import").
export { importKamusFile, writeKamus, type KamusImportOptions } from "./import-kamus.ts";
export { readKamusFile } from "./read-kamus.ts";
export { readFiledPairs } from "./read-filed-pairs.ts";
export { importWilayahFile, readWilayahFile, writeWilayah, type WilayahCounts } from "./import-wilayah.ts";
export { describeChanges, describeImport } from "./describe-counts.ts";
export { ImportError, type RowProblem } from "./errors.ts";
export type { ImportCounts, ImportOptions, ProgressCallback } from "./progress.ts";
export type { KamusRow, KamusReadOptions } from "./kamus-rows.ts";
export type { DistrictRow, VillageRow, Wilayah } from "./wilayah-builder.ts";
export {
  importKabupaten,
  planKabupaten,
  kabupatenCode,
  type KabupatenImport,
  type SpellingPair,
} from "./import-kabupaten.ts";
