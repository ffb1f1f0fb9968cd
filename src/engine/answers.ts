// Reading the answer to the slot that was asked. Each returns the new state, or undefined after saying
// why the answer does not fit (the question is then asked again by the caller).
import type { InboundMessage } from "../messages/message.ts";
import { defaultAnswerWords } from "../nlu/answer-words.ts";
import type { Command } from "../nlu/commands.ts";
import type { TurnContext } from "./context.ts";
import { chooseNeed, clip, extractInto, extractNeeds, meaningful, withoutAmounts } from "./extract.ts";
import { sayLaterNeeds } from "./flow.ts";
import { pickNeed } from "./needs.ts";
import { explainVolume, sayVolume } from "./advance.ts";
import { volumeExample } from "./questions.ts";
import type { Out } from "./out.ts";
import { learnablePhrase } from "./learn-phrase.ts";
import { parseRtRw } from "./place.ts";
import type { Draft, FormState, Slot } from "./state.ts";
import { canonicalUnit } from "./units.ts";
import { readPeople } from "./beneficiaries.ts";
import { parseQuantity, resolveVolume } from "./volume.ts";

type Answer = FormState | undefined;

/** Applies a text answer for `slot`. */
export function answerSlot(
  slot: Slot,
  text: string,
  command: Command,
  state: FormState,
  ctx: TurnContext,
  out: Out,
): Answer {
  const draft = state.draft;
  const set = (d: Partial<Draft>): FormState => ({ ...state, draft: { ...draft, ...d } });
  const t = ctx.texts;
  if (command.kind === "skip" && slot !== "beneficiaries" && slot !== "photo" && slot !== "volume") {
    if (!(slot === "kamus" && /cocok/.test(text))) {
      out.say(t("skip.not_allowed"));
      return undefined;
    }
  }
  switch (slot) {
    case "village":
      return answerVillage(text, state, ctx, out);
    case "problem": {
      if (draft.needOptions?.length) return answerNeedChoice(text, command, draft.needOptions, state, ctx, out);
      if (!hasWords(text)) {
        out.say(t("problem.no_words"));
        return undefined;
      }
      const d = extractNeeds(draft, text, ctx, { isProblem: true });
      sayLaterNeeds(d, ctx, out);
      return { ...state, draft: d };
    }
    case "activity": {
      if (!hasWords(text)) {
        out.say(t("activity.no_words"));
        return undefined;
      }
      const d = extractInto({ ...draft, activity: clip(text) }, text, ctx.regions);
      return { ...state, draft: d, kamusChoices: undefined };
    }
    case "kamus":
      return answerKamus(text, command, state, ctx, out);
    case "location": {
      const { rt, rw, rest } = parseRtRw(text);
      const address = withoutAmounts(rest)
        .replace(/^(di|lokasi|alamat)\s+/i, "")
        .trim();
      if (!rt && !rw && address.length < 3) {
        return undefined;
      }
      return set({
        rt: rt ?? draft.rt,
        rw: rw ?? draft.rw,
        address: address.length >= 3 ? clip(address, 300) : draft.address,
      });
    }
    case "volume": {
      const entry = draft.kamusKode ? ctx.matcher.entry(draft.kamusKode) : undefined;
      const q = parseQuantity(parseRtRw(text).rest);
      if (!q) {
        // "lewati", "tidak tahu": the size is needed, but an estimate will do.
        if (command.kind === "skip" || defaultAnswerWords().saysDontKnow(text))
          out.say(t("volume.estimate", { example: volumeExample(entry?.unit) }));
        else explainVolume({ ok: false, reason: "not_positive" }, entry?.unit, ctx, out);
        return undefined;
      }
      const fit = resolveVolume(q, canonicalUnit(entry?.unit));
      if (!fit.ok) {
        explainVolume(fit, entry?.unit, ctx, out);
        return undefined;
      }
      const next = set({ volume: fit.volume, unit: fit.unit });
      delete next.draft.quantity;
      sayVolume(next.draft, ctx, out);
      return next;
    }
    case "beneficiaries": {
      if (command.kind === "skip") return set({ beneficiaries: null, households: undefined });
      const people = readPeople(text);
      if (people === undefined) {
        out.say(t("beneficiaries.invalid"));
        return undefined;
      }
      return set({ beneficiaries: people.people, households: people.households });
    }
    case "photo":
      if (command.kind === "skip") return set({ photoDone: true, photoWanted: undefined });
      out.say(t("photo.waiting"));
      return undefined;
    case "name": {
      const name = command.kind === "none" ? cleanName(text) : undefined; // "ya", "lewati", "menu" are no names
      if (!name) {
        out.say(t("name.invalid"));
        return undefined;
      }
      const next = { ...set({ proposerName: name }), name };
      if (state.residentId) out.do({ type: "setName", residentId: state.residentId, name });
      return next;
    }
  }
}

