// One short question per slot, with numbered options where the answer is a choice.
import type { KamusDoc } from "../kamus/types.ts";
import type { TurnContext } from "./context.ts";
import { numbered, type Out } from "./out.ts";
import { shortTitle } from "../texts/short-title.ts";
import type { FormState, Slot } from "./state.ts";
import { canonicalUnit } from "./units.ts";

/** An example answer for a unit: "panjang 100 lebar 3" for m², "200 meter" for m, "5 titik" otherwise. */
export function volumeExample(unit: string | null | undefined): string {
  const id = canonicalUnit(unit);
  if (id === "m2") return "panjang 100 lebar 3";
  if (id === "m") return "200 meter";
  if (!id) return "200 meter";
  return `5 ${unit?.split("/")[0] ?? id}`;
}

/** How an entry is offered: "Rabat Beton (Dinas PUPR, satuan m²)". */
export function kamusLabel(entry: KamusDoc, ctx: TurnContext): string {
  return ctx.texts("kamus.option", {
    nama: entry.nama,
    agency: entry.agency ?? "-",
    unit: entry.unit ?? "-",
  });
}

/** Says the question for `slot`; for the kamus and ambiguous desa the choices come from the state. */
export function sayQuestion(slot: Slot, state: FormState, ctx: TurnContext, out: Out): void {
  const t = ctx.texts;
  const draft = state.draft;
  switch (slot) {
    case "village": {
      const choices = (state.villageChoices ?? []).map((c) => ctx.regions.byCode(c)).filter((v) => !!v);
      if (choices.length && state.villageAsk === "confirm") {
        out.say(
          t("ask.village_confirm", { village: choices[0]!.name, district: choices[0]!.districtName }),
          numbered(choices.map((v) => `${v.name}, Kec. ${v.districtName}`)),
        );
      } else if (choices.length && state.villageAsk === "closest") {
        out.say(t("ask.village_closest"), numbered(choices.map((v) => `${v.name}, Kec. ${v.districtName}`)));
      } else if (choices.length) {
        const oneDistrict = choices.every((v) => v.districtCode === choices[0]!.districtCode);
        out.say(
          oneDistrict
            ? t("ask.village_in_district", { district: choices[0]!.districtName })
            : t("ask.district", { name: choices[0]!.name }),
          numbered(choices.map((v) => `${v.name}, Kec. ${v.districtName}`)),
        );
      } else out.say(t("ask.village"));
      return;
    }
    case "kamus": {
      const entries = (state.kamusChoices ?? []).map((k) => ctx.matcher.entry(k)).filter((e) => !!e);
      out.say(t("ask.kamus"), numbered([...entries.map((e) => kamusLabel(e, ctx)), t("kamus.option_none")]));
      return;
    }
    case "volume": {
      const entry = draft?.kamusKode ? ctx.matcher.entry(draft.kamusKode) : undefined;
      if (entry?.unit) out.say(t("ask.volume", { unit: entry.unit, example: volumeExample(entry.unit) }));
      else out.say(t("ask.volume_free"));
      return;
    }
    case "problem":
      if (draft.needOptions?.length) out.say(t("ask.which_need"), numbered(draft.needOptions.map(shortTitle)));
      else out.say(t("ask.problem"));
      return;
    default:
      out.say(t(`ask.${slot}`));
  }
}
