// The dialogue engine: turn(state, inbound, context) → { state, replies, effects }. No I/O of its own:
// the clock, ids, matcher, regions and database questions come in the context, so a turn is deterministic.
import { intakeState } from "../cycles/intake.ts";
import { createHash } from "node:crypto";
import type { Channel, InboundMessage } from "../messages/message.ts";
import { parseCommand, type Command } from "../nlu/commands.ts";
import { answerPin, answerSlot } from "./answers.ts";
import { newProposalCode } from "./code.ts";
import type { TurnContext } from "./context.ts";
import { clip, extractInto, meaningful } from "./extract.ts";
import { advance, asking } from "./form.ts";
import { menuChoices, showMenu, showStatus } from "./menu.ts";
import { confirmOptions, eraseOptions, Out, numbered, type TurnResult } from "./out.ts";
import { ask } from "./questions.ts";
import { clearSlot, firstMissing, SUMMARY_ITEMS } from "./slots.ts";
import { initialState, upgradeState, type ConversationState, type Draft, type PhotoRef } from "./state.ts";
import { estimatedCost, summarize } from "./summary.ts";

export type { TurnResult } from "./out.ts";

/** Most photos kept per proposal. */
const MAX_PHOTOS = 5;

/** Runs one turn. `state` may be any stored version (it is upgraded) or undefined for a new chat. */
export async function turn(state: unknown, inbound: InboundMessage, ctx: TurnContext): Promise<TurnResult> {
  const out = new Out();
  let s = state === undefined ? initialState() : upgradeState(state);
  s = await step(s, inbound, ctx, out);
  if (out.replies.length === 0) out.say(ctx.texts("fallback.unknown"));
  s = { ...s, lastActivityAt: ctx.now.toISOString() };
  return { state: s, replies: out.replies, effects: out.effects };
}

async function step(
  s: ConversationState,
  inbound: InboundMessage,
  ctx: TurnContext,
  out: Out,
): Promise<ConversationState> {
  const t = ctx.texts;
  const text = (inbound.text ?? "").trim();
  const command: Command = inbound.kind === "text" ? parseCommand(text) : { kind: "none" };

  const payload = inbound.startPayload ?? (command.kind === "start" ? command.payload : undefined);
  const village = payload ? /^desa_(\d{10})$/.exec(payload)?.[1] : undefined;
  if (village && ctx.regions.byCode(village)) s = { ...s, prefillVillage: village };

  // Writing again after BERHENTI, in any form, lets status news flow again.
  if (s.optedOut && s.residentId && command.kind !== "stop") {
    out.do({ type: "setOptOut", residentId: s.residentId, optedOut: false });
    s = { ...s, optedOut: undefined };
  }

  // Messages the bot cannot read: a polite word, then the current question again.
  if (inbound.kind === "voice" || inbound.kind === "sticker" || inbound.kind === "other") {
    out.say(t(inbound.kind === "voice" ? "media.voice" : inbound.kind === "sticker" ? "media.sticker" : "media.other"));
    return reprompt(s, ctx, out);
  }
  if (inbound.kind === "text" && text.length > ctx.config.maxMessageLength) {
    out.say(t("message.too_long", { max: ctx.config.maxMessageLength }));
    return reprompt(s, ctx, out);
  }
  if (inbound.kind === "text" && text === "" && !payload) {
    out.say(t("message.empty"));
    return reprompt(s, ctx, out);
  }

  if (!s.residentId || s.phase === "consent" || s.phase === "refused") return consentStep(s, command, text, ctx, out);

  // Back after a long pause with an unfinished draft: continue or start anew.
  const idleMs = s.lastActivityAt ? ctx.now.getTime() - Date.parse(s.lastActivityAt) : 0;
  if (
    s.draft &&
    (s.phase === "form" || s.phase === "confirm" || s.phase === "support") &&
    idleMs > ctx.config.resumeAfterMs &&
    command.kind === "none"
  ) {
    return showResume(s, ctx, out);
  }

  if (inbound.kind === "photo") return photoStep(s, inbound, ctx, out);
  if (inbound.kind === "location") {
    if (s.phase === "form" && s.draft) return advance(answerPin(inbound, s, ctx, out), ctx, out);
    out.say(t("fallback.unknown"));
    return showMenu(s, ctx, out);
  }

  switch (command.kind) {
    case "menu":
      return showMenu(s, ctx, out);
    case "help":
      out.say(t("help.text"));
      return s.phase === "form" || s.phase === "confirm" ? reprompt(s, ctx, out) : s;
    case "status":
      await showStatus(s, command.code, ctx, out);
      return s.phase === "form" ? reprompt(s, ctx, out) : s;
    case "erase":
      out.say(t("erase.confirm"), eraseOptions(t));
      return { ...s, phase: "erase", returnPhase: s.phase === "erase" ? s.returnPhase : s.phase };
    case "stop":
      return stop(s, ctx, out);
    case "cancel":
      if (s.phase === "erase") break;
      out.say(t(s.draft ? "cancel.done" : "cancel.nothing"));
      return dropDraft(s);
    case "support":
      return supportCode(s, command.code, ctx, out);
    case "propose":
      return startProposal(s, command.rest, ctx, out);
    case "start":
      if (s.prefillVillage && !s.draft) return startProposal(s, "", ctx, out);
      return s.draft ? showResume(s, ctx, out) : showMenu(s, ctx, out);
  }

  switch (s.phase) {
    case "erase":
      if (command.kind === "yes") {
        out.do({ type: "eraseResident", residentId: s.residentId });
        out.say(t("erase.done"));
        return initialState();
      }
      out.say(t("erase.cancelled"));
      return reprompt({ ...s, phase: s.returnPhase ?? "idle", returnPhase: undefined }, ctx, out);
    case "form":
      return formStep(s, command, text, ctx, out);
    case "confirm":
      return confirmStep(s, command, ctx, out, inbound.channel);
    case "support":
      return supportStep(s, command, ctx, out);
    default:
      return idleStep(s, command, text, ctx, out);
  }
}

