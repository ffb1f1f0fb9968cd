// What of a proposal the public may read beyond kamus entry, volume and place: an officer-approved wording of
// the problem (residents' own words often name people and houses) and, separately, the exact pin. The
// dashboard's proposal page calls these after its own area check; nothing here is public until approved.
import { Refusal } from "../refusal.ts";
import type { Db } from "../store/client.ts";
import type { PublicTexts } from "../texts/public-texts.ts";

/** Longest public wording, in characters. */
export const maxPublicWording = 1000;

export interface PublicWordingDesk {
  db: Db;
  texts: PublicTexts;
}

/** What the officer's form shows: the approved wording, else the resident's text as a starting point. */
export interface PublicWordingForm {
  code: string;
  /** Pre-filled text: the approved wording, or the resident's problem with phone numbers masked. */
  draft: string;
  approved: { wording: string; by: string | null; at: Date | null } | null;
  publishLocation: boolean;
  hasLocation: boolean;
}

/** Phone numbers (08..., +62..., 62...) are masked in the pre-filled draft; the officer edits the rest. */
export function maskPhoneNumbers(text: string): string {
  return text.replace(/(?:\+?62|0)[\s.-]?8[\d\s.-]{7,14}\d/g, "…");
}

/** The form's values for proposal `code`. */
export async function publicWordingForm({ db, texts }: PublicWordingDesk, code: string): Promise<PublicWordingForm> {
  const p = await db.proposal.findUnique({
    where: { code },
    select: {
      code: true,
      problem: true,
      publicProblem: true,
      publicProblemBy: true,
      publicProblemAt: true,
      publishLocation: true,
      latitude: true,
    },
  });
  if (!p) throw new Refusal(404, texts("wording.not_found", { code }));
  return {
    code: p.code,
    draft: p.publicProblem ?? maskPhoneNumbers(p.problem),
    approved: p.publicProblem ? { wording: p.publicProblem, by: p.publicProblemBy, at: p.publicProblemAt } : null,
    publishLocation: p.publishLocation,
    hasLocation: p.latitude !== null,
  };
}

/**
 * Approves `wording` as the public description of proposal `code`, recording who and when; it then shows on
 * /desa, /usulan and Open311. Returns the message for the officer.
 */
export async function approvePublicWording(
  { db, texts }: PublicWordingDesk,
  change: { code: string; wording: string; officer: string; now?: Date },
): Promise<string> {
  const wording = change.wording.replace(/\s+/g, " ").trim();
  if (!wording) throw new Refusal(400, texts("wording.empty"));
  if (wording.length > maxPublicWording) throw new Refusal(400, texts("wording.too_long", { max: maxPublicWording }));
  const { count } = await db.proposal.updateMany({
    where: { code: change.code },
    data: { publicProblem: wording, publicProblemBy: change.officer, publicProblemAt: change.now ?? new Date() },
  });
  if (!count) throw new Refusal(404, texts("wording.not_found", { code: change.code }));
  return texts("wording.approved");
}

/** Takes the public wording back: public pages return to kamus entry, volume and place. */
export async function withdrawPublicWording({ db, texts }: PublicWordingDesk, code: string): Promise<string> {
  const { count } = await db.proposal.updateMany({
    where: { code },
    data: { publicProblem: null, publicProblemBy: null, publicProblemAt: null },
  });
  if (!count) throw new Refusal(404, texts("wording.not_found", { code }));
  return texts("wording.withdrawn");
}

/** Shows (or hides again) the exact pin of proposal `code` on public pages and in Open311. */
export async function setPublishLocation(
  { db, texts }: PublicWordingDesk,
  change: { code: string; publish: boolean },
): Promise<string> {
  const { count } = await db.proposal.updateMany({
    where: { code: change.code },
    data: { publishLocation: change.publish },
  });
  if (!count) throw new Refusal(404, texts("wording.not_found", { code: change.code }));
  return texts(change.publish ? "pin.published" : "pin.hidden");
}
