// Turns a text into the terms the index stores (for kamus entries) or what a query looks for (for residents'
// messages): normalise → stem → repair typos → rewrite synonyms to one term → drop stop words; for queries, weigh
// each word (landmarks, negated acts and act verbs count less) and find the concepts the message describes
// (intents/kamus/concepts.yaml), whose catalogue phrases the matcher scores as a group.
import type { LanguageData } from "./language-data.ts";
import { Normalizer } from "./normalize.ts";
import { GLUE, PhraseTable } from "./phrases.ts";
import { quantitiesOf, type Quantities } from "./quantities.ts";
import { isRootWord } from "./stem.ts";

/** One token on its way through the analyser. */
interface Token {
  surface: string;
  stem: string;
  stop: boolean;
  /** A canonical synonym term: never dropped as a stop word. */
  keep?: boolean;
  /** Below 1 for a landmark or a negated act. */
  weight?: number;
  /** The object of a request ("minta kendang"): weighs above the circumstances. */
  asked?: boolean;
  /** The place a landmark names, which the message only locates something by ("jalan depan SD": "sd"). */
  landmark?: boolean;
}

/** A concept the message describes, e.g. flooding → ["drainase"], ["saluran"], ["sumur resapan"]. */
export interface FiredConcept {
  /** Position in intents/kamus/concepts.yaml: a stable key for caches. */
  id: number;
  name: string;
  weight: number;
  /** Adds only to entries the message already matches otherwise. */
  modifier: boolean;
  /** Catalogue phrases (as index terms); an entry scores by its best phrase. */
  phrases: string[][];
  /** The message's own terms that fired it. */
  sources: string[];
}

/** What a message asks for, ready for scoring. */
export interface AnalyzedQuery {
  /** The message's own meaningful terms → weight (1, or less for landmarks, negated acts, act verbs, sizes). */
  terms: Map<string, number>;
  /** The concepts the message describes. */
  concepts: FiredConcept[];
  /** The message's own meaningful terms, in order, without immediate repeats. */
  original: string[];
  /** The requested object's terms ("minta dibetonin": "beton"), act words excluded; empty when none is marked. */
  asked: string[];
  /** Kinds of activity the message asks for (intents/kamus/modes.yaml), e.g. "training". */
  modes: Set<string>;
  /** Sizes the message mentions (area, length, width, floors, households). */
  quantities: Quantities;
  /** Out-of-scope signs (intents/kamus/scope.yaml) the resident asks for (landmarks excluded), as terms. */
  cues: { kind: "private" | "outside"; terms: string[]; requested: boolean }[];
  /**
   * The size the resident wants exceeded ("gorong2 yg 30an kekecilan, minta yang lebih gede": 30), when the message
   * says the present thing is too small (context.yaml `bigger`) and names its size; entries of that size or smaller
   * score `factor` × their score.
   */
  bigger?: { than: number; factor: number };
}

/** Finds a known stem for a word the index has never seen (a typo, a vowel-less abbreviation). */
export type Corrector = (surface: string, stem: string) => string | undefined;

interface Concept {
  name: string;
  triggers: string[][];
  phrases: string[][];
  weight: number;
  modifier: boolean;
}

/** Query weight of a size number ("40" in "box 40 cm"): it separates variants, it does not name an activity. */
const NUMBER_WEIGHT = 0.6;
/** Query weight of a word that names the act, not the object (intents/lexicon.yaml `weakWords`). */
const WEAK_WEIGHT = 0.4;
/** The context words of intents/kamus/context.yaml as sets. */
interface Context {
  landmark: Set<string>;
  landmarkEnd: Set<string>;
  routeTo: Set<string>;
  routes: Set<string>;
  routeReach: number;
  pupils: Set<string>;
  schoolLevel: Set<string>;
  negation: Set<string>;
  request: Set<string>;
  requestEnd: Set<string>;
  requestReach: number;
  requestWeight: number;
  sizedThings: Set<string>;
  sizedReach: number;
  /** Numbers before / after these words describe a size that identifies an entry ("box 40 cm", "40 watt"). */
  sizeBefore: Set<string>;
  sizeAfter: Set<string>;
  /** Words between a negation and its act ("belum pernah diaspal"). */
  negationSkip: Set<string>;
  /** Phrases (as stems) saying the present thing is too small. */
  bigger: string[][];
  biggerFactor: number;
}
const LANDMARK_WEIGHT = 0.35;
const NEGATED_WEIGHT = 0.3;

