// The result of a turn, built up as the turn goes.
import type { Reply, ReplyOption } from "../messages/message.ts";
import type { Effect } from "./effects.ts";
import type { ConversationState } from "./state.ts";

/** `turn()`'s answer: the new state, the replies to send (at least one), the effects to apply. */
export interface TurnResult {
  state: ConversationState;
  replies: Reply[];
  effects: Effect[];
}

/** Replies and effects collected during one turn. */
export class Out {
  readonly replies: Reply[] = [];
  readonly effects: Effect[] = [];

  say(text: string, options?: ReplyOption[]): this {
    this.replies.push(options && options.length ? { text, options } : { text });
    return this;
  }

  /** Adds a line to the previous reply when it has no options (keeps one message per thought). */
  add(text: string): this {
    const last = this.replies.at(-1);
    if (last && !last.options) last.text = `${last.text}\n${text}`;
    else this.say(text);
    return this;
  }

  do(effect: Effect): this {
    this.effects.push(effect);
    return this;
  }
}

/** Numbered options from labels: ["Setuju", "Tidak"] → [{ key: "1", label: "Setuju" }, ...]. */
export function numbered(labels: string[]): ReplyOption[] {
  return labels.map((label, i) => ({ key: String(i + 1), label }));
}

/** YA / BATAL under the summary; the keys are what the resident types. */
export function confirmOptions(t: (key: "option.send" | "option.cancel") => string): ReplyOption[] {
  return [
    { key: "YA", label: t("option.send") },
    { key: "BATAL", label: t("option.cancel") },
  ];
}

/** YA / TIDAK under "add this photo to the proposal just stored?". */
export function attachOptions(t: (key: "option.attach_yes" | "option.attach_no") => string): ReplyOption[] {
  return [
    { key: "YA", label: t("option.attach_yes") },
    { key: "TIDAK", label: t("option.attach_no") },
  ];
}

/** YA / TIDAK under the TARIK question. */
export function withdrawOptions(t: (key: "option.withdraw_yes" | "option.withdraw_no") => string): ReplyOption[] {
  return [
    { key: "YA", label: t("option.withdraw_yes") },
    { key: "TIDAK", label: t("option.withdraw_no") },
  ];
}

/** YA / TIDAK under the "hapus data saya" question. */
export function eraseOptions(t: (key: "option.erase_yes" | "option.erase_no") => string): ReplyOption[] {
  return [
    { key: "YA", label: t("option.erase_yes") },
    { key: "TIDAK", label: t("option.erase_no") },
  ];
}
