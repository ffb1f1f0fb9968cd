// intents/forum.yaml: the score weights the admin may change, the participants' elements, and every word the
// forum pages, the berita acara and the forum's notices use. Checked by zod; errors name the file and path.
import { join } from "node:path";
import { z } from "zod";
import { readDataFile, shownPath } from "../config/data-file.ts";
import { projectRoot } from "../config/paths.ts";
import { fill } from "../texts/fill.ts";
import { defaultIntentData } from "../nlu/files.ts";
import { makeTexts, type Texts } from "../texts/reply-texts.ts";

const Weight = z.number().min(0).max(100);
const ForumFile = z.object({
  weights: z.object({ supporters: Weight, beneficiaries: Weight, costPerBeneficiary: Weight, age: Weight }),
  elements: z.record(z.string().regex(/^[a-z_]+$/, "use lower-case letters and _"), z.string().min(1)),
  texts: z.record(z.string(), z.string().min(1)),
});

/** The parsed file, e.g. `{ weights: { supporters: 3, ... }, elements: { bpd: "BPD" }, texts: { ... } }`. */
export type ForumData = z.infer<typeof ForumFile>;
export type Weights = ForumData["weights"];

/** Fills a forum text: `forumText(data, "notice.agreed", { rank: 1 })`; an unknown key is a programming error. */
export function forumText(data: ForumData, key: string, vars: Record<string, string | number> = {}): string {
  const template = data.texts[key];
  if (template === undefined) throw new Error(`Text "${key}" is missing in intents/forum.yaml`);
  return fill(template, vars);
}

/** Reads and checks a forum file (default intents/forum.yaml); throws an Error naming the file and the path. */
export function loadForumData(file = join(projectRoot, "intents", "forum.yaml")): ForumData {
  const data = readDataFile(file, ForumFile);
  const w = data.weights;
  if (w.supporters + w.beneficiaries + w.costPerBeneficiary + w.age === 0)
    throw new Error(`${shownPath(file)}: at weights: at least one weight must be above 0`);
  return data;
}

let cached: ForumData | undefined;
/** The project's forum data, loaded once per process. */
export function defaultForumData(): ForumData {
  cached ??= loadForumData();
  return cached;
}

let replies: Texts | undefined;
/** The reply texts (intents/replies.yaml) that frame the forum's notices and word the lifecycle's refusals. */
export function forumReplies(): Texts {
  replies ??= makeTexts(defaultIntentData().replies);
  return replies;
}