/** The nearest meaningful token before position i. */
function previousMeaningful(tokens: Token[], i: number): Token | undefined {
  for (let j = i - 1; j >= 0; j--) if (!tokens[j]!.stop || tokens[j]!.keep) return tokens[j];
  return undefined;
}

/** True when a road stands shortly before position i ("jalan setapak ke ..."). */
function followsRoute(tokens: Token[], i: number, ctx: Context): boolean {
  for (let j = i - 1; j >= 0 && j >= i - ctx.routeReach; j--) if (ctx.routes.has(tokens[j]!.stem)) return true;
  return false;
}

/** A cue word weighs at least this much when the resident asks for it (a landmark weighs less). */
const ASKED_WEIGHT = 0.5;
/** A trigger phrase of n words may spread over n + TRIGGER_SLACK tokens ("jalan masih berupa tanah"). */
const TRIGGER_SLACK = 2;

/**
 * Lowers the weight of landmark words (the next two meaningful words after "depan", "dekat"...) and of a negated
 * act (a di-/ter- verb right after "belum", "tidak": "belum diaspal", "tidak diperbaiki"). "Tidak ada lampu" keeps
 * "lampu": a missing thing is what the resident asks for.
 */
function markContext(tokens: Token[], ctx: Context): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (ctx.schoolLevel.has(t.stem) && !t.weight && ctx.pupils.has(previousMeaningful(tokens, i)?.stem ?? "")) {
      // "anak SMP sering dibully": the school says who the children are, it is not what they ask for.
      t.weight = LANDMARK_WEIGHT;
      t.landmark = true;
    }
    if (ctx.landmark.has(t.surface) || (ctx.routeTo.has(t.surface) && followsRoute(tokens, i, ctx))) {
      for (let j = i + 1, n = 0; j < tokens.length && n < 2; j++) {
        const u = tokens[j]!;
        if (u.stop && !u.keep) {
          if (ctx.negation.has(u.surface) || ctx.landmarkEnd.has(u.surface)) break;
          continue;
        }
        u.weight = Math.min(u.weight ?? 1, LANDMARK_WEIGHT);
        // The place itself is the first word ("depan SD mampet": "sd"); the second may already describe the thing.
        if (n === 0) u.landmark = true;
        n++;
      }
    } else if (ctx.negation.has(t.surface)) {
      let j = i + 1;
      while (j < tokens.length && ctx.negationSkip.has(tokens[j]!.surface)) j++;
      const u = tokens[j];
      if (u && !u.keep && /^(di|ter)/.test(u.surface) && u.stem !== u.surface) u.weight = NEGATED_WEIGHT;
    }
  }
}

/**
 * Marks the requested object: the next `requestReach` meaningful words after a request word ("minta", "usul",
 * "butuh"), skipping act words ("minta dipasang lampu") and stopping at a purpose or a place ("buat", "di").
 */
function markRequests(tokens: Token[], ctx: Context, isWeak: (stem: string) => boolean): void {
  for (let i = 0; i < tokens.length; i++) {
    if (!ctx.request.has(tokens[i]!.surface)) continue;
    for (let j = i + 1, n = 0; j < tokens.length && n < ctx.requestReach; j++) {
      const u = tokens[j]!;
      if (ctx.requestEnd.has(u.surface) || ctx.negation.has(u.surface) || ctx.request.has(u.surface)) break;
      if ((u.stop && !u.keep) || /^\d/.test(u.stem)) continue;
      if (u.landmark || (u.weight ?? 1) < 1) break;
      u.asked = true;
      if (!isWeak(u.stem)) n++;
    }
  }
}

