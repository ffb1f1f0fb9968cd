// How numbers, money and dates read on the dashboard (Indonesian conventions, Western Indonesian Time).
import { formatNumber, rupiah } from "../texts/texts.ts";

export const money = (n: number | null | undefined) => (n == null ? "–" : `Rp ${rupiah(n)}`);
export const num = (n: number | null | undefined) => (n == null ? "–" : formatNumber(n));

/** "29 Nov 2026 16:05" in WIB. */
export function dateTime(d: Date): string {
  return d
    .toLocaleString("id-ID", {
      timeZone: "Asia/Jakarta",
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hour12: false,
    })
    .replace(/\./g, ":")
    .replace(",", "");
}

export function dateOnly(d: Date): string {
  return d.toLocaleDateString("id-ID", { timeZone: "Asia/Jakarta", day: "numeric", month: "short", year: "numeric" });
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
};
