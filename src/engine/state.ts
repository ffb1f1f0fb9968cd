// The conversation state: a plain, versioned JSON value, stored per (channel, chat) and upgraded on read.
import { z } from "zod";

/** The form's slots, in the order they are asked; also the web chat's `expecting` values. */
export const SLOTS = [
  "village",
  "problem",
  "activity",
  "kamus",
  "location",
  "volume",
  "beneficiaries",
  "photo",
  "name",
] as const;
export type Slot = (typeof SLOTS)[number];

const Quantity = z.union([
  z.object({ kind: z.literal("amount"), value: z.number(), unit: z.string().optional() }),
  z.object({ kind: z.literal("area"), length: z.number(), width: z.number() }),
]);

/** A photo kept for the draft; the bytes are on disk under its sha256. */
const PhotoRef = z.object({
  sha256: z.string(),
  mimeType: z.string(),
  size: z.number(),
  fileName: z.string().optional(),
});
export type PhotoRef = z.infer<typeof PhotoRef>;

/**
 * A proposal being written, e.g.
 * `{ "villageCode": "3216010001", "rt": "03", "rw": "05", "problem": "jalan rusak", "kamusKode": "MLG23-064", "volume": 300, "unit": "m2" }`.
 */
export const Draft = z.object({
  villageCode: z.string().optional(),
  rt: z.string().optional(),
  rw: z.string().optional(),
  address: z.string().optional(),
  latitude: z.number().optional(),
  longitude: z.number().optional(),
  problem: z.string().optional(),
  activity: z.string().optional(),
  kamusKode: z.string().optional(),
  kamusNoMatch: z.boolean().optional(),
  /** What the resident said about size before the kamus entry (and so the unit) was known. */
  quantity: Quantity.optional(),
  volume: z.number().optional(),
  unit: z.string().optional(),
  /** null: the resident does not know. */
  beneficiaries: z.number().nullable().optional(),
  photos: z.array(PhotoRef).default([]),
  photoDone: z.boolean().optional(),
  proposerName: z.string().optional(),
  /** The similar-proposal check ran (offered once per draft). */
  similarChecked: z.boolean().optional(),
  startedAt: z.string(),
});
export type Draft = z.infer<typeof Draft>;

export const PHASES = ["consent", "refused", "idle", "form", "confirm", "support", "erase", "resume"] as const;
export type Phase = (typeof PHASES)[number];

/** The current state (version 2). */
export const ConversationState = z.object({
  version: z.literal(2),
  phase: z.enum(PHASES),
  /** Set once the resident consented; the Resident row's id. */
  residentId: z.string().optional(),
  /** The proposer name, remembered for the next proposal. */
  name: z.string().optional(),
  /** The resident said BERHENTI: no status news until they write again. */
  optedOut: z.boolean().optional(),
  /** A desa known before the form starts (Telegram group deep link). */
  prefillVillage: z.string().optional(),
  draft: Draft.optional(),
  /** The slot the last question asked for (phase "form"). */
  expecting: z.enum(SLOTS).optional(),
  /** Slots asked so far, for `kembali`. */
  history: z.array(z.enum(SLOTS)).default([]),
  /** UBAH n: after this slot is answered, go back to the summary. */
  editing: z.boolean().optional(),
  /** Desa candidates while asking the kecamatan. */
  villageChoices: z.array(z.string()).optional(),
  /** Kamus kodes offered as options 1..n. */
  kamusChoices: z.array(z.string()).optional(),
  /** The similar proposal offered for support. */
  supportCode: z.string().optional(),
  /** Where to return after a cancelled `hapus data saya`. */
  returnPhase: z.enum(PHASES).optional(),
  lastActivityAt: z.string().optional(),
});
export type ConversationState = z.infer<typeof ConversationState>;

/** A brand-new conversation: consent comes first. */
export function initialState(): ConversationState {
  return { version: 2, phase: "consent", history: [] };
}

/** Version 1 (first prototype): `{ version: 1, step, consented, residentId?, draft? }`. */
const StateV1 = z.object({
  version: z.literal(1),
  step: z.string(),
  consented: z.boolean(),
  residentId: z.string().optional(),
  name: z.string().optional(),
  draft: z.record(z.string(), z.unknown()).optional(),
});

/**
 * Reads any stored version and returns the current one; an unreadable value starts afresh rather than
 * breaking the conversation (the resident is asked for consent again; nothing else is lost in the database).
 */
export function upgradeState(raw: unknown): ConversationState {
  const current = ConversationState.safeParse(raw);
  if (current.success) return current.data;
  const v1 = StateV1.safeParse(raw);
  if (v1.success) {
    const old = v1.data;
    const draft = Draft.safeParse({ startedAt: new Date(0).toISOString(), ...(old.draft ?? {}) });
    const base: ConversationState = {
      version: 2,
      phase: old.consented ? "idle" : "consent",
      residentId: old.consented ? old.residentId : undefined,
      name: old.name,
      history: [],
    };
    if (old.consented && draft.success && old.step !== "done") return { ...base, phase: "resume", draft: draft.data };
    return base;
  }
  return initialState();
}

/** Parses the stored JSON text of a conversation (see upgradeState). */
export function readState(json: string | null | undefined): ConversationState {
  if (!json) return initialState();
  try {
    return upgradeState(JSON.parse(json));
  } catch {
    return initialState();
  }
}
