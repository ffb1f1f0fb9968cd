// The volume question when the size does not fit the entry's unit ("60 m2" for an entry counted in titik): the
// first time it is explained, from the second time in a row the resident also gets ways out as options, so the
// same explanation never repeats without one: write it in the entry's unit, choose another kamus entry, or
// leave the size to the officer (what was said is kept for them).
import { advance, explainVolume } from "../advance.ts";
import type { TurnContext } from "../context.ts";
import { numbered, type Out } from "../out.ts";
import { parseRtRw } from "../place.ts";
import { sayQuestion, volumeExample } from "../questions.ts";
import { clearSlot } from "../slots.ts";
import type { Draft, FormState } from "../state.ts";
import { canonicalUnit, NOT_VOLUME, unitLabel } from "../units.ts";
import { parseQuantity, resolveVolume, type Quantity } from "../volume.ts";
import type { Input, Next } from "./input.ts";

/** The ways out, in the order offered. */
const WAYS = ["again", "other_entry", "officer"] as const;

/** Handles the answer when it is a mismatched size or picks a way out; undefined: an ordinary answer. */
export function volumeStep(s: FormState, input: Input, ctx: TurnContext, out: Out): Next | undefined {
  const t = ctx.texts;
  const { command, text } = input;
  const entry = s.draft.kamusKode ? ctx.matcher.entry(s.draft.kamusKode) : undefined;
  const way = s.volumeWays && command.kind === "number" ? WAYS[command.value - 1] : undefined;
  if (way) {
    const rest: FormState = { ...s, volumeWays: undefined, volumeMisses: undefined, volumeSaid: undefined };
    if (way === "again") {
      sayQuestion("volume", rest, ctx, out);
      return rest;
    }
    if (way === "other_entry")
      return advance(
        { ...rest, kamusChoices: undefined, draft: clearSlot(clearSlot(s.draft, "kamus"), "volume") },
        ctx,
        out,
      );
    out.say(t("volume.by_officer"));
    const draft: Draft = { ...s.draft, volumeByOfficer: true, volume: s.volumeSaid?.volume, unit: s.volumeSaid?.unit };
    return advance({ ...rest, draft }, ctx, out);
  }
  const q = parseQuantity(parseRtRw(text).rest);
  const fit = q ? resolveVolume(q, canonicalUnit(entry?.unit)) : undefined;
  if (!q || !fit || fit.ok || (fit.reason !== "unit_mismatch" && fit.reason !== "not_a_volume")) return undefined;
  explainVolume(fit, entry?.unit, ctx, out);
  const misses = (s.volumeMisses ?? 0) + 1;
  if (misses < 2) return { ...s, volumeMisses: misses };
  const wanted = entry?.unit ?? unitLabel(fit.reason === "unit_mismatch" ? fit.wanted : fit.given);
  out.say(
    t("volume.ways", { wanted }),
    numbered([
      t("volume.way_again", { wanted, example: volumeExample(entry?.unit) }),
      t("volume.way_other_entry"),
      t("volume.way_officer"),
    ]),
  );
  return { ...s, volumeMisses: misses, volumeWays: true, volumeSaid: asSaid(q) };
}

/** A size as the resident said it, for the officer; households or years are no size and are not kept. */
function asSaid(q: Quantity): FormState["volumeSaid"] {
  if (q.kind === "area") return { volume: Math.round(q.length * q.width * 100) / 100, unit: "m2" };
  if (q.unit !== undefined && NOT_VOLUME.has(q.unit)) return undefined;
  return { volume: q.value, unit: q.unit };
}
