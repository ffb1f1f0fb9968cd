// A larger kamus for timing: the real entries repeated with varied names, agencies and numbers, so the
// vocabulary grows as a real 3,000-entry kamus would (new words, other sizes, other agencies).
import type { KamusDoc } from "../../../src/kamus/types.ts";

const QUALIFIERS = [
  "Tahap",
  "Lanjutan",
  "Terpadu",
  "Skala Kecil",
  "Skala Besar",
  "Wilayah Utara",
  "Wilayah Selatan",
  "Kawasan Pesisir",
  "Kawasan Industri",
  "Perdesaan",
];
const AGENCY_SUFFIX = ["Bidang Teknis", "UPT Wilayah I", "UPT Wilayah II", "Seksi Pelaksana", "Unit Layanan"];

/** `count` entries derived from `base`, deterministic. */
export function syntheticKamus(base: readonly KamusDoc[], count: number): KamusDoc[] {
  const out: KamusDoc[] = [];
  for (let i = 0; out.length < count; i++) {
    const e = base[i % base.length]!;
    const round = Math.floor(i / base.length);
    if (round === 0) {
      out.push(e);
      continue;
    }
    const q = QUALIFIERS[(i * 7 + round) % QUALIFIERS.length]!;
    const nama = e.nama.replace(/\d+/g, (n) => String(Number(n) + round * 5)) + ` ${q} ${round}`;
    out.push({
      ...e,
      kode: `${e.kode}-S${round}`,
      nama,
      agency: `${e.agency ?? "Dinas"} ${AGENCY_SUFFIX[round % AGENCY_SUFFIX.length]}`,
      unitPrice: e.unitPrice ? Math.round(e.unitPrice * (1 + round / 20)) : e.unitPrice,
    });
  }
  return out;
}
