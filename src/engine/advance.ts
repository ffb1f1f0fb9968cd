// Moves the form forward: fills what can be derived (kamus candidates, a size given earlier), offers a
// similar proposal once, then asks the next missing slot or shows the summary.
import type { TurnContext } from "./context.ts";
import { sayQuestion, volumeExample } from "./questions.ts";
import { numbered, type Out } from "./out.ts";
import { firstMissing, isFilled } from "./slots.ts";
import type { ConversationState, Draft, FormState, Slot } from "./state.ts";
import { estimatedCost, summarize, volumeText } from "./summary.ts";
import { rupiah } from "../texts/number-format.ts";
import { canonicalUnit, unitLabel } from "./units.ts";
import { resolveVolume } from "./volume.ts";

/** Top kamus candidates offered to the resident. */
export const KAMUS_TOP = 3;

/** A draft on its way through the form: the form state before the next question is chosen. */
export type Drafting = Omit<FormState, "phase" | "expecting"> & { phase?: string; expecting?: Slot };

/** Asks the next question (or shows the summary, or offers a similar proposal) and returns the new state. */
export async function advance(state: Drafting, ctx: TurnContext, out: Out): Promise<ConversationState> {
  let s: Drafting = state;
  for (let guard = 0; guard < 12; guard++) {
    const draft = s.draft;
    const slot = firstMissing(draft);

    // The first message named several needs without saying which matters most: which one first?
    if (draft.needOptions?.length) return openQuestion(s, "problem", ctx, out, false);

    // A desa named but not exactly: ask which one was meant.
    if (slot === "village" && draft.villageCandidates?.length) {
      const d: Draft = { ...draft };
      delete d.villageCandidates;
      s = { ...s, draft: d, villageChoices: draft.villageCandidates, villageAsk: "confirm" };
      return openQuestion(s, "village", ctx, out, false);
    }

    // The problem alone finds kamus entries: offer them rather than ask for the activity too.
    if (slot === "activity" && draft.problem && !draft.kamusNoMatch && !draft.kamusRejected && !s.kamusChoices) {
      const found = ctx.matcher.match(draft.problem, { top: KAMUS_TOP }).matches;
      if (found.length) {
        s = { ...s, kamusChoices: found.map((m) => m.entry.kode) };
        return openQuestion(s, "kamus", ctx, out, false);
      }
    }
    if (slot === "activity" && s.kamusChoices && !draft.kamusNoMatch && !draft.kamusRejected)
      return openQuestion(s, "kamus", ctx, out, false);

    // The participants of a training are the people it serves.
    if (slot === "beneficiaries" && draft.volume !== undefined && canonicalUnit(entryUnit(draft, ctx)) === "orang") {
      s = { ...s, draft: { ...draft, beneficiaries: draft.volume } };
      continue;
    }

    if (slot === "kamus" && !s.kamusChoices) {
      const text =
        draft.activity && draft.activity !== draft.problem
          ? `${draft.problem ?? ""}. ${draft.activity}`
          : (draft.problem ?? draft.activity ?? "");
      const found = ctx.matcher.match(text, { top: KAMUS_TOP }).matches;
      if (found.length === 0) {
        out.say(ctx.texts("kamus.none_found"));
        s = { ...s, draft: { ...draft, kamusNoMatch: true } };
        continue;
      }
      s = { ...s, kamusChoices: found.map((m) => m.entry.kode) };
    }

    if (slot === "volume" && draft.quantity) {
      const entry = draft.kamusKode ? ctx.matcher.entry(draft.kamusKode) : undefined;
      const wanted = canonicalUnit(entry?.unit);
      const fit = resolveVolume(draft.quantity, wanted);
      const rest: Draft = { ...draft };
      delete rest.quantity;
      if (fit.ok) {
        const d: Draft = { ...rest, volume: fit.volume, unit: fit.unit };
        s = { ...s, draft: d };
        sayVolume(d, ctx, out);
        continue;
      }
      s = { ...s, draft: rest };
      explainVolume(fit, entry?.unit, ctx, out);
      return openQuestion(s, "volume", ctx, out, true);
    }

    const residentId = s.residentId;
    if (!draft.similarChecked && draft.villageCode && draft.kamusKode && isFilled(draft, "location") && residentId) {
      s = { ...s, draft: { ...draft, similarChecked: true } };
      const similar = await ctx.lookups.findSimilar({
        villageCode: draft.villageCode,
        kamusKode: draft.kamusKode,
        rt: draft.rt,
        rw: draft.rw,
        latitude: draft.latitude,
        longitude: draft.longitude,
        text: [draft.problem, draft.activity, draft.address].filter(Boolean).join(" "),
        excludeResidentId: residentId,
      });
      if (similar) {
        out.say(
          ctx.texts("support.offer", {
            code: similar.code,
            title: similar.title,
            place: [
              similar.rt || similar.rw ? `RT ${similar.rt ?? "-"}/RW ${similar.rw ?? "-"}` : "",
              similar.villageName,
            ]
              .filter(Boolean)
              .join(", "),
            supporters: similar.supporters,
          }),
          numbered([ctx.texts("support.option_yes", { code: similar.code }), ctx.texts("support.option_no")]),
        );
        return { ...base(s), phase: "support", draft: s.draft, history: s.history, similarCode: similar.code };
      }
      continue;
    }

    if (!slot) {
      summarize(s.draft, ctx, out);
      return { ...base(s), phase: "confirm", draft: s.draft, history: s.history };
    }
    return openQuestion(s, slot, ctx, out, false);
  }
  throw new Error("advance: the form did not settle (a slot keeps reopening)");
}

