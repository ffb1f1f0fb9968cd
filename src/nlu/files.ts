// Loads intents/intents.yaml and intents/replies.yaml: zod checks the structure, then semantic checks
// (unique names, every reply key the code uses exists). Errors name the file and the path inside it.
import { join } from "node:path";
import { z } from "zod";
import { readDataFile, shownPath } from "../config/data-file.ts";
import { projectRoot } from "../config/paths.ts";
import { REPLY_KEYS } from "../texts/reply-keys.ts";

const IntentsFile = z.object({
  threshold: z.number().min(0).max(1),
  intents: z
    .array(
      z.object({
        name: z.string().regex(/^[a-z_]+$/, "use lower-case letters and _"),
        utterances: z.array(z.string().trim().min(1)).min(3, "give at least 3 utterances"),
      }),
    )
    .min(1),
});
export type IntentsFile = z.infer<typeof IntentsFile>;

const RepliesFile = z.object({ replies: z.record(z.string(), z.string().min(1)) });

/** Everything the engine reads from `intents/`, e.g. `{ intents: [{ name: "greet", utterances: ["halo"] }], replies: { "ask.village": "..." } }`. */
export interface IntentData {
  threshold: number;
  intents: { name: string; utterances: string[] }[];
  replies: Record<string, string>;
}

/** Checks meaning beyond structure; returns the problems (empty = fine). */
export function semanticProblems(
  data: IntentData,
  files = { intents: "intents.yaml", replies: "replies.yaml" },
): string[] {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  data.intents.forEach((intent, i) => {
    const first = seen.get(intent.name);
    if (first !== undefined)
      problems.push(`${files.intents}: at intents.${i}.name: "${intent.name}" is already used by intents.${first}`);
    else seen.set(intent.name, i);
  });
  for (const key of REPLY_KEYS) {
    if (!(key in data.replies))
      problems.push(`${files.replies}: at replies.${key}: missing (the engine uses this key)`);
  }
  return problems;
}

/** Reads, validates and checks `dir` (default: the project's intents/ folder); throws an Error naming file and path. */
export function loadIntentData(dir = join(projectRoot, "intents")): IntentData {
  const intentsPath = join(dir, "intents.yaml");
  const repliesPath = join(dir, "replies.yaml");
  const intents = readDataFile(intentsPath, IntentsFile);
  const replies = readDataFile(repliesPath, RepliesFile);
  const data: IntentData = { threshold: intents.threshold, intents: intents.intents, replies: replies.replies };
  const problems = semanticProblems(data, { intents: shownPath(intentsPath), replies: shownPath(repliesPath) });
  if (problems.length) throw new Error(problems.join("\n"));
  return data;
}

let cached: IntentData | undefined;
/** The project's intent data, loaded once per process. */
export function defaultIntentData(): IntentData {
  cached ??= loadIntentData();
  return cached;
}
