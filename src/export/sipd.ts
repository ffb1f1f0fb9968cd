// The SIPD export: one row per proposal in the columns an operator types into SIPD's usulan form (README,
// "SIPD export"). Volume is the forum's agreed volume where it set one; anggaran = volume × harga satuan.
import type { Db, Prisma, ProposalStatus } from "../store/client.ts";
import type { FlatShape } from "./table.ts";

/** One exported proposal, already flattened (the column names are the README's). */
export type SipdRow = Record<(typeof SIPD_COLUMNS)[number], string | number | null>;

export const SIPD_COLUMNS = [
  "kode_usulan",
  "tahun",
  "kecamatan_kode",
  "kecamatan_kode_kemendagri",
  "kecamatan_nama",
  "desa_kode",
  "desa_kode_kemendagri",
  "desa_nama",
  "alamat",
  "latitude",
  "longitude",
  "masalah",
  "usulan",
  "kamus_kode",
  "kamus_nama",
  "perangkat_daerah",
  "sub_kegiatan_kode",
  "sub_kegiatan_nama",
  "volume",
  "satuan",
  "harga_satuan",
  "anggaran",
  "pengusul",
  "foto",
  "peringkat_desa",
  "peringkat_kecamatan",
  "status",
] as const;

export const sipdShape: FlatShape<SipdRow> = { columns: SIPD_COLUMNS, flat: (r) => r };

/** Which proposals: the officer's area (`scope`), a status (default DITERUSKAN), a desa, kecamatan or year. */
export interface SipdQuery {
  scope: Prisma.ProposalWhereInput;
  status?: ProposalStatus;
  villageCode?: string;
  districtCode?: string;
  year?: number;
  /** Absolute base of photo links, e.g. "https://musrenbang.example.go.id/dashboard/usulan". */
  photoBase: string;
}

/** The rows, ordered by kecamatan, desa, kecamatan rank, desa rank, code. */
export async function sipdRows(db: Db, q: SipdQuery): Promise<SipdRow[]> {
  const proposals = await db.proposal.findMany({
    where: {
      AND: [
        q.scope,
        { status: q.status ?? "DITERUSKAN" },
        q.villageCode ? { villageCode: q.villageCode } : {},
        q.districtCode ? { village: { districtCode: q.districtCode } } : {},
        q.year ? { cycle: { year: q.year } } : {},
      ],
    },
    include: {
      village: { include: { district: true } },
      kamusEntry: true,
      cycle: { select: { year: true } },
      attachments: { select: { id: true } },
      forumItems: { include: { forum: { select: { level: true } } } },
    },
    take: 50_000,
  });
  const rows = proposals.map((p) => {
    const desaItem = p.forumItems.find((i) => i.forum.level === "DESA");
    const kecItem = p.forumItems.find((i) => i.forum.level === "KECAMATAN");
    const volume = kecItem?.agreedVolume ?? desaItem?.agreedVolume ?? p.volume;
    const price = p.kamusEntry?.unitPrice ?? null;
    const place = [p.rt ? `RT ${p.rt}` : "", p.rw ? `RW ${p.rw}` : "", p.address ?? ""].filter(Boolean).join(", ");
    const row: SipdRow = {
      kode_usulan: p.code,
      tahun: p.cycle?.year ?? p.createdAt.getUTCFullYear(),
      kecamatan_kode: p.village.district.code,
      kecamatan_kode_kemendagri: p.village.district.kemendagriCode,
      kecamatan_nama: p.village.district.name,
      desa_kode: p.village.code,
      desa_kode_kemendagri: p.village.kemendagriCode,
      desa_nama: p.village.name,
      alamat: place || null,
      latitude: p.latitude,
      longitude: p.longitude,
      // The officer-approved wording where there is one: the resident's own words may name people.
      masalah: p.publicProblem ?? p.problem,
      usulan: p.activity ?? p.kamusEntry?.nama ?? null,
      kamus_kode: p.kamusEntry?.kode ?? null,
      kamus_nama: p.kamusEntry?.nama ?? null,
      perangkat_daerah: p.kamusEntry?.agency ?? null,
      sub_kegiatan_kode: p.kamusEntry?.subKegiatanCode ?? null,
      sub_kegiatan_nama: p.kamusEntry?.subKegiatan ?? null,
      volume,
      satuan: p.kamusEntry?.unit ?? p.unit,
      harga_satuan: price,
      anggaran: volume !== null && price !== null ? Math.round(volume * price) : p.estimatedCost,
      // Every proposal the bot takes comes from a resident (warga); RT/RW/desa proposals are entered by officers.
      pengusul: "warga",
      foto: p.attachments.map((a) => `${q.photoBase}/${p.code}/foto/${a.id}`).join(" ") || null,
      peringkat_desa: desaItem?.rank ?? p.rank,
      peringkat_kecamatan: kecItem?.rank ?? null,
      status: p.status,
    };
    return row;
  });
  const n = (v: string | number | null) => (typeof v === "number" ? v : 1e9);
  return rows.sort(
    (a, b) =>
      String(a.kecamatan_kode).localeCompare(String(b.kecamatan_kode)) ||
      String(a.desa_kode).localeCompare(String(b.desa_kode)) ||
      n(a.peringkat_kecamatan) - n(b.peringkat_kecamatan) ||
      n(a.peringkat_desa) - n(b.peringkat_desa) ||
      String(a.kode_usulan).localeCompare(String(b.kode_usulan)),
  );
}