async function consentStep(
  s: ConversationState,
  command: Command,
  text: string,
  ctx: TurnContext,
  out: Out,
): Promise<ConversationState> {
  const t = ctx.texts;
  const yes = command.kind === "yes" || (command.kind === "number" && command.value === 1);
  const no = command.kind === "no" || (command.kind === "number" && command.value === 2);
  if (s.phase === "consent" && yes) {
    const residentId = ctx.ids.residentId();
    out.do({ type: "registerResident", residentId });
    const next: ConversationState = { ...initialState(), phase: "idle", residentId, prefillVillage: s.prefillVillage };
    if (next.prefillVillage) {
      out.say(t("consent.accepted"));
      return startProposal(next, "", ctx, out);
    }
    return showMenu(next, ctx, out, t("consent.accepted"));
  }
  if (s.phase === "consent" && no) {
    out.say(t("consent.refused"));
    out.do({ type: "forgetChat" });
    return { ...initialState(), phase: "refused" };
  }
  if (command.kind === "erase" || command.kind === "stop") {
    out.say(t("erase.nothing"));
    out.do({ type: "forgetChat" });
    return { ...initialState(), phase: "refused" };
  }
  const lead = meaningful(text) ? `\n\n${t("consent.resend")}` : "";
  out.say(t("consent.ask") + lead, numbered([t("consent.option_yes"), t("consent.option_no")]));
  return { ...s, phase: "consent" };
}

async function idleStep(
  s: ConversationState,
  command: Command,
  text: string,
  ctx: TurnContext,
  out: Out,
): Promise<ConversationState> {
  const t = ctx.texts;
  if (command.kind === "number") {
    const choice = menuChoices(s)[command.value - 1];
    if (choice === "continue") return continueDraft(s, ctx, out);
    if (choice === "new") return startProposal(s, "", ctx, out);
    if (choice === "status") {
      await showStatus(s, undefined, ctx, out);
      return s;
    }
    if (choice === "help") {
      out.say(t("help.text"));
      return s;
    }
    return showMenu(s, ctx, out);
  }
  if (command.kind === "yes" && s.draft) return continueDraft(s, ctx, out);
  if (command.kind !== "none") return showMenu(s, ctx, out);
  const guess = ctx.classifier.classify(text);
  switch (guess.intent) {
    case "greet":
      return s.draft ? showResume(s, ctx, out) : showMenu(s, ctx, out);
    case "status":
      await showStatus(s, undefined, ctx, out);
      return s;
    case "help":
      out.say(t("help.text"));
      return s;
    case "thanks":
      out.say(t("thanks.reply"));
      return s;
    case "stop":
      return stop(s, ctx, out);
    case "new_proposal":
      return startProposal(s, text, ctx, out);
  }
  // One word the kamus knows ("banjir", "longsor") is a proposal too.
  if (meaningful(text) || ctx.matcher.match(text, { top: 1 }).matches.length > 0)
    return startProposal(s, text, ctx, out, true);
  out.say(t("fallback.unknown"));
  return showMenu(s, ctx, out);
}

