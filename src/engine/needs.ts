// Several needs in one message: "Jalan rusak dan lampunya mati, tapi yang paling penting jalannya dulu" is a
// road and a street light, the road first. The message is cut into clauses (src/nlu/need-words.ts); each
// clause is searched in the kamus on its own; clauses whose candidate entries overlap are one need, clauses
// that find nothing belong to the need before them (a size, a place; after a priority remark, to the need it
// points at), and a clause with a priority word ("yang paling penting", "nanti saja") says which need comes
// first, by what it finds or the words it repeats.
// What comes before the first need ("Saya Rudi dari desa Sukamaju RT 5") is said of all of them, not part of one.
import { contentWords, normalizeText } from "../kamus/normalize.ts";
import type { KamusMatcher } from "../kamus/types.ts";
import {
  addsNeed,
  defaultNeedWords,
  explainsBefore,
  priorityCue,
  splitClauses,
  withoutCues,
  type NeedWords,
} from "../nlu/need-words.ts";

/** Candidates kept per need, and the best of a clause compared with them: a clause whose best few are among a
 * need's candidates describes that need. */
const COMPARED = 10;
const BEST = 3;
/** A clause whose best entry scores below this names no need of its own (a size, a place, a remark). */
const MIN_SCORE = 0.4;
/** Another need than the first must be found at least this clearly. */
const MIN_SCORE_ANOTHER = 0.4;

/** The needs of a message, in the order said; `first` is the one the resident said matters most. */
export interface Needs {
  needs: string[];
  first?: number;
}

interface Need {
  clauses: string[];
  kodes: Set<string>;
  cue?: "first" | "later";
}

/**
 * The separate needs a message names, or undefined when it names one (or none). Each need is the resident's
 * words for it: its clauses joined with ", ".
 */
export function findNeeds(
  text: string,
  matcher: KamusMatcher,
  words: NeedWords = defaultNeedWords(),
): Needs | undefined {
  const clauses = splitClauses(text, words);
  if (clauses.length < 2) return undefined;
  const needs: Need[] = [];
  // A priority remark and the clauses that name no need after it ("…, tapi yang paling penting jalannya dulu.
  // Panjang 50 lebar 3"): the size is of the need the remark points at, not of the last one said.
  const references: { words: string[]; cue: "first" | "later"; after: string[] }[] = [];
  let afterCue: string[] | undefined;
  for (const { text: clause, joined } of clauses) {
    const normal = normalizeText(clause);
    const cue = priorityCue(normal, words);
    const body = cue ? withoutCues(normal, words) : clause;
    const found = /\p{L}{3,}/u.test(body) ? matcher.match(body, { top: COMPARED }).matches : [];
    const kodes = new Set(found[0] && found[0].score >= MIN_SCORE ? found.map((m) => m.entry.kode) : []);
    const best = [...kodes].slice(0, BEST);
    const shared = (n: Need) => [...kodes].filter((k) => n.kodes.has(k)).length;
    const same = needs.filter((n) => shared(n) > 0).sort((a, b) => shared(b) - shared(a))[0];
    if (same) {
      // A clause whose best entries two needs found joins them ("..., mohon fasilitasi sertifikasi halal").
      for (const other of needs.filter((n) => n !== same && best.some((k) => n.kodes.has(k)))) {
        same.clauses.push(...other.clauses);
        for (const k of other.kodes) same.kodes.add(k);
        same.cue ??= other.cue;
        needs.splice(needs.indexOf(other), 1);
      }
    }
    // Only a clause after a joiner, or one that says "juga", starts another need; "karena ...", "panjang ..."
    // explain the clause before.
    const opens =
      !needs.length || ((joined || !!cue || addsNeed(normal, words)) && !explainsBefore(cue ? body : normal, words));
    const last = needs.at(-1);
    const said = cue ? withoutCues(clause, words) || clause : clause;
    if (same) {
      // "Prioritas gorong-gorongnya" only points at the need; "terutama jembatannya karena mau ambruk" adds to it.
      if (!cue || !repeats(body, same.clauses.join(" "))) same.clauses.push(said);
      for (const k of kodes) same.kodes.add(k);
      same.cue ??= cue;
      afterCue = cue ? same.clauses : undefined;
      continue;
    } else if (kodes.size && opens && (!needs.length || found[0]!.score >= MIN_SCORE_ANOTHER)) {
      needs.push({ clauses: [said], kodes, cue });
    } else if (cue && !kodes.size) {
      // "tapi yang paling penting jalannya dulu": the need whose words it repeats.
      const after: string[] = [];
      references.push({ words: contentWords(body), cue, after });
      afterCue = after;
      continue;
    } else if (afterCue && !kodes.size) {
      afterCue.push(clause);
      continue;
    } else if (last) {
      last.clauses.push(clause);
      for (const k of kodes) last.kodes.add(k);
    }
    afterCue = undefined;
  }
  if (needs.length < 2) return undefined;
  for (const ref of references) {
    const shared = needs.map((n) => contentWords(n.clauses.join(" ")).filter((w) => ref.words.includes(w)).length);
    const best = Math.max(...shared);
    const pointed = best > 0 && shared.filter((n) => n === best).length === 1 ? needs[shared.indexOf(best)] : undefined;
    if (pointed) pointed.cue ??= ref.cue;
    (pointed ?? needs.at(-1)!).clauses.push(...ref.after);
  }
  return { needs: needs.map((n) => n.clauses.join(", ")), first: firstOf(needs) };
}

/** True when every word of `said` is a word of `text` or shares its start ("gorongnya" with "gorong"). */
function repeats(said: string, text: string): boolean {
  const known = contentWords(text);
  return contentWords(said).every((w) => known.some((k) => w.startsWith(k) || k.startsWith(w)));
}

/** The need said to come first: the only one marked first, or the only one not marked "later". */
function firstOf(needs: Need[]): number | undefined {
  const first = needs.flatMap((n, i) => (n.cue === "first" ? [i] : []));
  if (first.length === 1) return first[0];
  if (first.length > 1) return undefined;
  const notLater = needs.flatMap((n, i) => (n.cue === "later" ? [] : [i]));
  return notLater.length === 1 ? notLater[0] : undefined;
}

/**
 * Which of the offered needs an answer in words names ("yang jalan dulu" → the one about the road): the one
 * sharing most of its words with the answer, relative to its length; undefined when none or a tie.
 */
export function pickNeed(answer: string, options: string[], words: NeedWords = defaultNeedWords()): number | undefined {
  const said = contentWords(withoutCues(normalizeText(answer), words));
  if (!said.length) return undefined;
  const shares = options.map((o) => {
    const own = contentWords(o);
    return own.length ? own.filter((w) => said.includes(w)).length / own.length : 0;
  });
  const best = Math.max(...shares);
  return best > 0 && shares.filter((x) => x === best).length === 1 ? shares.indexOf(best) : undefined;
}
