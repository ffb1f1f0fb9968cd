// Our public proposals and kamus entries in Open311 GeoReport v2 shapes (http://wiki.open311.org/GeoReport_v2).
// The same no-personal-data rule as the public pages: built only from PublicProposal (src/public/data.ts).
import type { ProposalStatus } from "../store/client.ts";
import type { PublicProposal } from "../public/data.ts";
import { publicAddress, publicDescription } from "../public/describe.ts";
import type { PublicTexts } from "../texts/public-texts.ts";

/** Open311 has two statuses; a proposal is closed once nothing more will happen to it. */
export const closedStatuses: readonly ProposalStatus[] = [
  "DITOLAK",
  "DIGABUNG",
  "DITERIMA",
  "TIDAK_DITERIMA",
  "DITARIK",
];
export const openStatuses: readonly ProposalStatus[] = ["DIAJUKAN", "DIVERIFIKASI", "DISEPAKATI", "DITERUSKAN"];

/** A GeoReport v2 service (one active kamus entry). */
export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: false;
  type: "batch";
  keywords: string;
  group: string;
}

/** A GeoReport v2 service request (one proposal). */
export interface Open311Request {
  service_request_id: string;
  status: "open" | "closed";
  status_notes: string;
  service_name: string | null;
  service_code: string | null;
  description: string;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: null;
  address: string;
  address_id: string;
  zipcode: null;
  lat?: number;
  long?: number;
  media_url: null;
}

/** ISO 8601 in UTC without milliseconds: "2026-11-29T09:00:00Z". */
export function isoDate(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** A kamus entry as a service: code, name, OPD as group; unit and price in the description. */
export function toService(entry: {
  kode: string;
  nama: string;
  agency: string | null;
  unit: string | null;
  subKegiatan: string | null;
}): Open311Service {
  return {
    service_code: entry.kode,
    service_name: entry.nama,
    description: [entry.subKegiatan, entry.unit ? `Satuan: ${entry.unit}` : null].filter(Boolean).join(". "),
    metadata: false,
    type: "batch",
    keywords: "",
    group: entry.agency ?? "",
  };
}

/** A proposal as a request: the pin only when published, the description from public words only. */
export function toRequest(p: PublicProposal, t: PublicTexts): Open311Request {
  return {
    service_request_id: p.code,
    status: closedStatuses.includes(p.status) ? "closed" : "open",
    status_notes: t(`status_notes.${p.status}`),
    service_name: p.kamus?.nama ?? null,
    service_code: p.kamus?.kode ?? null,
    description: publicDescription(p, t),
    agency_responsible: p.kamus?.agency ?? null,
    service_notice: null,
    requested_datetime: isoDate(p.createdAt),
    updated_datetime: isoDate(p.updatedAt),
    expected_datetime: null,
    address: publicAddress(p, t),
    address_id: p.village.kemendagriCode ?? p.village.code,
    zipcode: null,
    ...(p.location ? { lat: p.location.latitude, long: p.location.longitude } : {}),
    media_url: null,
  };
}
