// How many people a proposal serves, as residents say it: "150 orang", "sekitar 50 KK", "200 warga".
import { findNumbers, numberTokens } from "./numbers.ts";

/** A household counts about four people (BPS average household size is 3.8–4). */
const PEOPLE_PER_HOUSEHOLD = 4;

/** Words for the people served that are safe to read from a free message ("2 orang jatuh" is not one). */
const PEOPLE = new Set(["warga", "jiwa", "penduduk", "siswa", "murid", "lansia", "balita"]);

/** People served as the resident said it: `households` when they counted KK ("45 KK" → 180 people, 45 KK). */
export interface People {
  people: number;
  households?: number;
}

/**
 * The people counted in an answer to "berapa orang?": the first number, households × 4.
 * With `counted` (a free first message) only a number followed by a word for households or people counts,
 * so "jalan 200 meter", "RT 3" or "gang 5 rumah no 12" is not read as beneficiaries.
 */
export function readBeneficiaries(text: string, options: { counted?: boolean } = {}): number | undefined {
  return readPeople(text, options)?.people;
}

/** Like readBeneficiaries, keeping the households when the resident counted them. */
export function readPeople(text: string, options: { counted?: boolean } = {}): People | undefined {
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
    if (!households) return { people: Math.round(n.value) };
    return { people: Math.round(n.value * PEOPLE_PER_HOUSEHOLD), households: Math.round(n.value) };
  }
  return undefined;
}