/**
 * "Rabat beton tanpa wiremesh": the word after "tanpa" (without) becomes its own term "-wiremesh", so "tanpa
 * wiremesh" and "dengan wiremesh" stop matching each other, in entries and in messages alike.
 */
function negateAfterTanpa(tokens: Token[]): Token[] {
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i]!.surface !== "tanpa") continue;
    const next = tokens[i + 1]!;
    if (next.stop && !next.keep) continue;
    tokens[i + 1] = { ...next, stem: `-${next.stem}`, keep: true };
  }
  return tokens;
}

/** Where each stem occurs in `seq`. */
function positionsOf(seq: readonly string[]): Map<string, number[]> {
  const positions = new Map<string, number[]>();
  seq.forEach((s, i) => {
    const list = positions.get(s);
    if (list) list.push(i);
    else positions.set(s, [i]);
  });
  return positions;
}

/** In a trigger, " ... " between words means "anywhere in the same message". */
const ANYWHERE = "...";

/** True when `trigger` occurs in `seq` in order, spread over at most its length + TRIGGER_SLACK tokens. */
function occurs(
  trigger: readonly string[],
  seq: readonly string[],
  positions: Map<string, number[]>,
  slack = TRIGGER_SLACK,
): boolean {
  // "ikan ... mati": every word anywhere in the message, in any order.
  if (trigger.includes(ANYWHERE)) return trigger.every((s) => s === ANYWHERE || positions.has(s));
  const starts = positions.get(trigger[0]!);
  if (!starts) return false;
  if (trigger.length === 1) return true;
  const span = trigger.length + slack;
  for (const start of starts) {
    let k = 1;
    for (let j = start + 1; j < seq.length && j < start + span && k < trigger.length; j++) {
      if (seq[j] === trigger[k]) k++;
    }
    if (k === trigger.length) return true;
  }
  return false;
}

/** The analyser for one set of language data; cheap to share between matchers. */
export class Analyzer {
  readonly normalizer: Normalizer;
  private readonly synonyms = new PhraseTable<string>();
  private readonly concepts: Concept[] = [];
  /** Concept triggers by their first stem, so a query only tests triggers that can occur. */
  private readonly triggersByFirst = new Map<string, { concept: number; trigger: string[] }[]>();
  private readonly modeRules: {
    name: string;
    entry: string[][];
    except: string[][];
    asked: string[][];
    factor: number;
  }[] = [];
  private readonly privateCues: string[][] = [];
  /** Words before a sign that still mean the thing itself (scope.yaml `partOf`), as stems. */
  private readonly partOf = new Set<string>();
  private readonly outsideCues: string[][] = [];
  /** Stems the language data knows (synonym variants, concept triggers): never "corrected". */
  readonly knownStems = new Set<string>();
  /** Surface words of the language data, offered to the typo corrector as targets. */
  readonly knownSurfaces = new Map<string, string>();
  private readonly context: Context;
  private readonly wholeMessage: { weight: number; words: number };

