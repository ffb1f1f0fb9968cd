// The kamus entries as the CLI and dashboard list them, with the column names of the sample file.
import type { Db } from "./client.ts";

/** One entry in the sample file's own column names, e.g. `{ "kode": "MLG23-001", "nama": "Rehab Sedang SD", ... }`. */
export interface KamusRecord {
  kode: string;
  nama: string;
  perangkat_daerah: string | null;
  urusan: string | null;
  program: string | null;
  kegiatan: string | null;
  kode_sub_kegiatan: string | null;
  sub_kegiatan: string | null;
  satuan: string | null;
  harga_satuan: number | null;
  persyaratan: string | null;
}

export const kamusColumns = [
  "kode",
  "nama",
  "perangkat_daerah",
  "urusan",
  "program",
  "kegiatan",
  "kode_sub_kegiatan",
  "sub_kegiatan",
  "satuan",
  "harga_satuan",
  "persyaratan",
] as const;

/** Active entries in kode order. */
export async function listKamus(db: Db): Promise<KamusRecord[]> {
  const rows = await db.kamusEntry.findMany({ where: { active: true }, orderBy: { kode: "asc" } });
  return rows.map((e) => ({
    kode: e.kode,
    nama: e.nama,
    perangkat_daerah: e.agency,
    urusan: e.urusan,
    program: e.program,
    kegiatan: e.kegiatan,
    kode_sub_kegiatan: e.subKegiatanCode,
    sub_kegiatan: e.subKegiatan,
    satuan: e.unit,
    harga_satuan: e.unitPrice,
    persyaratan: e.requirements,
  }));
}

/** Already flat: the identity, typed for renderTable. */
export function flattenKamus(r: KamusRecord): Record<string, string | number | null> {
  return { ...r };
}
