// The kamus as the matcher and the engine see it: plain values, from the database or from a file.

/**
 * One kamus usulan entry, e.g.
 * `{ "kode": "MLG23-064", "nama": "Rabat Beton", "agency": "Dinas PUPR", "unit": "m²", "unitPrice": 350000 }`.
 */
export interface KamusDoc {
  kode: string;
  nama: string;
  agency?: string | null;
  urusan?: string | null;
  program?: string | null;
  kegiatan?: string | null;
  subKegiatanCode?: string | null;
  subKegiatan?: string | null;
  unit?: string | null;
  unitPrice?: number | null;
  kind?: string | null;
  requirements?: string | null;
}

/**
 * Longest learned phrase, in characters: a wording, not a whole letter. A resident's wording is cut to it, an
 * officer's longer one is refused.
 */
export const MAX_LEARNED_PHRASE_LENGTH = 300;

/** A phrase a resident or officer confirmed for an entry; the matcher treats it as part of the entry. */
export interface LearnedPhraseDoc {
  kode: string;
  phrase: string;
  /** How many times these words were filed to this entry (default 1); learning it again adds to it. */
  uses?: number;
}

/** One ranked candidate. */
export interface KamusMatch {
  entry: KamusDoc;
  score: number;
}

/** The answer for one text: best first; `matches` is empty when nothing in the kamus fits. */
export interface MatchResult {
  matches: KamusMatch[];
}

/** What the engine and the CLI need of a matcher. */
export interface KamusMatcher {
  match(text: string, options?: { top?: number }): MatchResult;
  /**
   * Add a learned phrase to the live index, exactly as a matcher built with it would hold it; learning the same
   * words for the same entry again counts one more use. Store it too (`learnPhrase` in src/store/learned-phrases.ts
   * does both).
   */
  learn(phrase: LearnedPhraseDoc): void;
  /** All entries, by kode. */
  entry(kode: string): KamusDoc | undefined;
  /** How many entries it holds. */
  readonly size: number;
}
