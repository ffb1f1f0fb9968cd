// Numbers as residents write them: digits ("200", "1.500", "1,5", "2.5") and Indonesian words
// ("dua ratus", "seratus lima puluh", "setengah", "dua ribu"), also mixed ("2 ribu", "1,5 juta").

const ONES: Record<string, number> = {
  nol: 0, satu: 1, dua: 2, tiga: 3, empat: 4, lima: 5, enam: 6, tujuh: 7, delapan: 8, sembilan: 9,
};
const SE: Record<string, number> = { sepuluh: 10, sebelas: 11, seratus: 100, setengah: 0.5 };
const BIG: Record<string, number> = { ribu: 1000, rb: 1000, juta: 1_000_000, jt: 1_000_000 };

/**
 * Parses one number written in digits, e.g. "1.500" → 1500, "1,5" → 1.5, "2.5" → 2.5, "12" → 12.
 * A dot followed by groups of exactly three digits is a thousands separator (Indonesian style).
 */
export function parseDigits(raw: string): number | undefined {
  let s = raw.trim();
  if (!/^\d[\d.,]*$/.test(s) || /[.,]$/.test(s)) return undefined;
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) s = s.replace(/\./g, "").replace(",", ".");
  else s = s.replace(",", ".");
  if ((s.match(/\./g) ?? []).length > 1) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/** Parses Indonesian number words at the start of `words`; returns the value and how many words it used. */
export function parseNumberWords(words: readonly string[]): { value: number; used: number } | undefined {
  let total = 0;
  let current = 0;
  let last = 0; // the last single digit, which "belas", "puluh" and "ratus" multiply
  let used = 0;
  for (const w of words) {
    if (w in ONES) {
      last = ONES[w]!;
      current += last;
    } else if (w in SE) {
      current += SE[w]!;
      last = 0;
    } else if (w === "seribu") {
      total += 1000;
      current = 0;
      last = 0;
    } else if (w === "sejuta") {
      total += 1_000_000;
      current = 0;
      last = 0;
    } else if (used > 0 && w === "belas" && last) {
      current += 10;
      last = 0;
    } else if (used > 0 && w === "puluh" && last) {
      current += last * 9;
      last = 0;
    } else if (used > 0 && w === "ratus" && last) {
      current += last * 99;
      last = 0;
    } else if (used > 0 && w in BIG) {
      total += (current || 1) * BIG[w]!;
      current = 0;
      last = 0;
    } else break;
    used++;
  }
  if (used === 0) return undefined;
  return { value: total + current, used };
}

/** Splits text into lower-case word tokens, keeping numbers like "1.500" and "1,5" whole. */
export function numberTokens(text: string): string[] {
  const lower = text
    .toLowerCase()
    .replace(/(?<![a-z])(m|mtr|meter)\s?([23])(?!\d)/g, (_, u: string, d: string) => `${u === "m" ? "m" : u}${d === "2" ? "²" : "³"}`);
  return lower.match(/\d[\d.,]*\d|\d|[a-z²³]+/g) ?? [];
}

/** One number found in a token list: its value and the token range [start, end). */
export interface FoundNumber {
  value: number;
  start: number;
  end: number;
}

/** Every number in a token list, e.g. tokens of "rt 3 dua ratus m" → [{3, 1, 2}, {200, 2, 4}]. */
export function findNumbers(tokens: readonly string[]): FoundNumber[] {
  const out: FoundNumber[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const d = parseDigits(tokens[i]!);
    if (d !== undefined) {
      const next = tokens[i + 1];
      if (next !== undefined && next in BIG) {
        out.push({ value: d * BIG[next]!, start: i, end: i + 2 });
        i++;
      } else out.push({ value: d, start: i, end: i + 1 });
      continue;
    }
    const w = parseNumberWords(tokens.slice(i));
    if (w) {
      out.push({ value: w.value, start: i, end: i + w.used });
      i += w.used - 1;
    }
  }
  return out;
}

/** The first number in a text, or undefined: "sekitar 50 KK" → 50, "dua ratus" → 200. */
export function firstNumber(text: string): number | undefined {
  return findNumbers(numberTokens(text))[0]?.value;
}
