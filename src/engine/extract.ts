// Reads every slot a free message already contains: desa, RT/RW, problem, activity, size, people served.
// Used on the first message of a proposal and on answers to the problem and activity questions.
import type { RegionIndex } from "../regions/index.ts";
import { readBeneficiaries } from "./beneficiaries.ts";
import { parseRtRw } from "./place.ts";
import type { Draft } from "./state.ts";
import { parseQuantity } from "./volume.ts";

/** Words that say what should be done, so the message also names the activity. */
const ACTIVITY_WORDS =
  /\b(perbaik\w*|diperbaiki|dibenerin|benerin|bangun\w*|dibangun|pembangunan|pembuatan|dibuat|bikin|dibikin|pengaspalan|diaspal|aspal|paving|dipaving|betonisasi|dicor|cor|rabat|pengadaan|pelatihan|normalisasi|dinormalisasi|pemasangan|dipasang|pasang|rehab\w*|peningkatan|pengerukan|dikeruk|penerangan|pelebaran|dilebarkan|bantuan|pemberian|penyuluhan|pengecatan|ganti|penggantian|minta|mohon|usul\w*)\b/i;

/** Fills empty slots of `draft` from `text`; never overwrites what the resident already answered. */
export function extractInto(draft: Draft, text: string, regions: RegionIndex): Draft {
  const out: Draft = { ...draft };
  const { rt, rw, rest } = parseRtRw(text);
  if (rt && !out.rt) out.rt = rt;
  if (rw && !out.rw) out.rw = rw;
  if (!out.villageCode) {
    const found = regions.searchMention(rest);
    if (found.kind === "found") out.villageCode = found.village.code;
  }
  if (!out.quantity && out.volume === undefined) {
    const q = parseQuantity(rest, { requireUnit: true });
    if (q) out.quantity = q;
  }
  if (out.beneficiaries === undefined) {
    const people = readBeneficiaries(rest, { counted: true });
    if (people !== undefined) out.beneficiaries = people;
  }
  const clean = text.trim().replace(/\s+/g, " ");
  if (!out.problem && meaningful(clean)) out.problem = clip(clean);
  if (!out.activity && out.problem && ACTIVITY_WORDS.test(clean)) out.activity = clip(clean);
  return out;
}

/** Enough words to describe something (not just "mau usul"). */
export function meaningful(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /[a-z]{2,}/i.test(w));
  const filler =
    /^(saya|mau|ingin|usul|usulan|mengusulkan|pak|bu|min|admin|dong|ya|yg|yang|tolong|mohon|ada|buat|bikin|baru)$/i;
  return words.filter((w) => !filler.test(w)).length >= 2;
}

/** Long answers are kept but clipped to what fits a proposal field. */
export function clip(text: string, max = 500): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
