// Loads intents/intents.yaml and intents/replies.yaml: zod checks the structure, then semantic checks
// (unique names, every reply key the code uses exists). Errors name the file and the path inside it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { z } from "zod";
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

/** Raised for a bad intents file: the message names the file and the path inside it. */
export class IntentDataError extends Error {}

function readYaml(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new IntentDataError(`${file}: cannot read (${(e as Error).message})`);
  }
  try {
    return parse(text);
  } catch (e) {
    throw new IntentDataError(`${file}: not valid YAML: ${(e as Error).message}`);
  }
}

function check<T>(schema: z.ZodType<T>, value: unknown, file: string): T {
  const r = schema.safeParse(value);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `${file}: at ${i.path.join(".") || "(top)"}: ${i.message}`);
    throw new IntentDataError(lines.join("\n"));
  }
  return r.data;
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

/** Reads, validates and checks `dir` (default: the project's intents/ folder); throws IntentDataError. */
export function loadIntentData(dir = join(projectRoot, "intents")): IntentData {
  const intentsPath = join(dir, "intents.yaml");
  const repliesPath = join(dir, "replies.yaml");
  const intents = check(IntentsFile, readYaml(intentsPath), intentsPath);
  const replies = check(RepliesFile, readYaml(repliesPath), repliesPath);
  const data: IntentData = { threshold: intents.threshold, intents: intents.intents, replies: replies.replies };
  const problems = semanticProblems(data, { intents: intentsPath, replies: repliesPath });
  if (problems.length) throw new IntentDataError(problems.join("\n"));
  return data;
}

let cached: IntentData | undefined;
/** The project's intent data, loaded once per process. */
export function defaultIntentData(): IntentData {
  cached ??= loadIntentData();
  return cached;
}
