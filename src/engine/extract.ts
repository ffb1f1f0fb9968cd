// Reads every slot a free message already contains: desa, RT/RW, problem, activity, size, people served.
// Used on the first message of a proposal and on answers to the problem and activity questions.
import { defaultAnswerWords } from "../nlu/answer-words.ts";
import type { RegionIndex } from "../regions/index.ts";
import type { TurnContext } from "./context.ts";
import { readPeople } from "./beneficiaries.ts";
import { parseRtRw } from "./place.ts";
import type { Draft } from "./state.ts";
import { findNeeds } from "./needs.ts";
import { parseQuantity } from "./volume.ts";

/**
 * Fills empty slots of `draft` from `text`; never overwrites what the resident already answered. `focus` is the
 * part of the message about this proposal when it names several needs: the problem, the activity, the size and
 * the people served are read from it alone, the place and the name from the whole message ("" reads them only).
 */
export function extractInto(draft: Draft, text: string, regions: RegionIndex, focus: string = text): Draft {
  const out: Draft = { ...draft };
  const { rt, rw, rest } = parseRtRw(text);
  if (rt && !out.rt) out.rt = rt;
  if (rw && !out.rw) out.rw = rw;
  if (!out.villageCode) {
    const found = regions.searchMention(rest);
    if (found.kind === "found" && found.exact === false)
      out.villageCandidates = [found.village, ...(found.alternatives ?? [])].map((v) => v.code);
    else if (found.kind === "found") out.villageCode = found.village.code;
  }
  const about = focus === text ? rest : parseRtRw(focus).rest;
  if (!out.quantity && out.volume === undefined) {
    const q = parseQuantity(about, { requireUnit: true });
    if (q) out.quantity = q;
  }
  fillPeople(out, about);
  if (!out.proposerName) {
    const name = introducedName(text);
    if (name) out.proposerName = name;
  }
  const clean = focus.trim().replace(/\s+/g, " ");
  if (!out.problem && meaningful(clean)) out.problem = clip(clean);
  if (!out.activity && out.problem && defaultAnswerWords().namesActivity(clean)) out.activity = clip(clean);
  return out;
}

/**
 * Fills a draft from a description that may name several needs ("Jalan rusak dan lampunya mati, tapi yang
 * paling penting jalannya dulu"): the one the resident puts first becomes this proposal and the others wait
 * in `laterNeeds`; without a word on which matters most they are offered as `needOptions`.
 */
export function extractNeeds(
  draft: Draft,
  text: string,
  ctx: Pick<TurnContext, "matcher" | "regions">,
  options: { isProblem?: boolean } = {},
): Draft {
  const found = draft.problem ? undefined : findNeeds(text, ctx.matcher);
  if (!found) {
    const d = extractInto(draft, text, ctx.regions);
    if (options.isProblem && !d.problem && text.trim()) d.problem = clip(text.trim());
    return d;
  }
  if (found.first === undefined) return { ...extractInto(draft, text, ctx.regions, ""), needOptions: found.needs };
  return chooseNeed(draft, found.needs, found.first, text, ctx.regions);
}

/** Need `index` of `needs` becomes the draft's problem (its size and people too); the others wait. */
export function chooseNeed(draft: Draft, needs: string[], index: number, text: string, regions: RegionIndex): Draft {
  const chosen = needs[index]!;
  const d = extractInto({ ...draft, problem: undefined }, text, regions, chosen);
  d.problem ??= clip(chosen);
  delete d.needOptions;
  const later = needs.filter((_, i) => i !== index);
  return later.length ? { ...d, laterNeeds: later } : d;
}

/** People served ("40 KK", "150 warga") when the draft has none yet. */
function fillPeople(draft: Draft, text: string): void {
  if (draft.beneficiaries !== undefined) return;
  const people = readPeople(text, { counted: true });
  if (!people) return;
  draft.beneficiaries = people.people;
  if (people.households !== undefined) draft.households = people.households;
}

/**
 * Fills what an answer says beyond the question it answers ("RT 3 RW 2, 100 meter, 40 KK" to the location
 * question): RT/RW, a size with its unit, the people served. Never overwrites an answer.
 */
export function extractExtras(draft: Draft, text: string, options: { size?: boolean } = {}): Draft {
  const out: Draft = { ...draft };
  const { rt, rw, rest } = parseRtRw(text);
  if (rt && !out.rt) out.rt = rt;
  if (rw && !out.rw) out.rw = rw;
  if (options.size !== false && !out.quantity && out.volume === undefined) {
    const q = parseQuantity(rest, { requireUnit: true });
    if (q) out.quantity = q;
  }
  fillPeople(out, rest);
  return out;
}

/** Sizes and counts taken out of a place description: "RT 3, 100 meter, 40 KK, depan masjid" → "depan masjid". */
export function withoutAmounts(text: string): string {
  return text
    .replace(/\b(panjang|pjg|lebar|lbr)\s*\d+([.,]\d+)?\s*(m|meter|mtr)?\b/gi, " ")
    .replace(
      /\b\d+([.,]\d+)?\s*(x\s*\d+([.,]\d+)?\s*)?(m2|m²|meter persegi|meter|mtr|m|km|titik|unit|buah|kk|kepala keluarga|keluarga|orang|org|warga|jiwa|rumah)\b/gi,
      " ",
    )
    .replace(/^[\s,.;-]+|[\s,.;-]+$/g, "")
    .replace(/\s*[,;]\s*(?=[,;]|$)/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** "Saya Siti dari desa ...", "nama saya Budi Santoso, ..." → the name; capitalised words only. */
export function introducedName(text: string): string | undefined {
  const m =
    /\b[Nn]ama\s+(?:saya|sy|aku)\s+(?:adalah\s+)?(\p{Lu}[\p{L}'.-]+(?:\s+\p{Lu}[\p{L}'.-]+){0,2})/u.exec(text) ??
    /(?:^|[.,!]\s*)(?:[Ss]aya|[Ss]y|[Aa]ku)\s+(?:[Bb]u\s+|[Pp]ak\s+|[Ii]bu\s+|[Bb]apak\s+)?(\p{Lu}[\p{L}'.-]+(?:\s+\p{Lu}[\p{L}'.-]+){0,2})\s+(?:dari|warga|di)\b/u.exec(
      text.trim(),
    );
  const name = m?.[1]?.trim();
  if (!name || name.length < 2 || /^(RT|RW|Desa|Kec)/i.test(name)) return undefined;
  return name;
}

/** A message that describes a need: enough words, and the kamus or the region list recognises some of them. */
export function looksLikeProposal(text: string, ctx: Pick<TurnContext, "matcher" | "regions">): boolean {
  if (!meaningful(text)) return false;
  if (ctx.matcher.match(text, { top: 1 }).matches.length > 0) return true;
  const { rt, rw, rest } = parseRtRw(text);
  return !!(rt || rw) || ctx.regions.searchMention(rest).kind !== "none";
}

/** Enough words to describe something (not just "mau usul"). */
export function meaningful(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /[a-z]{2,}/i.test(w));
  const answerWords = defaultAnswerWords();
  return words.filter((w) => !answerWords.isFiller(w)).length >= 2;
}

/** Long answers are kept but clipped to what fits a proposal field. */
export function clip(text: string, max = 500): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