async function formStep(
  s: ConversationState,
  command: Command,
  text: string,
  ctx: TurnContext,
  out: Out,
): Promise<ConversationState> {
  if (command.kind === "back") return goBack(s, ctx, out);
  const slot = s.expecting ?? (s.draft ? firstMissing(s.draft) : undefined);
  if (!s.draft || !slot) return s.draft ? advance(s, ctx, out) : showMenu(s, ctx, out);
  // A short greeting in the middle of the form: offer to continue rather than take it as an answer.
  if (
    slot !== "name" &&
    text.split(/\s+/).length <= 3 &&
    command.kind === "none" &&
    ctx.classifier.classify(text).intent === "greet"
  ) {
    return showResume(s, ctx, out);
  }
  // "UBAH 3" typed while a question is open (often after changing another item of the summary): change that
  // item, as on the summary; never read it as an answer ("ubah 3" is not a volume of 3).
  if (command.kind === "edit") return editItem(s, command.item, ctx, out, () => ask(slot, s, ctx, out));
  const before = out.replies.length;
  const answered = answerSlot(slot, text, command, s, ctx, out);
  if (!answered) {
    const explained = out.replies.length > before;
    if (!explained || slot === "kamus" || slot === "village" || command.kind === "skip") ask(slot, s, ctx, out);
    return s;
  }
  if (slot === "village" && answered.villageChoices?.length) return asking(answered, "village", ctx, out, false);
  if (slot === "kamus" && !answered.draft?.kamusKode && !answered.draft?.kamusNoMatch)
    return asking(answered, "kamus", ctx, out, false);
  return advance(answered, ctx, out);
}

async function confirmStep(
  s: ConversationState,
  command: Command,
  ctx: TurnContext,
  out: Out,
  channel: Channel,
): Promise<ConversationState> {
  const t = ctx.texts;
  if (command.kind === "yes") return store(s, ctx, out, channel);
  if (command.kind === "back") return goBack(s, ctx, out);
  if (command.kind === "edit") return editItem(s, command.item, ctx, out, () => undefined);
  out.say(t("confirm.prompt"), confirmOptions(t));
  return s;
}

/** `UBAH n`: clears item n of the summary and asks for it again; `reask` repeats the open question after a bad n. */
function editItem(
  s: ConversationState,
  item: number,
  ctx: TurnContext,
  out: Out,
  reask: () => void,
): Promise<ConversationState> | ConversationState {
  const slot = SUMMARY_ITEMS[item - 1];
  if (!slot) {
    out.say(ctx.texts("confirm.bad_item", { max: SUMMARY_ITEMS.length }));
    reask();
    return s;
  }
  const draft = clearSlot(s.draft!, slot);
  return advance(
    { ...s, phase: "form", draft, editing: true, kamusChoices: undefined, villageChoices: undefined },
    ctx,
    out,
  );
}

async function supportStep(
  s: ConversationState,
  command: Command,
  ctx: TurnContext,
  out: Out,
): Promise<ConversationState> {
  const yes = command.kind === "yes" || (command.kind === "number" && command.value === 1);
  const no = command.kind === "no" || (command.kind === "number" && command.value === 2);
  if (yes && s.supportCode) return supportCode(s, s.supportCode, ctx, out);
  if (no || !s.supportCode) return advance({ ...s, phase: "form", supportCode: undefined }, ctx, out);
  return reprompt(s, ctx, out);
}

