// Reply texts by key with {placeholder} filling; the texts live in intents/replies.yaml.
import { fill } from "./fill.ts";
import type { ReplyKey } from "./reply-keys.ts";

/** Fills a reply text: `t("stored", { code: "U26-7K3Q" })`. */
export type Texts = (key: ReplyKey, vars?: Record<string, string | number>) => string;

/** Builds the lookup over loaded replies; an unknown placeholder is left visible rather than dropped. */
export function makeTexts(replies: Record<string, string>): Texts {
  return (key, vars = {}) => {
    const template = replies[key];
    if (template === undefined) throw new Error(`Reply text "${key}" is missing in intents/replies.yaml`);
    return fill(template, vars);
  };
}
