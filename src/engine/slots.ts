// Which slots of a draft are filled, which to ask next, and how to clear one (for `kembali` and `UBAH n`).
import type { Draft, Slot } from "./state.ts";
import { SLOTS } from "./state.ts";

/** True when the draft has an answer for the slot. */
export function isFilled(draft: Draft, slot: Slot): boolean {
  switch (slot) {
    case "village":
      return !!draft.villageCode;
    case "problem":
      return !!draft.problem;
    case "activity":
      // A kamus entry chosen from the problem alone names the activity: it is not asked.
      return !!draft.activity || !!draft.kamusKode;
    case "kamus":
      return !!draft.kamusKode || !!draft.kamusNoMatch;
    case "location":
      return (!!draft.rt && !!draft.rw) || draft.latitude !== undefined || !!draft.address;
    case "volume":
      return draft.volume !== undefined || !!draft.volumeByOfficer;
    case "beneficiaries":
      return draft.beneficiaries !== undefined;
    case "photo":
      // Not a question of its own: the summary invites a photo. Asked only when the resident goes back to it.
      return !draft.photoWanted || draft.photos.length > 0 || !!draft.photoDone;
    case "name":
      return !!draft.proposerName;
  }
}

/** The first slot without an answer, or undefined when the draft is complete. */
export function firstMissing(draft: Draft): Slot | undefined {
  return SLOTS.find((s) => !isFilled(draft, s));
}

/** The draft without the slot's answer. */
export function clearSlot(draft: Draft, slot: Slot): Draft {
  const d = { ...draft };
  switch (slot) {
    case "village":
      delete d.villageCode;
      delete d.villageCandidates;
      break;
    case "problem":
      delete d.problem;
      break;
    case "activity":
      delete d.activity;
      break;
    case "kamus":
      delete d.kamusKode;
      delete d.kamusNoMatch;
      delete d.kamusRejected;
      break;
    case "location":
      delete d.rt;
      delete d.rw;
      delete d.address;
      delete d.latitude;
      delete d.longitude;
      break;
    case "volume":
      delete d.volume;
      delete d.unit;
      delete d.quantity;
      delete d.volumeByOfficer;
      break;
    case "beneficiaries":
      delete d.beneficiaries;
      delete d.households;
      break;
    case "photo":
      d.photos = [];
      delete d.photoDone;
      d.photoWanted = true;
      break;
    case "name":
      delete d.proposerName;
      break;
  }
  return d;
}

/** The summary's numbered items, for `UBAH n`: item n changes SUMMARY_ITEMS[n - 1]. */
export const SUMMARY_ITEMS: Slot[] = [
  "village",
  "location",
  "problem",
  "activity",
  "kamus",
  "volume",
  "beneficiaries",
  "photo",
  "name",
];