async function supportCode(s: ConversationState, code: string, ctx: TurnContext, out: Out): Promise<ConversationState> {
  const t = ctx.texts;
  const p = await ctx.lookups.proposalByCode(code, s.residentId);
  if (!p) {
    out.say(t("support.not_found", { code }));
    return s.phase === "support" ? advance({ ...s, phase: "form", supportCode: undefined }, ctx, out) : s;
  }
  if (p.proposerId && p.proposerId === s.residentId) out.say(t("support.own", { code }));
  else if (p.supportedByResident) out.say(t("support.already", { code }));
  else {
    out.do({ type: "addSupport", code, residentId: s.residentId! });
    out.say(t("support.done", { code }));
  }
  // Supporting from the similar-proposal offer replaces the draft.
  return s.phase === "support" ? dropDraft(s) : s;
}

async function startProposal(
  s: ConversationState,
  text: string,
  ctx: TurnContext,
  out: Out,
  isProblem = false,
): Promise<ConversationState> {
  const t = ctx.texts;
  // Outside the intake window the resident may still prepare the proposal: it is kept as a draft until it opens.
  await sayIntakeClosed(ctx, out, "start");
  const since = new Date(Date.UTC(ctx.now.getUTCFullYear(), 0, 1));
  const count = await ctx.lookups.countProposalsSince(s.residentId!, since);
  if (count >= ctx.config.maxProposalsPerCycle) {
    out.say(t("limit.reached", { max: ctx.config.maxProposalsPerCycle }));
    return { ...dropDraft(s) };
  }
  let draft: Draft = {
    startedAt: ctx.now.toISOString(),
    photos: [],
    proposerName: s.name,
    villageCode: s.prefillVillage,
  };
  if (text && (meaningful(text) || isProblem)) draft = extractInto(draft, text, ctx.regions);
  if (isProblem && !draft.problem && text.trim()) draft.problem = clip(text.trim());
  if (draft.villageCode) {
    const v = ctx.regions.byCode(draft.villageCode);
    if (v) out.say(t("village.found", { village: v.name, district: v.districtName }));
  }
  const next: ConversationState = {
    ...s,
    phase: "form",
    draft,
    history: [],
    expecting: undefined,
    prefillVillage: undefined,
    kamusChoices: undefined,
    villageChoices: undefined,
    supportCode: undefined,
    editing: undefined,
  };
  return advance(next, ctx, out);
}

/** Says when intake opens (or that it closed) if it is not open now; true when it is closed. */
async function sayIntakeClosed(ctx: TurnContext, out: Out, when: "start" | "send"): Promise<boolean> {
  const intake = intakeState(await ctx.lookups.intakeWindow(ctx.now), ctx.now);
  if (intake.open) return false;
  const date = (d: Date) =>
    d.toLocaleDateString("id-ID", { day: "numeric", month: "long", year: "numeric", timeZone: "Asia/Jakarta" });
  const vars = { opens: date(intake.cycle.opensAt), closes: date(intake.cycle.closesAt) };
  out.say(ctx.texts(`cycle.${intake.reason}`, vars));
  out.say(ctx.texts(when === "start" ? "cycle.draft_allowed" : `cycle.draft_kept_${intake.reason}`, vars));
  return true;
}

async function store(s: ConversationState, ctx: TurnContext, out: Out, channel: Channel): Promise<ConversationState> {
  const d = s.draft!;
  if (await sayIntakeClosed(ctx, out, "send")) return s;
  const since = new Date(Date.UTC(ctx.now.getUTCFullYear(), 0, 1));
  if ((await ctx.lookups.countProposalsSince(s.residentId!, since)) >= ctx.config.maxProposalsPerCycle) {
    out.say(ctx.texts("limit.reached", { max: ctx.config.maxProposalsPerCycle }));
    return dropDraft(s);
  }
  const code = await newProposalCode(ctx.now, ctx.ids, ctx.lookups);
  out.do({
    type: "createProposal",
    proposal: {
      code,
      residentId: s.residentId!,
      proposerName: d.proposerName,
      channel,
      villageCode: d.villageCode!,
      rt: d.rt,
      rw: d.rw,
      address: d.address,
      latitude: d.latitude,
      longitude: d.longitude,
      problem: d.problem!,
      activity: d.activity,
      kamusKode: d.kamusKode,
      kamusNoMatch: !d.kamusKode,
      volume: d.volume,
      unit: d.unit,
      estimatedCost: estimatedCost(d, ctx),
      beneficiaries: d.beneficiaries ?? undefined,
      photos: d.photos,
      createdAt: ctx.now,
    },
  });
  out.say(ctx.texts("stored", { code }));
  return dropDraft(s);
}

