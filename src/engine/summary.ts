// The summary shown before sending: numbered items (UBAH n), the estimated cost, and YA / UBAH / BATAL.
import type { TurnContext } from "./context.ts";
import { confirmOptions, type Out } from "./out.ts";
import { SUMMARY_ITEMS } from "./slots.ts";
import type { Draft, Slot } from "./state.ts";
import { formatNumber, rupiah } from "../texts/number-format.ts";
import { canonicalUnit, unitLabel } from "./units.ts";

/** Where the proposal is, in words: "RT 03/RW 05, Gang Melati (titik peta)". */
export function placeText(d: Draft): string {
  const parts: string[] = [];
  if (d.rt || d.rw) parts.push(`RT ${d.rt ?? "-"}/RW ${d.rw ?? "-"}`);
  if (d.address) parts.push(d.address);
  if (d.latitude !== undefined && d.longitude !== undefined) {
    parts.push(`titik peta ${d.latitude.toFixed(5)}, ${d.longitude.toFixed(5)}`);
  }
  return parts.join(", ");
}

/** "300 m²", "5 titik". */
export function volumeText(d: Draft, ctx: TurnContext): string | undefined {
  if (d.volume === undefined) return undefined;
  const entry = d.kamusKode ? ctx.matcher.entry(d.kamusKode) : undefined;
  // Left to the officer: the resident's own unit, which the entry does not use.
  const unit = (d.volumeByOfficer ? undefined : entry?.unit) ?? (d.unit ? unitLabel(d.unit) : "");
  return `${formatNumber(d.volume)} ${unit}`.trim();
}

/** volume × harga satuan, when the entry has a price. */
export function estimatedCost(d: Draft, ctx: TurnContext): number | undefined {
  const entry = d.kamusKode ? ctx.matcher.entry(d.kamusKode) : undefined;
  if (!entry?.unitPrice || d.volume === undefined || d.volumeByOfficer) return undefined;
  return Math.round(d.volume * entry.unitPrice);
}

function itemValue(slot: Slot, d: Draft, ctx: TurnContext): string {
  const t = ctx.texts;
  switch (slot) {
    case "village": {
      const v = d.villageCode ? ctx.regions.byCode(d.villageCode) : undefined;
      return v ? `${v.name}, Kec. ${v.districtName}` : "";
    }
    case "location":
      return placeText(d);
    case "problem":
      return d.problem ?? "";
    case "activity":
      // One rich first message is both: show it once.
      if (d.activity && d.activity === d.problem)
        return t("summary.same_as_problem", { n: SUMMARY_ITEMS.indexOf("problem") + 1 });
      // Not asked when the kamus entry was found from the problem: the entry names it.
      return d.activity ?? (d.kamusKode ? t("summary.same_as_kamus", { n: SUMMARY_ITEMS.indexOf("kamus") + 1 }) : "");
    case "kamus": {
      const e = d.kamusKode ? ctx.matcher.entry(d.kamusKode) : undefined;
      return e ? `${e.nama} (${e.agency ?? "-"})` : d.kamusNoMatch ? t("summary.no_match") : "";
    }
    case "volume": {
      const said = volumeText(d, ctx);
      if (!d.volumeByOfficer) return said ?? "";
      return said ? t("summary.volume_by_officer_said", { said }) : t("summary.volume_by_officer");
    }
    case "beneficiaries":
      if (d.beneficiaries === null) return t("summary.unknown");
      if (d.beneficiaries === undefined) return "";
      // As the resident said it: "45 KK (± 180 jiwa)".
      if (d.households !== undefined)
        return t("summary.households", {
          households: formatNumber(d.households),
          people: formatNumber(d.beneficiaries),
        });
      return t("summary.people", { people: formatNumber(d.beneficiaries) });
    case "photo":
      return d.photos.length ? t("summary.photo_count", { count: d.photos.length }) : t("summary.no_photo_invite");
    case "name":
      return d.proposerName ?? "";
  }
}

/** Shows the summary and asks YA / UBAH n / BATAL. */
export function summarize(d: Draft, ctx: TurnContext, out: Out): void {
  const t = ctx.texts;
  const lines = [t("summary.title")];
  SUMMARY_ITEMS.forEach((slot, i) => {
    const value = itemValue(slot, d, ctx) || t("summary.empty");
    lines.push(`${i + 1}. ${t(`summary.${slot}`, { value })}`);
  });
  const cost = estimatedCost(d, ctx);
  if (cost !== undefined) lines.push(t("summary.cost", { value: rupiah(cost) }));
  lines.push("", t("confirm.prompt"));
  out.say(lines.join("\n"), confirmOptions(t));
}

/** Whether the entry counts in an area, for hints. */
export function countsArea(unit: string | null | undefined): boolean {
  return canonicalUnit(unit) === "m2";
}
