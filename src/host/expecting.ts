// The web chat's `expecting`: which input fits next (DESIGN.md §7).
import { SLOTS, type ConversationState } from "../engine/state.ts";

/** The form's slots between the consent and the summary (or a similar proposal to support). */
export const EXPECTING = ["consent", ...SLOTS, "confirm", "support"] as const;
export type Expecting = (typeof EXPECTING)[number] | null;

/** From the state after a turn. */
export function expectingOf(state: ConversationState): Expecting {
  switch (state.phase) {
    case "consent":
      return "consent";
    case "form":
      return state.expecting ?? null;
    case "confirm":
      return "confirm";
    case "support":
      return "support";
    case "attach":
      return state.photo ? null : "photo";
    default:
      return null;
  }
}
