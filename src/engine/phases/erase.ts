// Phase "erase": `hapus data saya` was asked to be confirmed; YA anonymises, anything else returns.
import type { TurnContext } from "../context.ts";
import { eraseOptions, type Out } from "../out.ts";
import { common, initialState, type ConversationState, type Resumable, type StateOf } from "../state.ts";
import type { Input } from "./input.ts";
import { reprompt } from "./reprompt.ts";

type Erasing = StateOf<"erase">;

/** Asks to confirm the erasure; `from` is where a "no" returns to. */
export function askErase(from: ConversationState, ctx: TurnContext, out: Out): Erasing {
  out.say(ctx.texts("erase.confirm"), eraseOptions(ctx.texts));
  const previous: Resumable = from.phase === "erase" ? from.previous : from;
  return { ...common(from), phase: "erase", previous };
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

/** The phase the detour came from, with what changed meanwhile in the common fields. */
export function back(s: Erasing): ConversationState {
  return {
    ...s.previous,
    name: s.name,
    optedOut: s.optedOut,
    lastActivityAt: s.lastActivityAt,
  };
}