function entryUnit(d: Draft, ctx: TurnContext): string | undefined {
  return (d.kamusKode ? ctx.matcher.entry(d.kamusKode)?.unit : undefined) ?? undefined;
}

/** The fields every phase keeps, from a drafting state. */
function base(s: Drafting) {
  return {
    version: 3 as const,
    residentId: s.residentId,
    name: s.name,
    optedOut: s.optedOut,
    prefillVillage: s.prefillVillage,
    lastActivityAt: s.lastActivityAt,
  };
}

/**
 * Makes `slot` the open question: records it (for `kembali`) and asks it, unless `explained` (the volume
 * question was just explained with an example).
 */
export function openQuestion(s: Drafting, slot: Slot, ctx: TurnContext, out: Out, explained: boolean): FormState {
  const history = s.history.at(-1) === slot ? s.history : [...s.history, slot];
  const next: FormState = {
    ...base(s),
    phase: "form",
    draft: s.draft,
    expecting: slot,
    history,
    villageChoices: slot === "village" ? s.villageChoices : undefined,
    villageAsk: slot === "village" ? s.villageAsk : undefined,
    villageMisses: slot === "village" ? s.villageMisses : undefined,
    volumeMisses: slot === "volume" ? s.volumeMisses : undefined,
    volumeWays: slot === "volume" ? s.volumeWays : undefined,
    volumeSaid: slot === "volume" ? s.volumeSaid : undefined,
    kamusChoices: s.kamusChoices,
  };
  if (!explained || slot !== "volume") sayQuestion(slot, next, ctx, out);
  return next;
}

/** "Volume: 300 m². Perkiraan biaya: Rp 105.000.000." */
export function sayVolume(d: Draft, ctx: TurnContext, out: Out): void {
  const volume = volumeText(d, ctx) ?? "";
  const cost = estimatedCost(d, ctx);
  out.say(
    cost !== undefined ? ctx.texts("volume.cost", { volume, cost: rupiah(cost) }) : ctx.texts("volume.ok", { volume }),
  );
}

/** Says why a size does not fit the entry's unit, with an example of what does. */
export function explainVolume(
  fit: Exclude<ReturnType<typeof resolveVolume>, { ok: true }>,
  entryUnit: string | null | undefined,
  ctx: TurnContext,
  out: Out,
): void {
  const example = volumeExample(entryUnit);
  if (fit.reason === "need_width") out.say(ctx.texts("volume.need_width"));
  else if (fit.reason === "unit_mismatch") {
    out.say(
      ctx.texts("volume.unit_mismatch", {
        wanted: entryUnit ?? unitLabel(fit.wanted),
        given: unitLabel(fit.given),
        example,
      }),
    );
  } else if (fit.reason === "not_a_volume")
    out.say(ctx.texts("volume.not_a_volume", { given: unitLabel(fit.given), example }));
  else out.say(ctx.texts("volume.invalid", { example }));
}
