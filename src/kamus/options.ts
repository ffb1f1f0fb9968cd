// Tuning of the kamus matcher. The defaults were tuned on the odd rows of the dev set and checked on the even rows
// (see bench/match.ts, which also shows what each part is worth).
import type { Analyzer } from "./analyzer.ts";
import type { LanguageData } from "./language-data.ts";
import type { LearnedOptions } from "./learned-wordings.ts";
import { defaultNothingFits, type NothingFitsOptions } from "./nothing-fits.ts";

/** The indexed fields of an entry; `parts` holds the words inside the name's synonym phrases. */
export type FieldName = "name" | "parts" | "subKegiatan" | "kegiatan" | "program" | "agency" | "requirements";

/** Field order in the index. */
export const fieldOrder: readonly FieldName[] = [
  "name",
  "parts",
  "subKegiatan",
  "kegiatan",
  "program",
  "agency",
  "requirements",
];

/** Tuning of the matcher; every field has a default (see `defaultMatcherOptions`). */
export interface MatcherOptions {
  /** Field weights and length normalisation. */
  fields: Record<FieldName, { weight: number; b: number }>;
  /** BM25 term-frequency saturation. */
  k1: number;
  /** Score change per requirement a proposal meets (+) or breaks (−), e.g. a 90 m² road vs "minimal 200 m²". */
  fit: { meet: number; break: number };
  /** Multiplies every concept weight of intents/kamus/concepts.yaml (0 turns concept expansion off). */
  conceptScale: number;
  /**
   * Learned wordings (officers' filings, residents' confirmed phrases): a message exactly a wording filed once to an
   * entry earns it `weight` typical words; similar messages earn less (learned-wordings.ts). weight 0: learning off.
   */
  learned: LearnedOptions;
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
  },
  k1: 1.2,
  fit: { meet: 0.05, break: 0.25 },
  conceptScale: 1.5,
  learned: { weight: 2, sharpness: 1, minSimilarity: 0.2 },
  modes: true,
  fuzzy: true,
  nothingFits: defaultNothingFits,
};
