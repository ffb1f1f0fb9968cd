// Phase "consent" (and "refused"): nothing personal is kept until the resident agrees.
import type { TurnContext } from "../context.ts";
import { meaningful } from "../extract.ts";
import { showMenu } from "../menu.ts";
import { numbered, type Out } from "../out.ts";
import { initialState, type ConversationState, type StateOf } from "../state.ts";
import { startProposal } from "../flow.ts";
import { yesNo, type Input } from "./input.ts";

type Consenting = StateOf<"consent"> | StateOf<"refused">;

export async function consentStep(s: Consenting, input: Input, ctx: TurnContext, out: Out): Promise<ConversationState> {
  const t = ctx.texts;
  const answer = yesNo(input.command);
  if (s.phase === "consent" && answer === "yes") {
    const residentId = ctx.ids.residentId();
    out.do({ type: "registerResident", residentId });
    const next: ConversationState = { version: 3, phase: "idle", residentId, prefillVillage: s.prefillVillage };
    if (next.prefillVillage) {
      out.say(t("consent.accepted"));
      return startProposal(next, "", ctx, out);
    }
    return showMenu(next, ctx, out, t("consent.accepted"));
  }
  if (s.phase === "consent" && answer === "no") {
    out.say(t("consent.refused"));
    out.do({ type: "forgetChat" });
    return { version: 3, phase: "refused" };
  }
  if (input.command.kind === "erase" || input.command.kind === "stop") {
    out.say(t("erase.nothing"));
    out.do({ type: "forgetChat" });
    return { version: 3, phase: "refused" };
  }
  const lead = meaningful(input.text) ? `\n\n${t("consent.resend")}` : "";
  out.say(t("consent.ask") + lead, numbered([t("consent.option_yes"), t("consent.option_no")]));
  return { ...s, phase: "consent" };
}

export function consentReprompt(s: Consenting, ctx: TurnContext, out: Out): ConversationState {
  const t = ctx.texts;
  out.say(t("consent.ask"), numbered([t("consent.option_yes"), t("consent.option_no")]));
  return { ...initialState(), prefillVillage: s.prefillVillage };
}
