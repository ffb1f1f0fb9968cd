// The conversation state: a plain, versioned JSON value, stored per (channel, chat) and upgraded on read.
// It is shaped by phase (a discriminated union): each phase carries exactly what it needs, so leaving a
// phase leaves its fields behind and nothing has to be cleared by hand.
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

/** Most photos kept per proposal. */
export const MAX_PHOTOS = 5;

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
  /** The entries found from the problem alone did not fit: the activity is asked and the kamus searched again. */
  kamusRejected: z.boolean().optional(),
  /** What the resident said about size before the kamus entry (and so the unit) was known. */
  quantity: Quantity.optional(),
  volume: z.number().optional(),
  unit: z.string().optional(),
  /** The resident left the size to the officer (their words, if a size, are in `volume`/`unit` as said). */
  volumeByOfficer: z.boolean().optional(),
  /** null: the resident does not know. */
  beneficiaries: z.number().nullable().optional(),
  /** Households as the resident said them ("45 KK"), shown beside the people they make. */
  households: z.number().optional(),
  photos: z.array(PhotoRef).default([]),
  photoDone: z.boolean().optional(),
  /** UBAH 8 / KEMBALI to the photo: ask for it (otherwise the summary invites a photo, no question of its own). */
  photoWanted: z.boolean().optional(),
  proposerName: z.string().optional(),
  /** A desa named in a message but not exactly: offered as "Maksud Bapak/Ibu ...?" before it is taken. */
  villageCandidates: z.array(z.string()).optional(),
  /** The first message named several needs without saying which matters most: asked, these as options 1..n. */
  needOptions: z.array(z.string()).optional(),
  /** Other needs named with this one ("... dan lampunya mati"): offered as the next proposal once this is stored. */
  laterNeeds: z.array(z.string()).optional(),
  /** The similar-proposal check ran (offered once per draft). */
  similarChecked: z.boolean().optional(),
  startedAt: z.string(),
});
export type Draft = z.infer<typeof Draft>;

/** What every phase keeps. */
const Common = {
  version: z.literal(3),
  /** Set once the resident consented; the Resident row's id. */
  residentId: z.string().optional(),
  /** The proposer name, remembered for the next proposal. */
  name: z.string().optional(),
  /** The resident said BERHENTI: no status news until they write again. */
  optedOut: z.boolean().optional(),
  /** A desa known before the form starts (Telegram group deep link). */
  prefillVillage: z.string().optional(),
  lastActivityAt: z.string().optional(),
};

/**
 * Asking for consent. `asked` is set once the question was shown (only then is "1" or "YA" an answer to it);
 * `pending` is the message sent before consent, kept only here until the answer.
 */
const Consent = z.object({
  ...Common,
  phase: z.literal("consent"),
  asked: z.literal(true).optional(),
  pending: z.string().optional(),
});
/** Said no to consent: nothing is kept. */
const Refused = z.object({ ...Common, phase: z.literal("refused") });
/**
 * A need named with the proposal just stored, offered to start now with what was already said (desa, RT/RW,
 * name), e.g. `{ "problem": "lampunya mati", "later": [], "seed": { "villageCode": "3216010001", "rt": "02" } }`.
 */
