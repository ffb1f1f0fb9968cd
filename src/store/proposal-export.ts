// Read side of proposals for the CLI export, the dashboard and the public page: one flat, stable shape.
import type { Db } from "./client.ts";
import type { Prisma } from "./client.ts";
import { ProposalStatus } from "./client.ts";

/**
 * One proposal as outside tools see it (DESIGN.md §7), e.g.
 * `{ "code": "U26-7K3Q", "status": "DIAJUKAN", "village": { "kode": "3216010001", "nama": "Ragemanunggal" }, ... }`.
 */
export interface ProposalRecord {
  code: string;
  status: string;
  village: { kode: string; nama: string };
  district: { kode: string; nama: string };
  rt: string | null;
  rw: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  problem: string;
  activity: string | null;
  kamus: {
    kode: string;
    nama: string;
    agency: string | null;
    satuan: string | null;
    harga_satuan: number | null;
  } | null;
  volume: number | null;
  unit: string | null;
  estimated_cost: number | null;
  beneficiaries: number | null;
  supporters: number;
  /** Of `supporters`: those who backed it on WhatsApp or Telegram (an account tied to a phone number)... */
  supporters_phone: number;
  /** ...and on the web chat, where an identity costs nothing (officers weigh these differently). */
  supporters_web: number;
  channel: string;
  created_at: string;
}

/** Which proposals to list; a region code of 7 digits is a kecamatan, of 10 digits a desa. */
export interface ProposalFilter {
  villageCode?: string;
  districtCode?: string;
  status?: ProposalStatus;
}

/** Parses a status name as typed by a user ("diajukan" works too); null when unknown. */
export function parseStatus(input: string): ProposalStatus | null {
  const upper = input
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, "_");
  return (Object.values(ProposalStatus) as string[]).includes(upper) ? (upper as ProposalStatus) : null;
}

const include = {
  village: { include: { district: true } },
  kamusEntry: true,
  _count: { select: { supports: true } },
} satisfies Prisma.ProposalInclude;

type Row = Prisma.ProposalGetPayload<{ include: typeof include }>;

function toRecord(p: Row, byChannel: Map<number, { web: number; phone: number }>): ProposalRecord {
  const k = p.kamusEntry;
  return {
    code: p.code,
    status: p.status,
    village: { kode: p.village.code, nama: p.village.name },
    district: { kode: p.village.district.code, nama: p.village.district.name },
    rt: p.rt,
    rw: p.rw,
    address: p.address,
    latitude: p.latitude,
    longitude: p.longitude,
    problem: p.problem,
    activity: p.activity,
    kamus: k ? { kode: k.kode, nama: k.nama, agency: k.agency, satuan: k.unit, harga_satuan: k.unitPrice } : null,
    volume: p.volume,
    unit: p.unit,
    estimated_cost: p.estimatedCost,
    beneficiaries: p.beneficiaries,
    supporters: p._count.supports,
    supporters_phone: byChannel.get(p.id)?.phone ?? 0,
    supporters_web: byChannel.get(p.id)?.web ?? 0,
    channel: p.channel,
    created_at: p.createdAt.toISOString(),
  };
}

/** The proposals matching the filter, oldest first (the order they reached the forum). */
export async function listProposals(db: Db, filter: ProposalFilter = {}): Promise<ProposalRecord[]> {
  const where = {
    villageCode: filter.villageCode,
    status: filter.status,
    village: filter.districtCode ? { districtCode: filter.districtCode } : undefined,
  } satisfies Prisma.ProposalWhereInput;
  const rows = await db.proposal.findMany({ where, include, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const byChannel = await supportersByChannel(db, where);
  return rows.map((p) => toRecord(p, byChannel));
}

/** Supporters per proposal and channel kind, for the proposals matching `where`. */
export async function supportersByChannel(
  db: Db,
  where: Prisma.ProposalWhereInput,
): Promise<Map<number, { web: number; phone: number }>> {
  const groups = await db.support.groupBy({
    by: ["proposalId", "channel"],
    where: { proposal: where },
    _count: { _all: true },
  });
  const out = new Map<number, { web: number; phone: number }>();
  for (const g of groups) {
    const entry = out.get(g.proposalId) ?? { web: 0, phone: 0 };
    if (g.channel === "web") entry.web += g._count._all;
    else if (g.channel === "whatsapp" || g.channel === "telegram") entry.phone += g._count._all;
    out.set(g.proposalId, entry);
  }
  return out;
}

/** The proposals matching a query built elsewhere (the dashboard's filters and the officer's scope). */
export async function listProposalsWhere(
  db: Db,
  where: Prisma.ProposalWhereInput,
  orderBy: Prisma.ProposalOrderByWithRelationInput[] = [{ createdAt: "asc" }, { id: "asc" }],
): Promise<ProposalRecord[]> {
  const rows = await db.proposal.findMany({ where, include, orderBy });
  const byChannel = await supportersByChannel(db, where);
  return rows.map((p) => toRecord(p, byChannel));
}

/** The same records flattened to one level, for CSV and XLSX columns. */
export function flattenProposal(r: ProposalRecord) {
  return {
    code: r.code,
    status: r.status,
    village_kode: r.village.kode,
    village_nama: r.village.nama,
    district_kode: r.district.kode,
    district_nama: r.district.nama,
    rt: r.rt,
    rw: r.rw,
    address: r.address,
    latitude: r.latitude,
    longitude: r.longitude,
    problem: r.problem,
    activity: r.activity,
    kamus_kode: r.kamus?.kode ?? null,
    kamus_nama: r.kamus?.nama ?? null,
    kamus_agency: r.kamus?.agency ?? null,
    kamus_satuan: r.kamus?.satuan ?? null,
    kamus_harga_satuan: r.kamus?.harga_satuan ?? null,
    volume: r.volume,
    unit: r.unit,
    estimated_cost: r.estimated_cost,
    beneficiaries: r.beneficiaries,
    supporters: r.supporters,
    supporters_phone: r.supporters_phone,
    supporters_web: r.supporters_web,
    channel: r.channel,
    created_at: r.created_at,
  };
}

/** Column order of CSV/XLSX exports. */
export const proposalColumns = Object.keys(
  flattenProposal({
    village: {},
    district: {},
    kamus: null,
  } as unknown as ProposalRecord),
);