  constructor(data: LanguageData, normalizer?: Normalizer) {
    this.normalizer = normalizer ?? new Normalizer(data.lexicon);
    this.wholeMessage = { weight: data.concepts.wholeMessageWeight, words: data.concepts.wholeMessageWords };
    const c = data.context;
    this.context = {
      landmark: new Set(c.landmark),
      landmarkEnd: new Set(c.landmarkEnd),
      routeTo: new Set(c.routeTo),
      routes: new Set(c.routes),
      routeReach: c.routeReach,
      pupils: new Set(c.pupils),
      schoolLevel: new Set(c.schoolLevel),
      negation: new Set(c.negation),
      request: new Set(c.request),
      requestEnd: new Set(c.requestEnd),
      requestReach: c.requestReach,
      requestWeight: c.requestWeight,
      sizedThings: new Set(c.sizedThings),
      sizedReach: c.sizedReach,
      sizeBefore: new Set(c.sizeBefore),
      sizeAfter: new Set(c.sizeAfter),
      negationSkip: new Set(c.negationSkip),
      bigger: [],
      biggerFactor: c.biggerFactor,
    };
    this.context.bigger = c.bigger.map((p) => this.sequenceOf(p));
    for (const [canonical, variants] of Object.entries(data.synonyms.groups)) {
      // A canonical phrase is one index term: "tangki septik" counts once, like "pju".
      const term = this.rawTokens(canonical)
        .map((t) => t.stem)
        .join(" ");
      for (const v of [canonical, ...variants]) {
        const tokens = this.rawTokens(v);
        // A variant made only of stop words would swallow them everywhere: skip it.
        if (tokens.every((t) => t.stop)) continue;
        this.synonyms.add(
          tokens.map((t) => t.stem),
          term,
        );
        this.remember(v);
      }
    }
    for (const c of data.concepts.concepts) {
      this.concepts.push({
        name: c.name,
        // A trigger made only of stop words ("pertolongan" stems to "tolong", a politeness word) never fires.
        triggers: c.when
          .map((w) => this.sequenceOf(w))
          .filter((t) => t.some((s) => s !== ANYWHERE && !this.normalizer.isStopword(s))),
        phrases: c.suggest.map((s) => this.documentTerms(s)).filter((p) => p.length > 0),
        weight: c.weight ?? data.concepts.defaultWeight,
        modifier: c.modifier,
      });
      for (const w of [...c.when, ...c.suggest]) this.remember(w);
    }
    this.concepts.forEach((c, concept) => {
      for (const trigger of c.triggers) {
        // Indexed by its first word ("ikan ... mati" by "ikan"), so a message only tests triggers that can occur.
        const first = trigger[0] === ANYWHERE ? trigger[1]! : trigger[0]!;
        const list = this.triggersByFirst.get(first) ?? [];
        list.push({ concept, trigger });
        this.triggersByFirst.set(first, list);
      }
    });
    for (const [name, m] of Object.entries(data.modes.modes)) {
      this.modeRules.push({
        name,
        entry: m.entry.map((w) => this.sequenceOf(w)),
        except: m.except.map((w) => this.sequenceOf(w)),
        asked: m.asked.map((w) => this.sequenceOf(w)),
        factor: m.factor,
      });
    }
    for (const p of data.scope.private) this.privateCues.push(this.sequenceOf(p));
    for (const p of data.scope.outside) this.outsideCues.push(this.sequenceOf(p));
    for (const cue of [...this.privateCues, ...this.outsideCues]) for (const s of cue) this.knownStems.add(s);
    for (const w of data.scope.partOf) for (const s of this.sequenceOf(w)) this.partOf.add(s);
  }

  /** Every concept as the matcher scores it (id = position), e.g. to precompute their values per entry. */
  allConcepts(): FiredConcept[] {
    return this.concepts.map((c, id) => ({
      id,
      name: c.name,
      weight: c.weight,
      modifier: c.modifier,
      phrases: c.phrases,
      sources: [],
    }));
  }

  /**
   * Everything the index needs from an entry's name, from one pass over its words: the terms, the surface words
   * (typo-repair targets) and the kinds of activity it announces (mode → score factor when not asked for).
   */
  entryName(name: string): {
    terms: string[];
    surfaces: Map<string, string>;
    modes: { mode: string; factor: number }[];
  } {
    const raw = this.rawTokens(name);
    const surfaces = new Map<string, string>();
    for (const t of raw)
      if (!t.stop && t.surface.length >= 3 && !/^\d/.test(t.surface)) surfaces.set(t.surface, t.stem);
    const rewritten = this.rewrite(raw);
    const seq = rewritten.map((t) => t.stem);
    const positions = positionsOf(seq);
    const modes = this.modeRules
      .filter((m) => m.entry.some((p) => occurs(p, seq, positions)) && !m.except.some((p) => occurs(p, seq, positions)))
      .map((m) => ({ mode: m.name, factor: m.factor }));
    return { terms: this.content(negateAfterTanpa(rewritten)), surfaces, modes };
  }

