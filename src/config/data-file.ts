// Data files under intents/ (YAML), checked by zod when loaded: the one YAML reader of the project.
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { parse } from "yaml";
import type { z } from "zod";
import { projectRoot } from "./paths.ts";

/** A file's name as errors show it: relative to the project when inside it. */
export function shownPath(path: string): string {
  return relative(projectRoot, path) || path;
}

/**
 * Reads one YAML file and checks it against `schema`; throws an Error with one line per problem, naming the file
 * and the path inside it, e.g. `intents/channels.yaml: at group.desa_linked: Invalid input: expected string`.
 */
export function readDataFile<S extends z.ZodType>(path: string, schema: S): z.infer<S> {
  const shown = shownPath(path);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new Error(`${shown}: cannot read (${(error as Error).message})`, { cause: error });
  }
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new Error(`${shown}: not valid YAML: ${(error as Error).message.split("\n")[0]}`, { cause: error });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${shown}: at ${i.path.join(".") || "(top level)"}: ${i.message}`);
    throw new Error(lines.join("\n"));
  }
  return parsed.data;
}
