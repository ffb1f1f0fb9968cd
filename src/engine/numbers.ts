// Numbers as residents write them: digits ("200", "1.500", "1,5", "2.5") and Indonesian words
// ("dua ratus", "seratus lima puluh", "setengah", "dua ribu"), also mixed ("2 ribu", "1,5 juta").

import { BIG, parseNumberWords } from "../kamus/number-words.ts";

export { parseNumberWords };

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

/** Splits text into lower-case word tokens, keeping numbers like "1.500" and "1,5" whole. */
export function numberTokens(text: string): string[] {
  const lower = text
    .toLowerCase()
    .replace(
      /(?<![a-z])(m|mtr|meter)\s?([23])(?!\d)/g,
      (_, u: string, d: string) => `${u === "m" ? "m" : u}${d === "2" ? "²" : "³"}`,
    );
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
      if (next !== undefined && Object.hasOwn(BIG, next)) {
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
