// What a phase handler gets besides the state: the message's text, its command reading, and its channel.
import type { Channel } from "../../messages/message.ts";
import type { Command } from "../../nlu/commands.ts";
import type { ConversationState } from "../state.ts";

export interface Input {
  text: string;
  command: Command;
  channel: Channel;
}

/** A handler's answer: the next state, at once or after a database question. */
export type Next = ConversationState | Promise<ConversationState>;

/** "ya" or option 1 / "tidak" or option 2, for the two-option questions. */
export function yesNo(command: Command): "yes" | "no" | undefined {
  if (command.kind === "yes" || (command.kind === "number" && command.value === 1)) return "yes";
  if (command.kind === "no" || (command.kind === "number" && command.value === 2)) return "no";
  return undefined;
}
