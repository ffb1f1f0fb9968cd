// The dialogue engine: turn(state, inbound, context) → { state, replies, effects }. No I/O of its own:
// the clock, ids, matcher, regions and database questions come in the context, so a turn is deterministic.
// This file handles what holds in every phase (unreadable messages, photos, pins, commands); the phase's own
// handler (phases/) takes the rest.
import type { InboundMessage } from "../messages/message.ts";
import { parseCommand, type Command } from "../nlu/commands.ts";
import { advance } from "./advance.ts";
import { answerPin } from "./answers.ts";
import type { TurnContext } from "./context.ts";
import { showResume, startProposal, stop, supportProposal, toIdle } from "./flow.ts";
import { showMenu, showStatus, unfinishedDraft } from "./menu.ts";
import { Out, type TurnResult } from "./out.ts";
import { askErase } from "./phases/erase.ts";
import { askWithdraw } from "./phases/withdraw.ts";
import { askPhoto, offerPhoto, photoRef, receivePhoto } from "./phases/attach.ts";
import { stepPhase } from "./phases/index.ts";
import { reprompt } from "./phases/reprompt.ts";
import { back, initialState, MAX_PHOTOS, producedState, upgradeState, type ConversationState } from "./state.ts";
import { summarize } from "./summary.ts";

export type { TurnResult } from "./out.ts";

/** Runs one turn. `state` may be any stored version (it is upgraded) or undefined for a new chat. */
export async function turn(state: unknown, inbound: InboundMessage, ctx: TurnContext): Promise<TurnResult> {
  const out = new Out();
  let s = state === undefined ? initialState() : upgradeState(state);
  s = await step(s, inbound, ctx, out);
  if (out.replies.length === 0) out.say(ctx.texts("fallback.unknown"));
  s = { ...s, lastActivityAt: ctx.now.toISOString() };
  return { state: producedState(s), replies: out.replies, effects: out.effects };
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
  // A photo right after a proposal was stored is offered to it; the offer lasts one message.
  const justStored = s.phase === "idle" ? s.justStored : undefined;
  if (s.phase === "idle" && justStored) s = { ...s, justStored: undefined };

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

  const input = { text, command, channel: inbound.channel };
  if (!s.residentId || s.phase === "consent" || s.phase === "refused")
    return stepPhase(s.phase === "consent" || s.phase === "refused" ? s : initialState(), input, ctx, out);

  // Back after a long pause with an unfinished draft: continue or start anew.
  const idleMs = s.lastActivityAt ? ctx.now.getTime() - Date.parse(s.lastActivityAt) : 0;
  if (
    (s.phase === "form" || s.phase === "confirm" || s.phase === "support") &&
    idleMs > ctx.config.resumeAfterMs &&
    command.kind === "none"
  ) {
    return showResume(s, ctx, out);
  }

  if (inbound.kind === "photo") return photoStep(s, inbound, justStored, ctx, out);
  if (inbound.kind === "location") {
    if (s.phase === "form" && inbound.location) return advance(answerPin(inbound, s, ctx, out), ctx, out);
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
      return askErase(s, ctx, out);
    case "stop":
      return stop(s, ctx, out);
    case "cancel":
      if (s.phase === "erase") break;
      out.say(t(unfinishedDraft(s) ? "cancel.done" : "cancel.nothing"));
      return toIdle(s);
    case "support":
      await supportProposal(s, command.code, ctx, out);
      return s;
    case "photo": {
      const asked = await askPhoto(s, command.code, ctx, out);
      return asked ?? (s.phase === "form" ? reprompt(s, ctx, out) : s);
    }
    case "withdraw": {
      const asked = await askWithdraw(s, command.code, ctx, out);
      return asked ?? (s.phase === "form" ? reprompt(s, ctx, out) : s);
    }
    case "propose":
      return startProposal(s, command.rest, ctx, out);
    case "start":
      if (s.prefillVillage && !unfinishedDraft(s)) return startProposal(s, "", ctx, out);
      return unfinishedDraft(s) ? showResume(s, ctx, out) : showMenu(s, ctx, out);
  }
  return stepPhase(s, input, ctx, out);
}

/** A photo: for the draft, for a stored proposal (`FOTO kode`, or `justStored` asks), or not wanted now. */
function photoStep(
  s: ConversationState,
  inbound: InboundMessage,
  justStored: string | undefined,
  ctx: TurnContext,
  out: Out,
): Promise<ConversationState> | ConversationState {
  const t = ctx.texts;
  const media = inbound.media;
  if (media && s.phase === "attach" && !s.photo) return receivePhoto(s, media, ctx, out);
  if (s.phase === "attach") s = back(s); // another photo instead of YA/TIDAK: the question lapses
  if (media && s.phase === "idle" && justStored) return offerPhoto(s, justStored, media, ctx, out);
  if (!media || (s.phase !== "form" && s.phase !== "confirm")) {
    out.say(t(media ? "media.photo_idle" : "media.other"));
    return unfinishedDraft(s) ? reprompt(s, ctx, out) : s;
  }
  const photo = photoRef(media);
  const known = s.draft.photos.some((p) => p.sha256 === photo.sha256);
  const photos = known || s.draft.photos.length >= MAX_PHOTOS ? s.draft.photos : [...s.draft.photos, photo];
  if (!known) out.do({ type: "storePhoto", photo, data: media.data });
  out.say(t("photo.received"));
  const draft = { ...s.draft, photos };
  if (s.phase === "confirm") {
    summarize(draft, ctx, out);
    return { ...s, draft };
  }
  return advance({ ...s, draft }, ctx, out);
}
