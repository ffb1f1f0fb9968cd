// Normalises Indonesian as residents write it, for the matcher and for the dialogue engine:
// lower case without accents, repeated words ("bolong2" → "bolong bolong"), numbers as digits ("dua ratus" →
// "200", "1.000" → "1000"), numbers split from units ("80m" → "80 m"), and the slang, abbreviation and
// regional-word lexicon of intents/lexicon.yaml ("jln" → "jalan", "kagak" → "tidak", "ujan" → "hujan").
import type { LexiconFile } from "./lexicon-schema.ts";
import { defaultLanguageData } from "./language-data.ts";
import { isNumberWord, numberWordsToDigits } from "./number-words.ts";
import { Stemmer } from "./stem.ts";

interface PhraseRule {
  from: string[];
  to: string[];
}

/** Word-level normalisation and stemming built from one lexicon. */
export class Normalizer {
  private readonly rules = new Map<string, PhraseRule[]>();
  private readonly stopwords: Set<string>;
  private readonly labels: Set<string>;
  private readonly weak: Set<string>;
  /** Neighbours deciding what "kali", "sma" and "smp" mean (intents/lexicon.yaml `readings`). */
  private readonly readings: Record<keyof LexiconFile["readings"], Set<string>>;
  /** The stemmer with the lexicon's overrides; shared so its cache serves every caller. */
  readonly stemmer: Stemmer;

  constructor(lexicon: LexiconFile) {
    for (const group of Object.values(lexicon.replacements)) {
      for (const [from, to] of Object.entries(group)) {
        const rule = { from: splitWords(from), to: splitWords(to) };
        const first = rule.from[0];
        if (!first) continue;
        const list = this.rules.get(first) ?? [];
        list.push(rule);
        list.sort((a, b) => b.from.length - a.from.length);
        this.rules.set(first, list);
      }
    }
    this.stemmer = new Stemmer(lexicon.stems);
    this.stopwords = new Set(
      Object.values(lexicon.stopwords)
        .flat()
        .map((w) => w.toLowerCase()),
    );
    this.labels = new Set(lexicon.numberLabels);
    this.weak = new Set(lexicon.weakWords.map((w) => this.stemmer.stem(w)));
    const r = lexicon.readings;
    this.readings = {
      timesBefore: new Set(r.timesBefore),
      timesAfter: new Set(r.timesAfter),
      schoolBefore: new Set(r.schoolBefore),
      schoolAfter: new Set(r.schoolAfter),
      untilWords: new Set(r.untilWords),
    };
  }

  /** `"Jln gg Melati bolong2, pjg 200m"` → `["jalan", "gang", "melati", "bolong", "bolong", "panjang", "200", "m"]`. */
  tokens(text: string): string[] {
    const raw = splitWords(text);
    const out: string[] = [];
    for (let i = 0; i < raw.length;) {
      if (this.keepsOwnMeaning(raw, i)) {
        out.push(raw[i]!);
        i++;
        continue;
      }
      const rule = this.rules.get(raw[i]!)?.find((r) => r.from.every((w, k) => raw[i + k] === w));
      if (rule) {
        out.push(...rule.to);
        i += rule.from.length;
      } else {
        out.push(raw[i]!);
        i++;
      }
    }
    // "RT 1 smp 4", "smp jam 2": before a number or a time word "smp" is "sampai" (elsewhere the school, SMP).
    for (let i = 0; i + 1 < out.length; i++) {
      if (out[i] === "smp" && (/^\d/.test(out[i + 1]!) || this.readings.untilWords.has(out[i + 1]!))) out[i] = "sampai";
    }
    return numberWordsToDigits(out);
  }

  /**
   * A few short words mean something else next to certain words, and the lexicon's reading must not apply: "kali"
   * after a number or "beberapa" counts times ("sudah 3 kali diusulkan"), not the Javanese river; "sma" next to
   * "lulusan", "gedung", "negeri" or a number is the school, not chat for "sama".
   */
  private keepsOwnMeaning(raw: readonly string[], i: number): boolean {
    const w = raw[i]!;
    const before = raw[i - 1] ?? "";
    const after = raw[i + 1] ?? "";
    if (w === "kali") {
      const { timesBefore, timesAfter } = this.readings;
      return /^\d/.test(before) || timesBefore.has(before) || isNumberWord(before) || timesAfter.has(after);
    }
    if (w === "sma") {
      const { schoolBefore, schoolAfter } = this.readings;
      return schoolBefore.has(before) || schoolAfter.has(after) || /^\d/.test(after);
    }
    return false;
  }

  /** True for words that carry no meaning for matching (function words, politeness, fillers). */
  isStopword(word: string): boolean {
    return this.stopwords.has(word);
  }

  /** True for a stem that names the act rather than the object ("pasang", "bangun"). */
  isWeak(stem: string): boolean {
    return this.weak.has(stem);
  }

  /** True for words after which a number is a label, not a size: "rt 03", "gang 5", "tahun 2015". */
  isNumberLabel(word: string): boolean {
    return this.labels.has(word);
  }

  /**
   * The stems of the meaningful words, in order, without stop words, labels' numbers and immediate
   * repeats: `"jalan di rt 03 bolong2"` → `["jalan", "bolong"]`.
   */
  contentWords(text: string): string[] {
    return this.contentOf(this.tokens(text));
  }

  /** `contentWords` for tokens that are already normalised. */
  contentOf(tokens: readonly string[]): string[] {
    const out: string[] = [];
    let previous = "";
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (this.stopwords.has(t)) continue;
      if (/^\d/.test(t) && i > 0 && this.labels.has(tokens[i - 1]!)) continue;
      const s = this.stemmer.stem(t);
      if (s === previous || this.stopwords.has(s)) continue;
      out.push(s);
      previous = s;
    }
    return out;
  }
}

/** Lower case, accents removed, repeated words expanded, split into word and number tokens. */
export function splitWords(text: string): string[] {
  const plain = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    // "bolong2", "anak2nya" → "bolong bolong", "anak anak" (not units such as "m2" or "km2").
    .replace(/(?<![a-z0-9])([a-z]{3,})2(?:nya)?(?![a-z0-9])/g, "$1 $1")
    // "40an meter", "17an" → "40 meter", "17": about forty.
    .replace(/(\d)an(?![a-z])/g, "$1");
  return (plain.match(/(?<![a-z])(?:m|cm|km)2(?![0-9])|\d+(?:[.,]\d+)*|[a-z]+/g) ?? []).map((t) =>
    t.replace(/[.,]$/, ""),
  );
}

let shared: Normalizer | undefined;

/** The normaliser built from the project's intents/lexicon.yaml, created once per process. */
export function defaultNormalizer(): Normalizer {
  shared ??= new Normalizer(defaultLanguageData().lexicon);
  return shared;
}

/** Normalised text for reading or further parsing: `"Jln rusak bgt, pjg dua ratus meter"` → `"jalan rusak banget panjang 200 m"`. */
export function normalizeText(text: string): string {
  return defaultNormalizer().tokens(text).join(" ");
}

/** Normalised tokens, see {@link normalizeText}. */
export function normalizeTokens(text: string): string[] {
  return defaultNormalizer().tokens(text);
}

/** Stemmed meaningful words, e.g. `"mohon dibenerin jln yg bolong2 di RT 3"` → `["baik", "jalan", "bolong"]`. */
export function contentWords(text: string): string[] {
  return defaultNormalizer().contentWords(text);
}