  /** True for a stem the language data or the Indonesian dictionary knows (else probably a name or a typo). */
  isKnown(stem: string): boolean {
    return this.knownStems.has(stem) || isRootWord(stem);
  }

  /** The terms stored for one kamus field: `"Pembangunan Jalan Rabat Beton"` → `["bangun", "jalan", "rabat beton"]`. */
  documentTerms(text: string): string[] {
    return this.content(negateAfterTanpa(this.rewrite(this.rawTokens(text))));
  }

  /**
   * The words inside the synonym phrases of a text: an entry named "gerobak sampah" is also a little about
   * "sampah", so a message about rubbish reaches it (the matcher gives these a weaker field of their own).
   */
  phraseParts(terms: readonly string[]): string[] {
    return terms
      .filter((t) => t.includes(" "))
      .flatMap((t) => t.split(" ").filter((w) => !this.normalizer.isStopword(w)));
  }

  /** Surface word → stem for the meaningful words of `text` (targets for the typo corrector). */
  surfaces(text: string): Map<string, string> {
    const out = new Map<string, string>();
    for (const t of this.rawTokens(text))
      if (!t.stop && t.surface.length >= 3 && !/^\d/.test(t.surface)) out.set(t.surface, t.stem);
    return out;
  }

  /** What a resident's message asks for; `correct` maps unknown words to index stems. */
  query(text: string, correct?: Corrector): AnalyzedQuery {
    const surfaces = this.normalizer.tokens(text);
    let tokens = this.rawTokens(surfaces, true);
    if (correct) tokens = tokens.map((t) => this.corrected(t, correct));
    const rewritten = negateAfterTanpa(this.rewrite(tokens));
    markContext(rewritten, this.context);
    markRequests(rewritten, this.context, (stem) => this.normalizer.isWeak(stem));
    const original = this.content(rewritten);
    const terms = new Map<string, number>();
    const asked = new Set<string>();
    for (const t of rewritten) {
      if (t.stop && !t.keep) continue;
      const base = /^\d/.test(t.stem) ? NUMBER_WEIGHT : this.normalizer.isWeak(t.stem) ? WEAK_WEIGHT : 1;
      if (t.asked && base === 1) asked.add(t.stem);
      const weight = t.asked && base === 1 ? this.context.requestWeight : Math.min(base, t.weight ?? 1);
      terms.set(t.stem, Math.max(terms.get(t.stem) ?? 0, weight));
    }
    const seq = rewritten.map((t) => t.stem);
    const positions = positionsOf(seq);
    const fired = new Map<number, Set<string>>();
    for (const first of positions.keys()) {
      for (const { concept, trigger } of this.triggersByFirst.get(first) ?? []) {
        if (!occurs(trigger, seq, positions)) continue;
        const sources = fired.get(concept) ?? new Set<string>();
        for (const s of trigger) if (s !== ANYWHERE && terms.has(s)) sources.add(s);
        fired.set(concept, sources);
      }
    }
    // A concept fired only by landmark words describes the place, not the request ("jalan menuju makam masih tanah"
    // is about the road, not the cemetery): it weighs what a landmark word weighs.
    const landmarkOnly = new Set<string>();
    const elsewhere = new Set<string>();
    for (const t of rewritten) if (!t.stop || t.keep) (t.landmark ? landmarkOnly : elsewhere).add(t.stem);
    for (const s of elsewhere) landmarkOnly.delete(s);
    const concepts: FiredConcept[] = [...fired.keys()]
      .sort((a, b) => a - b)
      .map((i) => {
        const c = this.concepts[i]!;
        const sources = [...fired.get(i)!];
        const onlyPlace = sources.length > 0 && sources.every((s) => landmarkOnly.has(s));
        const weight = onlyPlace ? c.weight * LANDMARK_WEIGHT : c.weight;
        return { id: i, name: c.name, weight, modifier: c.modifier, phrases: c.phrases, sources };
      });
    this.weighWholeMessage(concepts, terms);
    const cues = this.askedCues(rewritten, seq, positions, terms);
    const modes = new Set(
      this.modeRules.filter((m) => m.asked.some((p) => occurs(p, seq, positions))).map((m) => m.name),
    );
    const than = this.presentSize(terms, seq, positions);
    return {
      terms,
      concepts,
      original,
      asked: [...asked],
      modes,
      quantities: quantitiesOf(surfaces),
      cues,
      ...(than === undefined ? {} : { bigger: { than, factor: this.context.biggerFactor } }),
    };
  }

