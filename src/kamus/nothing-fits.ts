// The "nothing in the kamus fits" decision: a weak best score, or a best entry that explains too little of
// what the message is about, means the resident asks for something the catalogue does not offer (a private
// need, a national matter, an activity this kabupaten does not fund). Out-of-scope signs raise the bar.

/** What the decision looks at, computed by the matcher for its best entry. */
export interface FitFeatures {
  /** BM25F score of the best entry, in units of one typical word found in an entry's name. */
  score: number;
  /** Score of the second entry, same unit. */
  second: number;
  /** Share (by idf) of the message's own meaningful words the best entry explains, directly or via a concept. */
  coverage: number;
  /**
   * Share (by idf) of the requested object's words ("minta dibangunkan rumah sakit": "rumah sakit") the best entry
   * explains, directly or via a concept; 1 when the message marks no requested object.
   */
  askedCoverage: number;
  /** Number of meaningful words in the message. */
  words: number;
  /** Meaningful words neither the kamus nor the language data know. */
  unknown: number;
  /** Out-of-scope signs the resident asks for (intents/kamus/scope.yaml). */
  cues: number;
  /** Of those, the ones the best entry does not contain: the resident asks for something else. */
  unexplainedCues: number;
  /** Of those, the ones that are the requested object itself ("mau pinjam uang", "minta dibangunkan masjid"). */
  requestedCues: number;
}

/** Thresholds, calibrated on the tuning half of the dev set (see bench/match.ts); scores in `FitFeatures` units. */
export interface NothingFitsOptions {
  /** Below this best score nothing fits. */
  minScore: number;
  /**
   * Nothing fits when score + coverageWeight × coverage < `minEvidence`: a weak match must explain much of the
   * message, a partial explanation needs a strong match.
   */
  minEvidence: number;
  coverageWeight: number;
  /**
   * The same bar when the message shows no sign of a private or outside request: a message that names something
   * the catalogue has words for is a request for it unless there is positive evidence otherwise, so only a much
   * weaker explanation means nothing fits.
   */
  minEvidenceWithoutCue: number;
  /**
   * Below this best score, an out-of-scope sign the best entry does not contain means nothing fits (at any score
   * when the sign is the requested object). 0 switches the scope lists off.
   */
  cueScore: number;
  /**
   * Below this best score, a best entry that explains less than `minAskedCoverage` of the requested object ("minta
   * dibangunkan rumah sakit": the entry found matches "umum", not the hospital) means nothing fits: the resident
   * names what they want, and it is not this. 0 switches the rule off.
   */
  askedScore: number;
  minAskedCoverage: number;
}

/** The calibrated defaults. */
export const defaultNothingFits: NothingFitsOptions = {
  minScore: 0.3,
  minEvidence: 1.5,
  coverageWeight: 1.5,
  minEvidenceWithoutCue: 1,
  cueScore: 2,
  askedScore: 1.25,
  minAskedCoverage: 0.5,
};

/**
 * Why nothing fits: a weak best score, too little of the message explained, a requested object the best entry does
 * not explain with a middling score, or an out-of-scope sign (scope lists) that is the requested object itself or
 * comes with a weak best score.
 */
export type NothingFitsReason = "weak" | "unexplained" | "request" | "scope";

/** Why nothing in the kamus fits the message, or null when something does. */
export function nothingFitsReason(f: FitFeatures, o: NothingFitsOptions): NothingFitsReason | null {
  if (f.score < o.minScore) return "weak";
  const bar = f.cues > 0 ? o.minEvidence : o.minEvidenceWithoutCue;
  if (f.score + o.coverageWeight * f.coverage < bar) return "unexplained";
  if (f.score < o.askedScore && f.askedCoverage < o.minAskedCoverage) return "request";
  if (o.cueScore > 0 && f.requestedCues > 0) return "scope";
  return f.unexplainedCues > 0 && f.score < o.cueScore ? "scope" : null;
}

/** True when nothing in the kamus fits the message. */
export function decideNothingFits(f: FitFeatures, o: NothingFitsOptions): boolean {
  return nothingFitsReason(f, o) !== null;
}
