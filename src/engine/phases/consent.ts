// Phase "consent" (and "refused"): nothing personal is kept until the resident agrees.
import type { TurnContext } from "../context.ts";
import { looksLikeProposal } from "../extract.ts";
import { numbered, type Out } from "../out.ts";
import { type ConversationState, type StateOf } from "../state.ts";
import { startProposal } from "../flow.ts";
import { yesNo, type Input } from "./input.ts";

type Consenting = StateOf<"consent"> | StateOf<"refused">;

export async function consentStep(s: Consenting, input: Input, ctx: TurnContext, out: Out): Promise<ConversationState> {
  const t = ctx.texts;
  // An answer counts only once the question was shown: a first message "1" or "ya" is not consent.
  const answer = s.phase === "consent" && s.asked ? yesNo(input.command) : undefined;
  if (answer === "yes") {
    const residentId = ctx.ids.residentId();
    out.do({ type: "registerResident", residentId });
    const next: ConversationState = { version: 3, phase: "idle", residentId, prefillVillage: s.prefillVillage };
    out.say(t("consent.accepted"));
    // The message sent before consent was a proposal: go on with it, no retyping and no menu in between.
    if (s.phase === "consent" && s.pending) return startProposal(next, s.pending, ctx, out, { isProblem: true });
    // Someone who just agreed came to propose: the first question comes at once (MENU shows the rest).
    return startProposal(next, "", ctx, out);
  }
  if (answer === "no") {
    out.say(t("consent.refused"));
    out.do({ type: "forgetChat" });
    return { version: 3, phase: "refused" };
  }
  if (input.command.kind === "erase" || input.command.kind === "stop") {
    out.say(t("erase.nothing"));
    out.do({ type: "forgetChat" });
    return { version: 3, phase: "refused" };
  }
  // A proposal sent before consent is kept in this state only (no table, no log) until the answer.
  const pending = looksLikeProposal(input.text, ctx) ? input.text : s.phase === "consent" ? s.pending : undefined;
  const lead = pending && pending === input.text ? `\n\n${t("consent.kept")}` : "";
  out.say(t("consent.ask") + lead, numbered([t("consent.option_yes"), t("consent.option_no")]));
  return { ...s, phase: "consent", asked: true, ...(pending ? { pending } : {}) };
}
