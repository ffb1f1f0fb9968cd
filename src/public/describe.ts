// Words for a public proposal, shared by the pages and Open311: its place, its volume and a description that
// never uses the resident's own text unless an officer approved a public wording.
import { formatNumber } from "../texts/number-format.ts";
import type { PublicProposal } from "./data.ts";
import type { PublicTexts } from "../texts/public-texts.ts";

/** "RT 03 / RW 05", "RT 03", or "-". */
export function rtRw(p: Pick<PublicProposal, "rt" | "rw">, t: PublicTexts): string {
  if (p.rt && p.rw) return t("place.rtrw", { rt: p.rt, rw: p.rw });
  if (p.rt) return t("place.rt", { rt: p.rt });
  if (p.rw) return t("place.rw", { rw: p.rw });
  return t("place.unknown");
}

/** "RT 03 / RW 05, Sukamaju, Kec. Sukakarya" (Open311 `address`). */
export function publicAddress(p: PublicProposal, t: PublicTexts): string {
  const rw = rtRw(p, t);
  return [rw === t("place.unknown") ? null : rw, p.village.name, `Kec. ${p.district.name}`].filter(Boolean).join(", ");
}

/** "200 m" or "-". */
export function volumeText(p: Pick<PublicProposal, "volume" | "unit">): string {
  return p.volume === null ? "-" : `${formatNumber(p.volume)}${p.unit ? ` ${p.unit}` : ""}`;
}

/** The approved public wording, else "Rabat beton jalan lingkungan, 200 m di RT 03 / RW 05, Sukamaju, Kec. ...". */
export function publicDescription(p: PublicProposal, t: PublicTexts): string {
  if (p.publicProblem) return p.publicProblem;
  const place = publicAddress(p, t);
  if (!p.kamus) return t("description.no_kamus", { place });
  if (p.volume === null) return t("description.no_volume", { kamus: p.kamus.nama, place });
  return t("description", { kamus: p.kamus.nama, volume: volumeText(p), place });
}
