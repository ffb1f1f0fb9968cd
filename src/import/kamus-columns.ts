// The kamus columns we recognise: the Malang sample's, Jember e-Musrenbang's, and SIPD's own field names.
import type { Aliases } from "./headers.ts";

/** A kamus field as the importer fills it: KamusDoc's fields plus the agency code SIPD carries. */
export type KamusField =
  | "kode"
  | "nama"
  | "agency"
  | "agencyCode"
  | "urusan"
  | "program"
  | "kegiatan"
  | "subKegiatanCode"
  | "subKegiatan"
  | "unit"
  | "unitPrice"
  | "kind"
  | "requirements";

/**
 * Malang: kode, nama, perangkat_daerah, ..., harga_satuan, persyaratan. Jember: id_kamus, nama_usulan,
 * jenis_usulan, opd_pelaksana. SIPD: id_kamus, giat_teks / nama_kamus, nama_skpd, kode_skpd, satuan, anggaran, ...
 * A file's own `kode` wins over `id_kamus` when both are there.
 */
export const kamusAliases: Aliases<KamusField> = {
  kode: ["kode", "kode_kamus", "kode_usulan", "kd_kamus", "id_kamus", "idkamus", "id"],
  nama: ["nama", "nama_usulan", "nama_kamus", "giat_teks", "usulan", "uraian_usulan", "kamus_usulan"],
  agency: [
    "perangkat_daerah",
    "opd_pelaksana",
    "opd",
    "nama_opd",
    "nama_skpd",
    "skpd",
    "nama_perangkat_daerah",
    "agency",
  ],
  agencyCode: ["kode_perangkat_daerah", "kode_opd", "kode_skpd"],
  urusan: ["urusan", "nama_urusan", "bidang_urusan", "nama_bidang_urusan"],
  program: ["program", "nama_program"],
  kegiatan: ["kegiatan", "nama_kegiatan", "nama_giat"],
  subKegiatanCode: ["kode_sub_kegiatan", "kode_sub_giat", "kd_sub_giat", "kode_subkegiatan"],
  subKegiatan: ["sub_kegiatan", "nama_sub_kegiatan", "nama_sub_giat", "subkegiatan"],
  unit: ["satuan", "unit"],
  unitPrice: ["harga_satuan", "harga_satuan_rp", "harga", "anggaran", "pagu", "unit_price"],
  kind: ["jenis_usulan", "jenis", "kelompok", "jenis_profil"],
  requirements: ["persyaratan", "syarat", "requirements"],
};

/** The headers named in "unknown format" errors, one line per format. */
export const expectedKamusHeaders =
  "Malang (kode, nama, perangkat_daerah, urusan, program, kegiatan, kode_sub_kegiatan, sub_kegiatan, satuan, harga_satuan, persyaratan), " +
  "Jember (id_kamus, nama_usulan, jenis_usulan, opd_pelaksana) or " +
  "SIPD (id_kamus, giat_teks or nama_kamus, nama_skpd, kode_skpd, satuan, anggaran, kode_sub_giat, nama_sub_giat)";
