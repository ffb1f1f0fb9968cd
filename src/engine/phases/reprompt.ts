// `reprompt`: asks again whatever the phase waits for. The phase handlers call it (a "no" on the erasure
// returns to any phase; KEMBALI with nothing to go back to repeats the question), so it lives below them and
// imports none of them.
import type { TurnContext } from "../context.ts";
import { showMenu } from "../menu.ts";
import { attachOptions, eraseOptions, numbered, withdrawOptions, type Out } from "../out.ts";
import { sayQuestion } from "../questions.ts";
import { MAX_PHOTOS, type ConversationState, type FormState, type StateOf } from "../state.ts";
import { summarize } from "../summary.ts";
import type { Next } from "./input.ts";

/** Asks again whatever the conversation is waiting for. */
export function reprompt(s: ConversationState, ctx: TurnContext, out: Out): Next {
  switch (s.phase) {
    case "consent":
    case "refused":
      return consentReprompt(s, ctx, out);
    case "idle":
      return showMenu(s, ctx, out);
    case "form":
      return formReprompt(s, ctx, out);
    case "confirm":
      return confirmReprompt(s, ctx, out);
    case "support":
      return supportReprompt(s, ctx, out);
    case "erase":
      return eraseReprompt(s, ctx, out);
    case "withdraw":
      return withdrawReprompt(s, ctx, out);
    case "attach":
      return attachReprompt(s, ctx, out);
  }
}

export function consentReprompt(
  s: StateOf<"consent"> | StateOf<"refused">,
  ctx: TurnContext,
  out: Out,
): ConversationState {
  const t = ctx.texts;
  out.say(t("consent.ask"), numbered([t("consent.option_yes"), t("consent.option_no")]));
  // The question is now shown, so its answer counts; a proposal sent before it is still kept.
  const pending = s.phase === "consent" ? s.pending : undefined;
  return {
    version: 3,
    phase: "consent",
    asked: true,
    prefillVillage: s.prefillVillage,
    ...(pending ? { pending } : {}),
  };
}

export function formReprompt(s: FormState, ctx: TurnContext, out: Out): ConversationState {
  sayQuestion(s.expecting, s, ctx, out);
  return s;
}

export function confirmReprompt(s: StateOf<"confirm">, ctx: TurnContext, out: Out): ConversationState {
  summarize(s.draft, ctx, out);
  return s;
}

export function supportReprompt(s: StateOf<"support">, ctx: TurnContext, out: Out): ConversationState {
  const t = ctx.texts;
  out.say(t("menu.title"), numbered([t("support.option_yes", { code: s.similarCode }), t("support.option_no")]));
  return s;
}

export function attachReprompt(s: StateOf<"attach">, ctx: TurnContext, out: Out): ConversationState {
  if (s.photo) out.say(ctx.texts("photo.attach_ask", { code: s.code }), attachOptions(ctx.texts));
  else out.say(ctx.texts("photo.send_for", { code: s.code, title: s.title, max: MAX_PHOTOS }));
  return s;
}

export function withdrawReprompt(s: StateOf<"withdraw">, ctx: TurnContext, out: Out): ConversationState {
  out.say(ctx.texts("withdraw.confirm", { code: s.code, title: s.title }), withdrawOptions(ctx.texts));
  return s;
}

export function eraseReprompt(s: StateOf<"erase">, ctx: TurnContext, out: Out): ConversationState {
  out.say(ctx.texts("erase.confirm"), eraseOptions(ctx.texts));
  return s;
}
