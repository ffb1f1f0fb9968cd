// Tuning of the kamus matcher. The defaults were tuned on the odd rows of the dev set and checked on the even rows
// (see bench/match.ts, which also shows what each part is worth).
import type { Analyzer } from "./analyzer.ts";
import type { LanguageData } from "./language-data.ts";
import { defaultNothingFits, type NothingFitsOptions } from "./nothing-fits.ts";

/** The indexed fields of an entry; `parts` holds the words inside the name's synonym phrases. */
export type FieldName =
  "name" | "parts" | "subKegiatan" | "kegiatan" | "program" | "agency" | "requirements" | "learned";

/** Field order in the index. */
export const fieldOrder: readonly FieldName[] = [
  "name",
  "parts",
  "subKegiatan",
  "kegiatan",
  "program",
  "agency",
  "requirements",
  "learned",
];

/** Tuning of the matcher; every field has a default (see `defaultMatcherOptions`). */
export interface MatcherOptions {
  /** Field weights and length normalisation; `learned` holds confirmed phrases. */
  fields: Record<FieldName, { weight: number; b: number }>;
  /** BM25 term-frequency saturation. */
  k1: number;
  /** Score change per requirement a proposal meets (+) or breaks (−), e.g. a 90 m² road vs "minimal 200 m²". */
  fit: { meet: number; break: number };
  /** Multiplies every concept weight of intents/kamus/concepts.yaml (0 turns concept expansion off). */
  conceptScale: number;
  /**
   * Score (in typical-word units) a message earns for an entry when it is exactly a wording filed to that entry
   * before (learned phrases), times 2u/(u+1) for u uses: 1 use ×1, 3 uses ×1.5. 0 turns the wording memory off.
   */
  learnedWording: number;
  /** Score down entries of a kind of activity the message does not ask for (intents/kamus/modes.yaml). */
  modes: boolean;
  /** Repair unknown words against the kamus vocabulary (typos, vowel-less abbreviations). */
  fuzzy: boolean;
  /** The "nothing fits" decision; `false` always returns the best entries. */
  nothingFits: NothingFitsOptions | false;
  /** Language data; default: the project's intents/ files. */
  language?: LanguageData;
  /** A shared analyser (saves compiling the language data for every matcher); must match `language`. */
  analyzer?: Analyzer;
}

/** The tuned defaults. */
export const defaultMatcherOptions: MatcherOptions = {
  fields: {
    name: { weight: 3, b: 0.5 },
    parts: { weight: 1, b: 0.5 },
    subKegiatan: { weight: 1, b: 0.5 },
    kegiatan: { weight: 0.6, b: 0.5 },
    program: { weight: 0.3, b: 0.5 },
    agency: { weight: 0.3, b: 0.3 },
    requirements: { weight: 0.3, b: 0.75 },
    learned: { weight: 3, b: 0 },
  },
  k1: 1.2,
  fit: { meet: 0.05, break: 0.25 },
  conceptScale: 1.5,
  learnedWording: 2,
  modes: true,
  fuzzy: true,
  nothingFits: defaultNothingFits,
};
