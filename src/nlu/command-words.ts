// The command words of intents/commands.yaml: checked with zod, then normalised with the lexicon so that they
// compare with a normalised message ("gak" and "tidak" are the same word to both sides).
import { join } from "node:path";
import { z } from "zod";
import { readDataFile } from "../config/data-file.ts";
import { projectRoot } from "../config/paths.ts";
import { normalizeText } from "../kamus/normalize.ts";

const phrase = z.string().trim().min(1);
const phrases = z.array(phrase).min(1);

/** Kinds of whole-message command, e.g. `menu` for "MENU". */
export const EXACT_KINDS = [
  "menu",
  "help",
  "cancel",
  "back",
  "erase",
  "stop",
  "yes",
  "no",
  "skip",
  "no_match",
] as const;
export type ExactKind = (typeof EXACT_KINDS)[number];
const ExactKind = z.enum(EXACT_KINDS);

/** Commands about one proposal, e.g. `withdraw` for "TARIK U26-7K3Q". */
export const CODE_KINDS = ["status", "support", "withdraw", "photo"] as const;
export type CodeKind = (typeof CODE_KINDS)[number];

/** intents/commands.yaml, e.g. `{ version: 1, exact: { menu: ["menu"] }, withCode: { status: ["status"] }, ... }`. */
export const CommandsFile = z
  .object({
    version: z.literal(1),
    exact: z.record(ExactKind, phrases),
    slash: z.record(z.string().regex(/^[a-z]+$/, "use lower-case letters"), z.enum([...EXACT_KINDS, "status"])),
    withCode: z.object({ status: phrases, support: phrases, withdraw: phrases, photo: phrases }).strict(),
    extraWords: z.number().int().min(0).max(10),
    edit: z.object({ words: phrases, itemWords: phrases }).strict(),
    choice: z
      .object({
        before: phrases,
        ordinals: z.record(phrase, z.number().int().min(1).max(99)),
      })
      .strict(),
  })
  .strict();
export type CommandsFile = z.infer<typeof CommandsFile>;

/** The command words in normalised form, ready for comparison with a normalised message. */
export interface CommandWords {
  /** Normalised phrase → command, e.g. "tidak ada yang cocok" → "no_match". */
  exact: Map<string, ExactKind>;
  /** Word after "/" → command, e.g. "hapus" → "erase". */
  slash: Map<string, ExactKind | "status">;
  /** Normalised phrases that start a command about one proposal ("status", "tarik"). */
  withCode: Record<CodeKind, string[]>;
  /** Most other words a command about one proposal may hold ("dukung usulan tetangga U26-7K3Q ya pak"). */
  extraWords: number;
  edit: Set<string>;
  itemWords: Set<string>;
  choiceBefore: Set<string>;
  ordinals: Map<string, number>;
}

/** Normalises and indexes the file; throws naming the phrase that two commands share. */
export function commandWords(file: CommandsFile, source = "intents/commands.yaml"): CommandWords {
  const norm = (p: string) => normalizeText(p);
  const exact = new Map<string, ExactKind>();
  for (const [kind, list] of Object.entries(file.exact) as [ExactKind, string[]][]) {
    for (const p of list) {
      const n = norm(p);
      const other = exact.get(n);
      if (other && other !== kind)
        throw new Error(`${source}: exact.${kind}: "${p}" reads as "${n}", which is already a phrase of ${other}`);
      exact.set(n, kind);
    }
  }
  const words = (list: string[]) => new Set(list.map(norm));
  return {
    exact,
    slash: new Map(Object.entries(file.slash)),
    withCode: {
      status: file.withCode.status.map(norm),
      support: file.withCode.support.map(norm),
      withdraw: file.withCode.withdraw.map(norm),
      photo: file.withCode.photo.map(norm),
    },
    extraWords: file.extraWords,
    edit: words(file.edit.words),
    itemWords: words(file.edit.itemWords),
    choiceBefore: words(file.choice.before),
    ordinals: new Map(Object.entries(file.choice.ordinals).map(([w, n]) => [norm(w), n])),
  };
}

/** Reads and checks a commands file (default: the project's intents/commands.yaml). */
export function loadCommandWords(path = join(projectRoot, "intents", "commands.yaml")): CommandWords {
  return commandWords(readDataFile(path, CommandsFile), path);
}

let cached: CommandWords | undefined;
/** The project's command words, loaded once per process. */
export function defaultCommandWords(): CommandWords {
  cached ??= loadCommandWords();
  return cached;
}