  /**
   * When the message says the present thing is too small ("kekecilan", "diganti yang lebih besar"), the size numbers
   * before that are the present size: they leave `terms` (a 30 cm entry is not what is asked) and the largest is
   * returned, so the scorer can prefer bigger variants. A number after it is the size wanted ("minta diameter 50").
   */
  private presentSize(terms: Map<string, number>, seq: string[], positions: Map<string, number[]>): number | undefined {
    let cueAt = Infinity;
    for (const p of this.context.bigger)
      if (occurs(p, seq, positions)) cueAt = Math.min(cueAt, positions.get(p[0]!)?.[0] ?? Infinity);
    if (cueAt === Infinity) return undefined;
    let largest: number | undefined;
    for (let i = 0; i < cueAt && i < seq.length; i++) {
      const t = seq[i]!;
      if (!/^\d+(\.\d+)?$/.test(t) || !terms.has(t)) continue;
      terms.delete(t);
      largest = Math.max(largest ?? 0, Number(t));
    }
    return largest;
  }

  /**
   * A short message that a concept explains entirely ("Kebersihan Lingkungan", "Keagamaan", "Kesehatan Anak") is
   * that category: officers file such words for the entries the concept suggests, so it weighs as a request.
   */
  private weighWholeMessage(concepts: FiredConcept[], terms: Map<string, number>): void {
    const words = [...terms.keys()].filter((t) => !/^\d/.test(t));
    if (!words.length || words.length > this.wholeMessage.words) return;
    for (const c of concepts) {
      if (c.modifier || !words.every((w) => c.sources.includes(w))) continue;
      c.weight = Math.max(c.weight, this.wholeMessage.weight);
    }
  }

  /**
   * The out-of-scope signs the resident asks for, once each: not a landmark ("depan masjid"), and a place not as
   * the owner of another noun ("keranda masjid"), unless that noun is a part of it ("atap masjid") or an act
   * ("bangun masjid").
   */
  private askedCues(
    tokens: Token[],
    seq: string[],
    positions: Map<string, number[]>,
    terms: Map<string, number>,
  ): AnalyzedQuery["cues"] {
    const out: AnalyzedQuery["cues"] = [];
    const seen = new Set<string>();
    for (const [kind, list] of [
      ["private", this.privateCues],
      ["outside", this.outsideCues],
    ] as const) {
      for (const cue of list) {
        // Most signs do not occur at all: test that before building any string.
        if (!positions.has(cue[0]!)) continue;
        const key = cue.join(" ");
        if (seen.has(key)) continue;
        // Cues are exact phrases: "ulang ... tahun" in "diaspal ulang, sudah 5 tahun" is no birthday.
        const start = (positions.get(cue[0]!) ?? []).find((start) => {
          if (!cue.every((s, k) => seq[start + k] === s)) return false;
          if (!cue.some((s) => (terms.get(s) ?? 0) >= ASKED_WEIGHT)) return false;
          // A private sign is already possessive ("tanah rumah saya"): it counts after any noun.
          if (kind === "private") return true;
          let before = start - 1;
          while (before >= 0 && GLUE.has(tokens[before]!.surface)) before--;
          const head = tokens[before];
          if (!head || (head.stop && !head.keep)) return true;
          return this.normalizer.isWeak(head.stem) || this.partOf.has(head.stem);
        });
        if (start === undefined) continue;
        seen.add(key);
        // The sign is the requested object itself ("mau pinjam uang"): the strongest evidence there is.
        const requested = tokens.slice(start, start + cue.length).some((t) => t.asked);
        out.push({ kind, terms: cue.filter((s) => terms.has(s)), requested });
      }
    }
    return out;
  }