/** At least one word of letters: "2" or "?" answers no question about a problem or an activity. */
function hasWords(text: string): boolean {
  return /\p{L}{3,}/u.test(text);
}

/** Words that describe something the kamus can place, not just a (misspelt) desa name. */
function describesProblem(text: string, ctx: TurnContext): boolean {
  return meaningful(text) && ctx.matcher.match(text, { top: 1 }).matches.length > 0;
}

function answerVillage(text: string, state: FormState, ctx: TurnContext, out: Out): Answer {
  const t = ctx.texts;
  const draft = state.draft;
  if (state.villageChoices?.length) {
    const candidates = state.villageChoices.map((c) => ctx.regions.byCode(c)).filter((v) => !!v);
    const picked = ctx.regions.pickDistrict(candidates, text);
    if (picked) {
      out.say(t("village.found", { village: picked.name, district: picked.districtName }));
      return {
        ...state,
        villageChoices: undefined,
        villageAsk: undefined,
        draft: { ...draft, villageCode: picked.code },
      };
    }
  }
  const found = ctx.regions.searchAnswer(text);
  // Not written exactly: "Maksud Bapak/Ibu Desa X, Kec. Y?" with the closest names as options.
  if (found.kind === "found" && found.exact === false && !state.villageChoices?.length) {
    const choices = [found.village, ...(found.alternatives ?? [])].map((v) => v.code);
    // "got mampet di RT 2 desa sukadamy, ...": the rest of the answer fills the form meanwhile.
    const d = !draft.problem && describesProblem(text, ctx) ? extractNeeds(draft, text, ctx) : { ...draft };
    const { rt, rw } = parseRtRw(text);
    d.rt ??= rt;
    d.rw ??= rw;
    delete d.villageCandidates;
    delete d.villageCode;
    return { ...state, villageChoices: choices, villageAsk: "confirm", draft: d };
  }
  if (found.kind === "found") {
    out.say(t("village.found", { village: found.village.name, district: found.village.districtName }));
    const d = { ...draft, villageCode: found.village.code };
    // "got mampet di RT 2 desa Sukadami, minta dinormalisasi": the rest of the answer fills the form too. The
    // names of the place are not a problem ("Cibatu" is a desa, not a request for batu ampyang).
    if (!d.problem && describesProblem(learnablePhrase(text, found.village), ctx)) {
      const filled = extractNeeds(d, text, ctx);
      sayLaterNeeds(filled, ctx, out);
      return { ...state, villageChoices: undefined, draft: filled };
    }
    const { rt, rw } = parseRtRw(text);
    if (rt && !d.rt) d.rt = rt;
    if (rw && !d.rw) d.rw = rw;
    return { ...state, villageChoices: undefined, draft: d };
  }
  if (found.kind === "ambiguous") {
    return { ...state, villageChoices: found.candidates.map((v) => v.code), villageAsk: "similar" };
  }
  // A kecamatan instead of a desa: offer its desa.
  const inDistrict = ctx.regions.villagesOfDistrict(text);
  if (inDistrict?.length) return { ...state, villageChoices: inDistrict.map((v) => v.code), villageAsk: "similar" };
  // The resident described the problem instead of naming the desa (even in one word the kamus knows,
  // "banjir"): keep it, then ask the desa again.
  if (!draft.problem && hasWords(text) && ctx.matcher.match(text, { top: 1 }).matches.length > 0) {
    out.say(t("village.problem_noted"));
    const d = extractNeeds(draft, text, ctx, { isProblem: true });
    sayLaterNeeds(d, ctx, out);
    return { ...state, villageChoices: undefined, draft: d };
  }
  out.say(t("village.not_found", { text: clip(text.trim(), 40) }));
  return undefined;
}

