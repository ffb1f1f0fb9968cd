// The list's filters in the URL and back: `?status=DIAJUKAN&desa=3216010001&q=jalan&urut=dukungan&hal=2`.
// Unknown or malformed values are dropped (a hand-edited link shows a wider list, never an error).
import { parseStatus } from "../../store/proposal-export.ts";
import { proposalSorts, type ProposalListFilter, type ProposalSort } from "../../store/proposal-query.ts";

export interface ListParams {
  filter: ProposalListFilter;
  sort: ProposalSort;
  page: number;
  /** The raw values for the form fields. */
  raw: Record<string, string>;
}

const keys = [
  "status",
  "desa",
  "kecamatan",
  "opd",
  "kamus",
  "tanpa_kamus",
  "foto",
  "dari",
  "sampai",
  "q",
  "urut",
] as const;

/** Midnight in WIB of a YYYY-MM-DD date, or undefined. */
function wibDate(value: string | undefined, plusDays = 0): Date | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const d = new Date(`${value}T00:00:00+07:00`);
  if (Number.isNaN(d.getTime())) return undefined;
  return new Date(d.getTime() + plusDays * 86_400_000);
}

export function parseListParams(query: Record<string, string | undefined>): ListParams {
  const raw: Record<string, string> = {};
  for (const k of keys) {
    const v = query[k]?.trim().slice(0, 200);
    if (v) raw[k] = v;
  }
  const code = (v: string | undefined, len: number) => (v && new RegExp(`^\\d{${len}}$`).test(v) ? v : undefined);
  const filter: ProposalListFilter = {
    status: raw.status ? (parseStatus(raw.status) ?? undefined) : undefined,
    village: code(raw.desa, 10),
    district: code(raw.kecamatan, 7),
    agency: raw.opd,
    kamus: raw.kamus,
    noKamus: raw.tanpa_kamus === "1",
    withPhoto: raw.foto === "1",
    from: wibDate(raw.dari),
    until: wibDate(raw.sampai, 1),
    text: raw.q,
  };
  const sort = proposalSorts.includes(raw.urut as ProposalSort) ? (raw.urut as ProposalSort) : "baru";
  const page = Math.min(100_000, Math.max(1, Number.parseInt(query.hal ?? "1", 10) || 1));
  return { filter, sort, page, raw };
}

/** The query string of these params with some changed (undefined removes), e.g. for page links. */
export function listQuery(raw: Record<string, string>, change: Record<string, string | number | undefined> = {}) {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...raw, ...change })) if (v !== undefined && v !== "") out.set(k, String(v));
  const s = out.toString();
  return s ? `?${s}` : "";
}
