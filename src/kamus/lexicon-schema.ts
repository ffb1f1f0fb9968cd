// The shapes of the language data under intents/: the slang lexicon and the kamus vocabulary files.
// Checked with zod when loaded; see language-data.ts for the loader and the error format.
import { z } from "zod";

const word = z.string().trim().min(1);

/**
 * intents/lexicon.yaml: how residents write, mapped to standard Indonesian, e.g.
 * `{ version: 1, replacements: { abbreviations: { jln: "jalan" } }, stopwords: { politeness: ["mohon"] },
 *    stems: { pengadaan: "pengadaan" }, scope: { rt: "number_label" } }`.
 */
export const LexiconFile = z
  .object({
    version: z.literal(1),
    /** Groups (abbreviations, slang, sundanese...) of token or phrase → standard words ("" drops it). */
    replacements: z.record(z.string(), z.record(word, z.string())),
    /** Groups of words that carry no meaning for matching (function words, politeness, fillers). */
    stopwords: z.record(z.string(), z.array(word)),
    /** Words whose stem the stemmer gets wrong for our purpose, word → stem. */
    stems: z.record(word, word).default({}),
    /** Words that name the act, not the object ("pasang", "pengadaan", "bangun"): they count less in a query. */
    weakWords: z.array(word).default([]),
    /** Words after which a number is a label (RT 03, gang 5), not a quantity or a size. */
    numberLabels: z.array(word).default([]),
    /** Neighbours that decide what "kali", "sma" and "smp" mean (see the file's header). */
    readings: z
      .object({
        timesBefore: z.array(word).default([]),
        timesAfter: z.array(word).default([]),
        schoolBefore: z.array(word).default([]),
        schoolAfter: z.array(word).default([]),
        untilWords: z.array(word).default([]),
      })
      .strict()
      .default({ timesBefore: [], timesAfter: [], schoolBefore: [], schoolAfter: [], untilWords: [] }),
  })
  .strict();
export type LexiconFile = z.infer<typeof LexiconFile>;

/**
 * intents/kamus/context.yaml: the words around a thing that make it a place, a destination, a description of
 * people or a negated act, e.g. `{ version: 1, landmark: ["depan"], routeTo: ["ke"], routes: ["jalan"], ... }`.
 */
export const ContextFile = z
  .object({
    version: z.literal(1),
    landmark: z.array(word),
    landmarkEnd: z.array(word),
    routeTo: z.array(word),
    routes: z.array(word),
    routeReach: z.number().int().min(1).max(10),
    pupils: z.array(word),
    schoolLevel: z.array(word),
    negation: z.array(word),
    request: z.array(word).default([]),
    requestEnd: z.array(word).default([]),
    requestReach: z.number().int().min(0).max(5).default(2),
    requestWeight: z.number().min(1).max(3).default(1),
    sizedThings: z.array(word).default([]),
    sizedReach: z.number().int().min(0).max(5).default(0),
    sizeBefore: z.array(word).default([]),
    sizeAfter: z.array(word).default([]),
    negationSkip: z.array(word).default([]),
    bigger: z.array(word).default([]),
    biggerFactor: z.number().min(0).max(1).default(1),
  })
  .strict();
export type ContextFile = z.infer<typeof ContextFile>;

/**
 * intents/kamus/synonyms.yaml: words and phrases that mean the same thing, rewritten to one canonical term
 * in resident text and in kamus entries alike, e.g. `{ version: 1, groups: { saluran: ["got", "selokan"] } }`.
 */
export const SynonymsFile = z
  .object({
    version: z.literal(1),
    groups: z.record(word, z.array(word).min(1)),
  })
  .strict();
export type SynonymsFile = z.infer<typeof SynonymsFile>;

/**
 * intents/kamus/concepts.yaml: what a resident describes (a problem, a place, a group of people) → the
 * catalogue words of the activities that answer it, added to the query with a lower weight, e.g.
 * `{ version: 1, concepts: [{ name: "flooding", when: ["banjir"], suggest: ["drainase"], weight: 0.5 }] }`.
 */
export const ConceptsFile = z
  .object({
    version: z.literal(1),
    defaultWeight: z.number().positive().max(2).default(0.5),
    /**
     * Weight of a concept that a short message consists of entirely ("Kebersihan Lingkungan", "Keagamaan"): the
     * category is the request itself, not a circumstance around it.
     */
    wholeMessageWeight: z.number().positive().max(2).default(1),
    /** A message of at most this many meaningful words can be a category. */
    wholeMessageWords: z.number().int().min(1).max(6).default(3),
    concepts: z.array(
      z
        .object({
          name: word,
          when: z.array(word).min(1),
          suggest: z.array(word).min(1),
          weight: z.number().positive().max(2).optional(),
          /** A modifier (damage level, new vs existing) only adds to entries the message already matches. */
          modifier: z.boolean().default(false),
        })
        .strict(),
    ),
  })
  .strict();
export type ConceptsFile = z.infer<typeof ConceptsFile>;

/**
 * intents/kamus/scope.yaml: signs that a message asks for something no kamus entry can fund (a private
 * need, a national matter), e.g. `{ version: 1, private: ["utang saya"], outside: ["jalan tol"] }`.
 */
export const ScopeFile = z
  .object({
    version: z.literal(1),
    /** Phrases of a personal, private request (my house, my debt, my phone). */
    private: z.array(word),
    /** Things outside local government or outside the kamus' kind of activities. */
    outside: z.array(word),
    /**
     * After another noun a sign only qualifies it ("keranda masjid" asks for a bier), except after these words,
     * which still mean the thing itself ("atap masjid", "renovasi gereja").
     */
    partOf: z.array(word).default([]),
  })
  .strict();
export type ScopeFile = z.infer<typeof ScopeFile>;

/**
 * intents/kamus/modes.yaml: kinds of activity (training, upkeep...) an entry's name announces and the words with
 * which a message asks for them, e.g. `{ version: 1, modes: { upkeep: { entry: ["pemeliharaan"], asked: ["retak"],
 * factor: 0.85 } } }`.
 */
export const ModesFile = z
  .object({
    version: z.literal(1),
    modes: z.record(
      word,
      z
        .object({
          entry: z.array(word).min(1),
          /** An entry whose name also has one of these is not of this kind only ("Pembangunan/pemeliharaan MCK"). */
          except: z.array(word).default([]),
          asked: z.array(word).min(1),
          factor: z.number().positive().max(1),
        })
        .strict(),
    ),
  })
  .strict();
export type ModesFile = z.infer<typeof ModesFile>;
