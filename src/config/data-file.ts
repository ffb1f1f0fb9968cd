// Data files under intents/ (YAML), checked by zod when loaded.
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { parse } from "yaml";
import type { z } from "zod";
import { projectRoot } from "./paths.ts";

/** Reads one YAML file and checks it against `schema`; throws one line naming the file and the path inside it. */
export function readDataFile<S extends z.ZodType>(path: string, schema: S): z.infer<S> {
  const shown = relative(projectRoot, path) || path;
  let raw: unknown;
  try {
    raw = parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`${shown}: ${(error as Error).message.split("\n")[0]}`, { cause: error });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? issue.path.join(".") : "(top level)";
    throw new Error(`${shown}: ${where}: ${issue.message}`);
  }
  return parsed.data;
}