  /** Normalised, stemmed tokens with stop-word marks; numbers that are only labels or volumes are dropped. */
  private rawTokens(text: string | readonly string[], query = false): Token[] {
    const n = this.normalizer;
    const surfaces = typeof text === "string" ? n.tokens(text) : text;
    const out: Token[] = [];
    for (let i = 0; i < surfaces.length; i++) {
      const surface = surfaces[i]!;
      if (/^\d/.test(surface)) {
        const before = surfaces[i - 1] ?? "";
        const after = surfaces[i + 1] ?? "";
        const { sizeBefore, sizeAfter } = this.context;
        if (!sizeBefore.has(before) && !sizeAfter.has(after) && !(query && this.sizes(surfaces, i))) continue;
        out.push({ surface, stem: surface.replace(/\.0+$/, ""), stop: false });
        continue;
      }
      const stem = n.stemmer.stem(surface);
      // An inflected stop word ("bantuannya") is a stop word; a derived word ("keselamatan" ← "selamat") is not.
      const stop = n.isStopword(surface) || (n.isStopword(stem) && surface.startsWith(stem));
      out.push({ surface, stem, stop });
    }
    return out;
  }

  /** True when a thing sold by size stands shortly before position i ("gorong2 yg 30an"). */
  private sizes(surfaces: readonly string[], i: number): boolean {
    const { sizedThings, sizedReach } = this.context;
    if (i > 0 && this.normalizer.isNumberLabel(surfaces[i - 1]!)) return false;
    for (let j = i - 1; j >= 0 && j >= i - sizedReach; j--) if (sizedThings.has(surfaces[j]!)) return true;
    return false;
  }

  private corrected(t: Token, correct: Corrector): Token {
    if (t.stop || /^\d/.test(t.surface) || t.surface.length < 3) return t;
    if (this.knownStems.has(t.stem) || isRootWord(t.surface) || isRootWord(t.stem)) return t;
    const fixed = correct(t.surface, t.stem);
    if (!fixed || fixed === t.stem) return t;
    return { surface: t.surface, stem: fixed, stop: this.normalizer.isStopword(fixed) };
  }

  /** Rewrites synonym phrases to their canonical term. */
  private rewrite(tokens: Token[]): Token[] {
    const stems = tokens.map((t) => t.stem);
    const out: Token[] = [];
    for (let i = 0; i < tokens.length;) {
      const hit = this.synonyms.matchAt(stems, i);
      if (hit) {
        const weights = tokens.slice(i, hit.end).map((t) => t.weight ?? 1);
        out.push({
          surface: hit.rule.value,
          stem: hit.rule.value,
          stop: false,
          keep: true,
          weight: Math.max(...weights),
        });
        i = hit.end;
      } else {
        out.push(tokens[i]!);
        i++;
      }
    }
    return out;
  }

  /** Meaningful stems in order, without stop words and immediate repeats. */
  private content(tokens: Token[]): string[] {
    const out: string[] = [];
    for (const t of tokens) {
      if (t.stop && !t.keep) continue;
      if (out[out.length - 1] === t.stem) continue;
      out.push(t.stem);
    }
    return out;
  }

  /** The stems of a phrase in order, stop words included (a trigger "tidak ada lampu" needs all three). */
  private sequenceOf(phrase: string): string[] {
    if (phrase.includes(` ${ANYWHERE} `)) {
      const parts = phrase
        .split(` ${ANYWHERE} `)
        .map((p) => this.sequenceOf(p).filter((s) => !this.normalizer.isStopword(s)));
      return [ANYWHERE, ...parts.flat()];
    }
    return this.rewrite(this.rawTokens(phrase)).map((t) => t.stem);
  }

  private remember(phrase: string): void {
    for (const t of this.rawTokens(phrase)) {
      this.knownStems.add(t.stem);
      if (!t.stop && t.surface.length >= 3 && !/^\d/.test(t.surface)) this.knownSurfaces.set(t.surface, t.stem);
    }
  }
}