const NextNeed = z.object({
  problem: z.string(),
  later: z.array(z.string()).default([]),
  seed: Draft.pick({ villageCode: true, rt: true, rw: true, proposerName: true }),
});
export type NextNeed = z.infer<typeof NextNeed>;
/** At the menu; `draft` is an unfinished proposal the menu offers to continue, `nextNeed` a need offered next. */
const Idle = z.object({
  ...Common,
  phase: z.literal("idle"),
  draft: Draft.optional(),
  nextNeed: NextNeed.optional(),
  /** The proposal the last message stored: a photo sent next is offered to it (one message only). */
  justStored: z.string().optional(),
});
/** Filling the form: the question asked last, the slots asked so far (for `kembali`), the options shown. */
const Form = z.object({
  ...Common,
  phase: z.literal("form"),
  draft: Draft,
  expecting: z.enum(SLOTS),
  history: z.array(z.enum(SLOTS)).default([]),
  /** Desa offered as options 1..n (similar names, or the desa of a kecamatan). */
  villageChoices: z.array(z.string()).optional(),
  /** How the desa options were offered: similar names (ask the kecamatan), a name not written exactly
   * ("Maksud Bapak/Ibu ...?"), or the closest names after the question went unanswered twice. */
  villageAsk: z.enum(["similar", "confirm", "closest"]).optional(),
  /** Answers to the desa question that did not settle it, in a row. */
  villageMisses: z.number().optional(),
  /** Kamus kodes offered as options 1..n. */
  kamusChoices: z.array(z.string()).optional(),
  /** Sizes in a unit the entry does not use, in a row; from the second the ways out are offered (`volumeWays`). */
  volumeMisses: z.number().optional(),
  volumeWays: z.boolean().optional(),
  /** The last such size as said, kept if the resident leaves the size to the officer. */
  volumeSaid: z.object({ volume: z.number(), unit: z.string().optional() }).optional(),
});
/** The summary is shown: YA / UBAH n / BATAL. */
const Confirm = z.object({
  ...Common,
  phase: z.literal("confirm"),
  draft: Draft,
  history: z.array(z.enum(SLOTS)).default([]),
});
/** A similar proposal was found and offered for support instead. */
const Support = z.object({
  ...Common,
  phase: z.literal("support"),
  draft: Draft,
  history: z.array(z.enum(SLOTS)).default([]),
  similarCode: z.string(),
});

/** Phases a short detour (erase, withdraw, FOTO) returns to. */
const Resumable = z.discriminatedUnion("phase", [Consent, Refused, Idle, Form, Confirm, Support]);
export type Resumable = z.infer<typeof Resumable>;

/** `hapus data saya` asks first; `previous` is where a "no" returns to. */
const Erase = z.object({ ...Common, phase: z.literal("erase"), previous: Resumable });
/** `TARIK kode` asks first: the resident's own proposal `code`; `previous` is where the answer returns to. */
const Withdraw = z.object({
  ...Common,
  phase: z.literal("withdraw"),
  code: z.string(),
  title: z.string(),
  previous: Resumable,
});

/**
 * Adding a photo to the resident's own stored proposal `code`: after `FOTO kode` the next photos are added; a
 * photo sent right after storing waits in `photo` for a YA. `previous` is where any other message returns to.
 */
const Attach = z.object({
  ...Common,
  phase: z.literal("attach"),
  code: z.string(),
  title: z.string(),
  photo: PhotoRef.optional(),
  previous: Resumable,
});

/** The current state (version 3). */
export const ConversationState = z.discriminatedUnion("phase", [
  Consent,
  Refused,
  Idle,
  Form,
  Confirm,
  Support,
  Erase,
  Withdraw,
  Attach,
]);
export type ConversationState = z.infer<typeof ConversationState>;
export type Phase = ConversationState["phase"];
/** The state of one phase, e.g. `StateOf<"form">`. */
export type StateOf<P extends Phase> = Extract<ConversationState, { phase: P }>;
export type FormState = StateOf<"form">;

/** The fields every phase keeps (to carry them into another phase). */
export function common(s: ConversationState): Omit<StateOf<"refused">, "phase"> {
  return {
    version: 3,
    residentId: s.residentId,
    name: s.name,
    optedOut: s.optedOut,
    prefillVillage: s.prefillVillage,
    lastActivityAt: s.lastActivityAt,
  };
}

/** Where a detour started from `s` returns to (a detour from a detour returns to the first one's origin). */
export function resumable(s: ConversationState): Resumable {
  return s.phase === "erase" || s.phase === "withdraw" || s.phase === "attach" ? s.previous : s;
}

/** A detour's way back (erase, withdraw): the phase it came from, with what changed meanwhile in the common fields. */
export function back(s: StateOf<"erase"> | StateOf<"withdraw"> | StateOf<"attach">): ConversationState {
  return { ...s.previous, name: s.name, optedOut: s.optedOut, lastActivityAt: s.lastActivityAt };
}

