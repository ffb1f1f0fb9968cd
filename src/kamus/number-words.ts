// Indonesian number words in a token list ("dua ratus" → "200", "seratus lima puluh" → "150"), and digit
// formats ("1.000" → "1000", "1,5" → "1.5"), so every number reaches the matcher and the engine as digits.

const ONES: Record<string, number> = {
  nol: 0,
  satu: 1,
  dua: 2,
  tiga: 3,
  empat: 4,
  lima: 5,
  enam: 6,
  tujuh: 7,
  delapan: 8,
  sembilan: 9,
};
const SE: Record<string, number> = { sepuluh: 10, sebelas: 11, seratus: 100, setengah: 0.5 };
const TENS: Record<string, number> = { belas: 10, puluh: 10, ratus: 100 };
/** Multipliers after a number: "2 ribu", "1,5 jt". */
export const BIG: Record<string, number> = { ribu: 1000, rb: 1000, juta: 1_000_000, jt: 1_000_000 };

/** "1.000" → "1000", "1,5" → "1.5", "2.5" → "2.5"; other tokens unchanged. */
export function normalizeDigits(token: string): string {
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(token)) return token.replace(/\./g, "").replace(",", ".");
  if (/^\d+,\d+$/.test(token)) return token.replace(",", ".");
  return token;
}

const NUMBER_WORDS = new Set([
  ...Object.keys(ONES),
  ...Object.keys(SE),
  ...Object.keys(TENS),
  ...Object.keys(BIG),
  "seribu",
  "sejuta",
]);
/** True for a word that is part of an Indonesian number ("dua", "puluh", "seratus"). */
export function isNumberWord(word: string): boolean {
  return NUMBER_WORDS.has(word);
}
const MULTIPLIERS = new Set([...Object.keys(TENS), ...Object.keys(BIG)]);

/** Parses Indonesian number words at the start of `words`; returns the value and how many words it used. */
export function parseNumberWords(words: readonly string[]): { value: number; used: number } | undefined {
  let total = 0;
  let current = 0;
  let last = 0; // the last single digit, which "belas", "puluh" and "ratus" multiply
  let used = 0;
  for (const w of words) {
    if (Object.hasOwn(ONES, w)) {
      last = ONES[w]!;
      current += last;
    } else if (Object.hasOwn(SE, w)) {
      current += SE[w]!;
      last = 0;
    } else if (w === "seribu" || w === "sejuta") {
      total += w === "seribu" ? 1000 : 1_000_000;
      current = 0;
      last = 0;
    } else if (used > 0 && Object.hasOwn(TENS, w) && last) {
      // The digit just read is already in `current`: "dua belas" = 2 + 10, "dua puluh" = 2 + 2 × 9,
      // "tiga ratus" = 3 + 3 × 99.
      current += w === "belas" ? 10 : last * (TENS[w]! - 1);
      last = 0;
    } else if (used > 0 && Object.hasOwn(BIG, w)) {
      total += (current || 1) * BIG[w]!;
      current = 0;
      last = 0;
    } else break;
    used++;
  }
  return used === 0 ? undefined : { value: total + current, used };
}

/** Replaces runs of number words with digits: ["dua", "ratus", "meter"] → ["200", "meter"]. */
export function numberWordsToDigits(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length;) {
    const t = tokens[i]!;
    if (NUMBER_WORDS.has(t) && !MULTIPLIERS.has(t)) {
      const found = parseNumberWords(tokens.slice(i, i + 12));
      if (found) {
        out.push(String(found.value));
        i += found.used;
        continue;
      }
    }
    out.push(t.charCodeAt(0) <= 57 ? normalizeDigits(t) : t);
    i++;
  }
  return out;
}
