// How many people a proposal serves, as residents say it: "150 orang", "sekitar 50 KK", "200 warga".
import { findNumbers, numberTokens } from "./numbers.ts";

/** A household counts about four people (BPS average household size is 3.8–4). */
const PEOPLE_PER_HOUSEHOLD = 4;

/** Words for the people served that are safe to read from a free message ("2 orang jatuh" is not one). */
const PEOPLE = new Set(["warga", "jiwa", "penduduk", "siswa", "murid", "lansia", "balita"]);

/**
 * The people counted in an answer to "berapa orang?": the first number, households × 4.
 * With `counted` (a free first message) only a number followed by a word for households or people counts,
 * so "jalan 200 meter", "RT 3" or "gang 5 rumah no 12" is not read as beneficiaries.
 */
export function readBeneficiaries(text: string, options: { counted?: boolean } = {}): number | undefined {
  const counted = options.counted ?? false;
  const tokens = numberTokens(text);
  for (const n of findNumbers(tokens)) {
    const word = tokens[n.end];
    const next = tokens[n.end + 1];
    const households =
      word === "kk" ||
      word === "keluarga" ||
      (word === "kepala" && next === "keluarga") ||
      (word === "rumah" && (next === "tangga" || !counted));
    if (counted && !households && !(word && PEOPLE.has(word))) continue;
    if (n.value < 0 || n.value > 10_000_000) return undefined;
    return Math.round(households ? n.value * PEOPLE_PER_HOUSEHOLD : n.value);
  }
  return undefined;
}
