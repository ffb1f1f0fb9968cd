// One handler per phase (as goflow and RapidPro route a flow by node): `stepPhase` hands a message to the
// handler of the phase the conversation is in (`reprompt.ts` asks again whatever that phase waits for).
import type { TurnContext } from "../context.ts";
import type { Out } from "../out.ts";
import { back, type ConversationState } from "../state.ts";
import { confirmStep } from "./confirm.ts";
import { consentStep } from "./consent.ts";
import { eraseStep } from "./erase.ts";
import { formStep } from "./form.ts";
import { idleStep } from "./idle.ts";
import type { Input, Next } from "./input.ts";
import { supportStep } from "./support.ts";
import { withdrawStep } from "./withdraw.ts";
import { attachStep } from "./attach.ts";

/** Handles a message that no global command took, by the phase's own rules. */
export function stepPhase(s: ConversationState, input: Input, ctx: TurnContext, out: Out): Next {
  switch (s.phase) {
    case "consent":
    case "refused":
      return consentStep(s, input, ctx, out);
    case "idle":
      return idleStep(s, input, ctx, out);
    case "form":
      return formStep(s, input, ctx, out);
    case "confirm":
      return confirmStep(s, input, ctx, out);
    case "support":
      return supportStep(s, input, ctx, out);
    case "erase":
      return eraseStep(s, input, ctx, out);
    case "withdraw":
      return withdrawStep(s, input, ctx, out);
    case "attach":
      // Anything but a YA/TIDAK to a photo kept aside belongs to the phase the resident came from.
      return attachStep(s, input, ctx, out).then((next) => next ?? stepPhase(back(s), input, ctx, out));
  }
}
