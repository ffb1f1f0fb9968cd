// What the matcher learns from a resident's choice of kamus entry: their words for WHAT is asked, without
// where and how much. Learned with RT/RW, the desa name and sizes, one resident's street lights in Sukamaju
// made every later "jalan rusak di RT 1 desa Sukamaju" rank the street-light entry first.
import { MAX_LEARNED_PHRASE_LENGTH } from "../kamus/types.ts";
import type { VillageRef } from "../regions/index.ts";
import { REGION_PREFIXES } from "../regions/region-key.ts";
import { parseRtRw } from "./place.ts";
import { SIZE_SPELLINGS } from "./units.ts";

/** Place words that say where, never what: "desa", "kec.", "dusun", "RT". */
const PLACE_WORDS = new RegExp(`\\b(${[...REGION_PREFIXES, "dukuh", "rt", "rw"].join("|")})\\b\\.?`, "gi");

/**
 * A number and the unit or count after it ("200 m", "6 titik", "40 KK", "2,5", "60 x 2"), and the words that size
 * it. Only units that size (units.ts, and here "cm", "x", "rumah", which size a thing without being a volume): in
 * "5 lampu" the lamp is what is asked, in "1 aplikasi" the application.
 */
const AMOUNTS = new RegExp(
  `\\b\\d[\\d.,]*\\s*(?:(?:${[...SIZE_SPELLINGS, "cm", "x", "rumah"].join("|")})(?![\\p{L}\\p{N}]))?` +
    "|\\b(panjang|pjg|lebar|lbr|luas|sepanjang|selebar|kurang lebih|kurleb|sekitar|kira kira|kira2|kira-kira)\\b",
  "giu",
);

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The resident's description reduced to what it asks for; empty when nothing is left. */
export function learnablePhrase(text: string, village?: Pick<VillageRef, "name" | "districtName">): string {
  let s = parseRtRw(text).rest;
  for (const name of [village?.name, village?.districtName]) {
    if (name) s = s.replace(new RegExp(`\\b${escapeRegex(name).replace(/\s+/g, "\\s*")}\\b`, "gi"), " ");
  }
  s = s.replace(PLACE_WORDS, " ").replace(AMOUNTS, " ");
  s = s
    .replace(/\s+([,.;:!?])/g, "$1")
    .replace(/([,.;:!?])(?=[,.;:!?])/g, "")
    .replace(/\s+/g, " ")
    .trim();
  s = s.replace(/^[,.;:!?\s]+|[,;:\s]+$/g, "");
  return s.length > MAX_LEARNED_PHRASE_LENGTH ? s.slice(0, MAX_LEARNED_PHRASE_LENGTH) : s;
}
