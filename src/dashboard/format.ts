// How numbers, money and dates read on the dashboard (Indonesian conventions, Western Indonesian Time).
import { formatNumber, rupiah } from "../texts/number-format.ts";

export const money = (n: number | null | undefined) => (n == null ? "–" : `Rp ${rupiah(n)}`);
export const num = (n: number | null | undefined) => (n == null ? "–" : formatNumber(n));

// One formatter each: toLocaleString builds a new Intl formatter per call, which cost ~4 ms per list page.
const dateTimeFormat = new Intl.DateTimeFormat("id-ID", {
  timeZone: "Asia/Jakarta",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});
const dateFormat = new Intl.DateTimeFormat("id-ID", {
  timeZone: "Asia/Jakarta",
  day: "numeric",
  month: "short",
  year: "numeric",
});

/** "29 Nov 2026 16:05" in WIB. */
export function dateTime(d: Date): string {
  return dateTimeFormat.format(d).replace(/\./g, ":").replace(",", "");
}

/** "29 Nov 2026" in WIB. */
export function dateOnly(d: Date): string {
  return dateFormat.format(d);
}

/** Lifecycle statuses as officers read them. */
export const statusLabel: Record<string, string> = {
  DIAJUKAN: "Diajukan",
  DIVERIFIKASI: "Diverifikasi",
  DITOLAK: "Ditolak",
  DIGABUNG: "Digabung",
  DISEPAKATI: "Disepakati",
  DITERUSKAN: "Diteruskan",
  DITERIMA: "Diterima",
  TIDAK_DITERIMA: "Tidak diterima",
  DITARIK: "Ditarik pengusul",
};