function photoStep(
  s: ConversationState,
  inbound: InboundMessage,
  ctx: TurnContext,
  out: Out,
): Promise<ConversationState> | ConversationState {
  const t = ctx.texts;
  const media = inbound.media;
  if (!media || !s.draft || (s.phase !== "form" && s.phase !== "confirm")) {
    out.say(t(media ? "media.photo_idle" : "media.other"));
    return s.draft ? reprompt(s, ctx, out) : s;
  }
  const photo: PhotoRef = {
    sha256: createHash("sha256").update(media.data).digest("hex"),
    mimeType: media.mimeType,
    size: media.data.byteLength,
    ...(media.fileName ? { fileName: media.fileName } : {}),
  };
  const known = s.draft.photos.some((p) => p.sha256 === photo.sha256);
  const photos = known || s.draft.photos.length >= MAX_PHOTOS ? s.draft.photos : [...s.draft.photos, photo];
  if (!known) out.do({ type: "storePhoto", photo, data: media.data });
  out.say(t("photo.received"));
  const next = { ...s, draft: { ...s.draft, photos } };
  if (s.phase === "confirm") {
    summarize(next.draft, ctx, out);
    return next;
  }
  return advance(next, ctx, out);
}

function goBack(s: ConversationState, ctx: TurnContext, out: Out): Promise<ConversationState> | ConversationState {
  const history = [...s.history];
  if (s.phase === "form" && history.at(-1) === s.expecting) history.pop();
  const previous = history.pop();
  if (!previous || !s.draft) {
    out.say(ctx.texts("back.none"));
    return reprompt(s, ctx, out);
  }
  const draft = clearSlot(s.draft, previous);
  return advance({ ...s, phase: "form", draft, history, kamusChoices: undefined, villageChoices: undefined }, ctx, out);
}

function continueDraft(
  s: ConversationState,
  ctx: TurnContext,
  out: Out,
): Promise<ConversationState> | ConversationState {
  if (!s.draft) return showMenu(s, ctx, out);
  return advance({ ...s, phase: "form", kamusChoices: s.expecting === "kamus" ? s.kamusChoices : undefined }, ctx, out);
}

function showResume(s: ConversationState, ctx: TurnContext, out: Out): ConversationState {
  const title = s.draft?.problem ?? s.draft?.activity ?? "-";
  return showMenu(
    s,
    ctx,
    out,
    ctx.texts("resume.ask", { title: title.length > 60 ? `${title.slice(0, 57)}...` : title }),
  );
}

/** BERHENTI: the draft goes and no status news is sent until the resident writes again. */
function stop(s: ConversationState, ctx: TurnContext, out: Out): ConversationState {
  out.say(ctx.texts("stop.done"));
  if (s.residentId && !s.optedOut) out.do({ type: "setOptOut", residentId: s.residentId, optedOut: true });
  return { ...dropDraft(s), optedOut: true };
}

function dropDraft(s: ConversationState): ConversationState {
  return {
    ...s,
    phase: "idle",
    draft: undefined,
    history: [],
    expecting: undefined,
    editing: undefined,
    kamusChoices: undefined,
    villageChoices: undefined,
    supportCode: undefined,
    returnPhase: undefined,
  };
}

/** Asks again whatever the conversation is waiting for. */
async function reprompt(s: ConversationState, ctx: TurnContext, out: Out): Promise<ConversationState> {
  const t = ctx.texts;
  switch (s.phase) {
    case "consent":
    case "refused":
      out.say(t("consent.ask"), numbered([t("consent.option_yes"), t("consent.option_no")]));
      return { ...s, phase: "consent" };
    case "form":
      if (s.draft && s.expecting) {
        ask(s.expecting, s, ctx, out);
        return s;
      }
      return s.draft ? advance(s, ctx, out) : showMenu(s, ctx, out);
    case "confirm":
      summarize(s.draft!, ctx, out);
      return s;
    case "support":
      out.say(
        t("menu.title"),
        numbered([t("support.option_yes", { code: s.supportCode ?? "" }), t("support.option_no")]),
      );
      return s;
    case "erase":
      out.say(t("erase.confirm"), eraseOptions(t));
      return s;
    default:
      return showMenu(s, ctx, out);
  }
}
