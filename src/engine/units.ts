// Units (satuan) as residents write them and as the kamus names them, reduced to one canonical id
// so "meter persegi", "m2" and "m²" compare equal.

/** Canonical unit ids with the words residents use for them (longest phrases first when matching). */
const ALIASES: Record<string, string[]> = {
  m2: ["meter persegi", "meter²", "mtr²", "m2", "m²", "meter kuadrat"],
  m3: ["meter kubik", "meter³", "mtr³", "kubik", "m3", "m³"],
  m: ["meter", "mtr", "m", "meteran"],
  km: ["kilometer", "km"],
  titik: ["titik", "ttk", "lokasi"],
  unit: ["unit"],
  buah: ["buah", "bh", "biji"],
  orang: ["orang", "org", "jiwa", "peserta"],
  paket: ["paket", "pkt"],
  kelompok: ["kelompok", "klp", "kelompk"],
  kg: ["kilogram", "kilo", "kg"],
  set: ["set"],
  usaha: ["usaha mikro", "usaha", "um"],
  sampel: ["sampel", "sample"],
  perangkat: ["perangkat"],
  aplikasi: ["aplikasi"],
  produk: ["produk"],
  // Counts that are never the size of the work itself: households and time. Recognised so that "30 KK" or
  // "5 tahun" is explained instead of being taken as 30 m² or 5 titik.
  kk: ["kepala keluarga", "kepala rumah tangga", "rumah tangga", "kk", "keluarga"],
  tahun: ["tahun", "thn"],
  bulan: ["bulan", "bln"],
  hari: ["hari"],
  minggu: ["minggu"],
  jam: ["jam"],
};

/** Units that count households or time, never the volume of a kamus activity. */
export const NOT_VOLUME = new Set(["kk", "tahun", "bulan", "hari", "minggu", "jam"]);

/** Units that also name the thing asked for ("1 aplikasi", "10 usaha mikro", "3 kelompok tani"). */
const NAMES_THE_THING = new Set(["kelompok", "usaha", "sampel", "perangkat", "aplikasi", "produk"]);

/**
 * Every spelling of a unit that only sizes or counts ("meter persegi", "titik", "KK", "tahun"), longest first:
 * what a learned wording leaves out.
 */
export const SIZE_SPELLINGS: readonly string[] = Object.entries(ALIASES)
  .filter(([id]) => !NAMES_THE_THING.has(id))
  .flatMap(([, spellings]) => spellings)
  .sort((a, b) => b.length - a.length);

const PHRASES: { words: string[]; id: string }[] = Object.entries(ALIASES)
  .flatMap(([id, list]) => list.map((p) => ({ words: p.split(" "), id })))
  .sort((a, b) => b.words.length - a.words.length);

/** Units that a kamus counting in one may also be given in the other. */
const INTERCHANGEABLE: string[][] = [["unit", "buah", "set", "perangkat"]];

/** The unit phrase starting at `tokens[i]`, e.g. ["meter", "persegi"] → { id: "m2", used: 2 }. */
export function unitAt(tokens: readonly string[], i: number): { id: string; used: number } | undefined {
  for (const p of PHRASES) {
    if (p.words.every((w, k) => tokens[i + k] === w)) return { id: p.id, used: p.words.length };
  }
  return undefined;
}

/** The canonical id of a kamus satuan, e.g. "m²" → "m2", "orang/kegiatan" → "orang", "UM/bulan" → "usaha". */
export function canonicalUnit(satuan: string | null | undefined): string | undefined {
  if (!satuan || !satuan.trim()) return undefined;
  const head = satuan.toLowerCase().split("/")[0]!.trim();
  const tokens = head.split(/\s+/);
  const u = unitAt(tokens, 0);
  if (u && u.used === tokens.length) return u.id;
  return head;
}

/** True when a quantity in `given` can be recorded for an entry counting in `wanted`. */
export function unitsCompatible(given: string, wanted: string): boolean {
  if (given === wanted) return true;
  return INTERCHANGEABLE.some((g) => g.includes(given) && g.includes(wanted));
}

/** How a unit is shown to residents, e.g. "m2" → "m² (meter persegi)". */
export function unitLabel(id: string): string {
  switch (id) {
    case "m2":
      return "m² (meter persegi)";
    case "m3":
      return "m³ (meter kubik)";
    case "m":
      return "meter";
    case "kk":
      return "KK (kepala keluarga)";
    default:
      return id;
  }
}
