// Phase "erase": `hapus data saya` was asked to be confirmed; YA anonymises, anything else returns.
import type { TurnContext } from "../context.ts";
import { eraseOptions, type Out } from "../out.ts";
import { back, common, initialState, resumable, type ConversationState, type StateOf } from "../state.ts";
import type { Input } from "./input.ts";
import { reprompt } from "./reprompt.ts";

type Erasing = StateOf<"erase">;

/** Asks to confirm the erasure; `from` is where a "no" returns to. */
export function askErase(from: ConversationState, ctx: TurnContext, out: Out): Erasing {
  out.say(ctx.texts("erase.confirm"), eraseOptions(ctx.texts));
  return { ...common(from), phase: "erase", previous: resumable(from) };
}

export function eraseStep(
  s: Erasing,
  input: Input,
  ctx: TurnContext,
  out: Out,
): ConversationState | Promise<ConversationState> {
  if (input.command.kind === "yes" && s.residentId) {
    out.do({ type: "eraseResident", residentId: s.residentId });
    out.say(ctx.texts("erase.done"));
    return initialState();
  }
  out.say(ctx.texts("erase.cancelled"));
  return reprompt(back(s), ctx, out);
}
