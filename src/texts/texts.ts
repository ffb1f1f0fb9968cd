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

/** Rupiah without decimals, Indonesian grouping: 70000000 → "70.000.000". */
export function rupiah(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/** A number as residents write it: 1.5 → "1,5", 1500 → "1.500". */
export function formatNumber(n: number): string {
  const [int, frac] = (Math.round(n * 100) / 100).toString().split(".");
  return rupiah(Number(int)) + (frac ? `,${frac}` : "");
}