/** A brand-new conversation: consent comes first. */
export function initialState(): ConversationState {
  return { version: 3, phase: "consent" };
}

/** Version 2: one flat object, phase-specific fields optional. */
const StateV2 = z.object({
  version: z.literal(2),
  phase: z.string(),
  residentId: z.string().optional(),
  name: z.string().optional(),
  optedOut: z.boolean().optional(),
  prefillVillage: z.string().optional(),
  draft: z.record(z.string(), z.unknown()).optional(),
  expecting: z.enum(SLOTS).optional(),
  history: z.array(z.enum(SLOTS)).optional(),
  villageChoices: z.array(z.string()).optional(),
  kamusChoices: z.array(z.string()).optional(),
  supportCode: z.string().optional(),
  returnPhase: z.string().optional(),
  lastActivityAt: z.string().optional(),
});

/** Version 1 (first prototype): `{ version: 1, step, consented, residentId?, draft? }`. */
const StateV1 = z.object({
  version: z.literal(1),
  step: z.string(),
  consented: z.boolean(),
  residentId: z.string().optional(),
  name: z.string().optional(),
  draft: z.record(z.string(), z.unknown()).optional(),
});

function readDraft(raw: Record<string, unknown> | undefined): Draft | undefined {
  if (!raw) return undefined;
  const d = Draft.safeParse({ startedAt: new Date(0).toISOString(), ...raw });
  return d.success ? d.data : undefined;
}

function fromV2(old: z.infer<typeof StateV2>): ConversationState {
  const base = {
    version: 3 as const,
    residentId: old.residentId,
    name: old.name,
    optedOut: old.optedOut,
    prefillVillage: old.prefillVillage,
    lastActivityAt: old.lastActivityAt,
  };
  if (!old.residentId || old.phase === "consent") return { ...base, phase: "consent", residentId: undefined };
  if (old.phase === "refused") return { ...base, phase: "refused", residentId: undefined };
  const draft = readDraft(old.draft);
  const history = old.history ?? [];
  // "erase" returns to where it came from: without its question pending, the menu is the safe place.
  const phase = old.phase === "erase" ? (old.returnPhase ?? "idle") : old.phase;
  if (draft && phase === "form" && old.expecting)
    return {
      ...base,
      phase: "form",
      draft,
      expecting: old.expecting,
      history,
      villageChoices: old.villageChoices,
      kamusChoices: old.kamusChoices,
    };
  if (draft && phase === "confirm") return { ...base, phase: "confirm", draft, history };
  if (draft && phase === "support" && old.supportCode)
    return { ...base, phase: "support", draft, history, similarCode: old.supportCode };
  // "resume" (an old draft), "idle" and anything half-formed: the menu, which offers to continue a draft.
  return { ...base, phase: "idle", draft };
}

/** States `turn` returned: typed by construction, so checking them again is skipped (the host reuses them). */
const produced = new WeakSet<object>();

/** Marks a state the engine built itself (turn's result) as needing no check when it comes back. */
export function producedState(state: ConversationState): ConversationState {
  produced.add(state);
  return state;
}

/**
 * Reads any stored version and returns the current one; an unreadable value starts afresh rather than
 * breaking the conversation (the resident is asked for consent again; nothing else is lost in the database).
 */
export function upgradeState(raw: unknown): ConversationState {
  if (typeof raw === "object" && raw !== null && produced.has(raw)) return raw as ConversationState;
  const current = ConversationState.safeParse(raw);
  if (current.success) return current.data;
  const v2 = StateV2.safeParse(raw);
  if (v2.success) return fromV2(v2.data);
  const v1 = StateV1.safeParse(raw);
  if (v1.success) {
    const old = v1.data;
    if (!old.consented) return initialState();
    const draft = old.step !== "done" ? readDraft(old.draft) : undefined;
    return { version: 3, phase: "idle", residentId: old.residentId, name: old.name, draft };
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
