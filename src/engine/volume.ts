// Volume + satuan from a resident's words: "200 m", "dua ratus meter", "panjang 100 lebar 3",
// "100 x 3 m", "5 titik". Resolved against the kamus entry's satuan (see resolveVolume).
import { findNumbers, numberTokens } from "./numbers.ts";
import { NOT_VOLUME, unitAt, unitsCompatible } from "./units.ts";

/** What the words say: one amount (unit if named) or a length × width. */
export type Quantity =
  { kind: "amount"; value: number; unit?: string } | { kind: "area"; length: number; width: number };

const LENGTH_WORDS = new Set(["panjang", "pjg", "pnjg", "p", "panjangnya", "sepanjang"]);
const WIDTH_WORDS = new Set(["lebar", "lbr", "l", "lebarnya", "selebar"]);

/**
 * Reads a quantity from text. With `requireUnit` (used on a first free message) a bare number does not
 * count, so "gang 5" or a house number is not taken for a volume.
 */
export function parseQuantity(text: string, options: { requireUnit?: boolean } = {}): Quantity | undefined {
  // "100 x 3", "100m x 3m", "100 m × 3 m" → "100 kali 3"
  const tokens = numberTokens(text.replace(/(\d)\s*(?:m|mtr|meter)?\s*[x×]\s*(\d)/gi, "$1 kali $2"));
  const numbers = findNumbers(tokens).map((n) => ({ ...n, unit: unitAt(tokens, n.end)?.id }));
  // panjang N ... lebar M (or N kali M)
  let length: number | undefined;
  let width: (typeof numbers)[number] | undefined;
  for (let k = 0; k < numbers.length; k++) {
    const n = numbers[k]!;
    const before = tokens[n.start - 1];
    if (before && LENGTH_WORDS.has(before) && length === undefined) length = n.value;
    else if (before && WIDTH_WORDS.has(before) && width === undefined) width = n;
    else if (before === "kali" && k > 0 && length === undefined) {
      length = numbers[k - 1]!.value;
      width = n;
    }
  }
  // "50 meter lebar 2 meter": the length is the metre count nearest the width (a bare number only when the
  // resident is answering the volume question, so "gang 5 ... lebar 2 m" is not 10 m²).
  if (width && length === undefined) {
    const isLength = (n: (typeof numbers)[number]) =>
      n !== width && (n.unit === "m" || (!options.requireUnit && n.unit === undefined));
    const nearest = [...numbers]
      .filter(isLength)
      .sort((a, b) => Math.abs(a.start - width.start) - Math.abs(b.start - width.start))[0];
    length = nearest?.value;
  }
  if (length !== undefined && width !== undefined && length > 0 && width.value > 0) {
    return { kind: "area", length, width: width.value };
  }
  // A lone width is not the size of the work ("gang 5 lebar 2 meter" in a first message).
  const sized = numbers.find(
    (n) => n.unit !== undefined && !NOT_VOLUME.has(n.unit) && !(options.requireUnit && n === width),
  );
  if (sized) return { kind: "amount", value: sized.value, unit: sized.unit };
  if (length !== undefined) return { kind: "amount", value: length, unit: "m" };
  if (options.requireUnit) return undefined;
  // A bare number takes the entry's unit; "30 KK" or "5 tahun" alone is kept with its unit to be explained.
  const first = numbers.find((n) => n.unit === undefined) ?? numbers[0];
  if (!first) return undefined;
  return first.unit ? { kind: "amount", value: first.value, unit: first.unit } : { kind: "amount", value: first.value };
}

/** The result of fitting a quantity to an entry's unit. */
export type VolumeFit =
  | { ok: true; volume: number; unit?: string }
  | { ok: false; reason: "unit_mismatch"; given: string; wanted: string }
  | { ok: false; reason: "need_width"; wanted: string }
  | { ok: false; reason: "not_a_volume"; given: string }
  | { ok: false; reason: "not_positive" };

/**
 * Fits a quantity to the kamus entry's canonical unit (undefined: the entry has no unit, anything goes).
 * A bare number takes the entry's unit; length × width becomes m² for m² entries and the length for m entries.
 */
export function resolveVolume(q: Quantity, wanted: string | undefined): VolumeFit {
  if (q.kind === "area") {
    const area = round(q.length * q.width);
    if (wanted === "m") return { ok: true, volume: q.length, unit: "m" };
    if (wanted === undefined || wanted === "m2") return { ok: true, volume: area, unit: "m2" };
    return { ok: false, reason: "unit_mismatch", given: "m2", wanted };
  }
  if (!(q.value > 0) || q.value > 1e9) return { ok: false, reason: "not_positive" };
  if (q.unit !== undefined && NOT_VOLUME.has(q.unit) && wanted !== q.unit) {
    return wanted === undefined
      ? { ok: false, reason: "not_a_volume", given: q.unit }
      : { ok: false, reason: "unit_mismatch", given: q.unit, wanted };
  }
  if (wanted === undefined) return { ok: true, volume: q.value, unit: q.unit };
  if (q.unit === undefined || unitsCompatible(q.unit, wanted)) return { ok: true, volume: q.value, unit: wanted };
  if (q.unit === "m" && wanted === "m2") return { ok: false, reason: "need_width", wanted };
  return { ok: false, reason: "unit_mismatch", given: q.unit, wanted };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