/** "Which need first?": a number, or words of one of them; a new description is read as the problem. */
function answerNeedChoice(
  text: string,
  command: Command,
  options: string[],
  state: FormState,
  ctx: TurnContext,
  out: Out,
): Answer {
  const index = command.kind === "number" ? command.value - 1 : pickNeed(text, options);
  let draft: Draft | undefined;
  if (index !== undefined && index >= 0 && index < options.length)
    draft = chooseNeed(state.draft, options, index, options[index]!, ctx.regions);
  else if (command.kind === "none" && meaningful(text) && describesProblem(text, ctx))
    draft = extractNeeds({ ...state.draft, needOptions: undefined }, text, ctx, { isProblem: true });
  if (!draft) return undefined;
  sayLaterNeeds(draft, ctx, out);
  return { ...state, draft };
}

function answerKamus(text: string, command: Command, state: FormState, ctx: TurnContext, out: Out): Answer {
  const draft = state.draft;
  const choices = state.kamusChoices ?? [];
  const noMatch = command.kind === "no_match" || (command.kind === "number" && command.value === choices.length + 1);
  if (noMatch && !draft.activity && !draft.kamusRejected) {
    // Offered from the problem alone: ask what should be done, then search again with those words.
    return { ...state, kamusChoices: undefined, draft: { ...draft, kamusRejected: true } };
  }
  if (noMatch) {
    out.say(ctx.texts("kamus.no_match_ack"));
    return { ...state, kamusChoices: undefined, draft: { ...draft, kamusNoMatch: true, kamusKode: undefined } };
  }
  if (command.kind === "number") {
    const kode = choices[command.value - 1];
    const entry = kode ? ctx.matcher.entry(kode) : undefined;
    if (!entry) return undefined;
    out.say(ctx.texts("kamus.chosen", { nama: entry.nama }));
    const village = draft.villageCode ? ctx.regions.byCode(draft.villageCode) : undefined;
    const phrase = learnablePhrase(draft.activity ?? draft.problem ?? "", village);
    if (hasWords(phrase)) out.do({ type: "learnPhrase", kode: entry.kode, phrase });
    const d: Draft = { ...draft, kamusKode: entry.kode, kamusNoMatch: undefined };
    // Another entry: a size left to the officer is asked again in its unit (or holds, said in that unit).
    delete d.volumeByOfficer;
    // A volume given for another unit no longer holds.
    if (d.volume !== undefined && d.unit && canonicalUnit(entry.unit) && d.unit !== canonicalUnit(entry.unit)) {
      delete d.volume;
      delete d.unit;
    }
    return { ...state, kamusChoices: undefined, draft: d };
  }
  // Free words: the resident describes it differently; search again with them.
  const found = ctx.matcher.match(`${text} ${draft.activity ?? ""}`, { top: 3 }).matches;
  if (found.length) return { ...state, kamusChoices: found.map((m) => m.entry.kode) };
  return undefined;
}

/** "nama saya Budi Santoso" → "Budi Santoso"; undefined when it does not look like a name. */
export function cleanName(text: string): string | undefined {
  const s = text
    .replace(/^(nama\s*(saya|sy|aku)?\s*(adalah)?|saya|sy|aku)\s*[:,-]?\s*/i, "")
    .replace(/[^\p{L}\s.'-]/gu, "")
    .replace(/\s+/g, " ")
    .trim();
  if (s.length < 2 || s.length > 80) return undefined;
  return s
    .split(" ")
    .map((w) => (w.length > 1 ? w[0]!.toUpperCase() + w.slice(1) : w.toUpperCase()))
    .join(" ");
}

/** A location pin answers the location slot at any time in the form. */
export function answerPin(inbound: InboundMessage, state: FormState, ctx: TurnContext, out: Out): FormState {
  const loc = inbound.location;
  if (!loc) return state;
  out.say(ctx.texts("location.pin"));
  return { ...state, draft: { ...state.draft, latitude: loc.latitude, longitude: loc.longitude } };
}
