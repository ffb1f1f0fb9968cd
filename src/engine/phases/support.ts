// Phase "support": a similar proposal was found; the resident backs it (the draft goes) or goes on.
import type { TurnContext } from "../context.ts";
import { advance } from "../advance.ts";
import { supportProposal, toIdle } from "../flow.ts";
import type { Out } from "../out.ts";
import { common, type ConversationState, type StateOf } from "../state.ts";
import { yesNo, type Input } from "./input.ts";
import { supportReprompt } from "./reprompt.ts";

type Supporting = StateOf<"support">;

export async function supportStep(s: Supporting, input: Input, ctx: TurnContext, out: Out): Promise<ConversationState> {
  const answer = yesNo(input.command);
  if (answer === "yes") {
    // Backing the similar proposal replaces the draft; if it is gone meanwhile, the form goes on.
    if (await supportProposal(s, s.similarCode, ctx, out)) return toIdle(s);
    return goOn(s, ctx, out);
  }
  if (answer === "no") return goOn(s, ctx, out);
  return supportReprompt(s, ctx, out);
}

function goOn(s: Supporting, ctx: TurnContext, out: Out): Promise<ConversationState> {
  return advance({ ...common(s), draft: s.draft, history: s.history }, ctx, out);
}
