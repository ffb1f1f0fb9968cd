// Commands a resident types, understood before any classifier: short, whole messages, compared after
// normalisation (case, punctuation and chat spellings ignored). The words are data: intents/commands.yaml.
// Examples: "MENU", "status U26-7K3Q", "ubah 6", "ya", "gak ada", "/start desa_3216010001", "/usul jalan rusak".
import { normalizeTokens } from "../kamus/normalize.ts";
import { CODE_KINDS, defaultCommandWords, type CommandWords, type ExactKind } from "./command-words.ts";

/** A recognised command; `none` means free text. */
export type Command =
  | { kind: ExactKind }
  | { kind: "status"; code?: string }
  | { kind: "edit"; item: number }
  | { kind: "support"; code: string }
  | { kind: "withdraw"; code?: string }
  | { kind: "photo"; code: string }
  | { kind: "start"; payload?: string }
  | { kind: "propose"; rest: string }
  | { kind: "number"; value: number }
  | { kind: "none" };

/** A proposal code as residents see it, e.g. "U26-7K3Q" (any case). */
const CODE = /\b(u\d{2}-[a-z0-9]{4})\b/i;

/** Recognises a command in a message, or `none`. */
export function parseCommand(text: string, words: CommandWords = defaultCommandWords()): Command {
  const raw = text.trim();
  const start = /^\/start(?:@\w+)?(?:\s+(\S+))?\s*$/i.exec(raw);
  if (start) return start[1] ? { kind: "start", payload: start[1] } : { kind: "start" };
  const propose = /^\/usul(?:@\w+)?\b\s*([\s\S]*)$/i.exec(raw);
  if (propose) return { kind: "propose", rest: propose[1]!.trim() };
  const slash = /^\/([a-z]+)(?:@\w+)?$/i.exec(raw);
  const slashKind = slash ? words.slash.get(slash[1]!.toLowerCase()) : undefined;
  if (slashKind) return { kind: slashKind };

  const code = CODE.exec(raw);
  if (code) {
    // "status U26-7K3Q", "dukung usulan U26-7K3Q dong": the command's phrase first, the code after it, and only a
    // few words besides. A longer message that holds a code is a description, not a command.
    const before = normalizeTokens(raw.slice(0, code.index));
    const after = normalizeTokens(raw.slice(code.index + code[0].length));
    const value = code[1]!.toUpperCase();
    for (const kind of CODE_KINDS) {
      const phrase = leadingPhrase(before, words.withCode[kind]);
      if (phrase !== undefined && before.length - phrase + after.length <= words.extraWords)
        return { kind, code: value };
    }
  }
  const tokens = normalizeTokens(raw);
  const s = tokens.join(" ");
  if (s === "") return { kind: "none" };
  if (words.withCode.status.includes(s)) return { kind: "status" };
  if (words.withCode.withdraw.includes(s)) return { kind: "withdraw" };
  const exact = words.exact.get(s);
  if (exact) return { kind: exact };
  const edit = editItem(tokens, words);
  if (edit !== undefined) return { kind: "edit", item: edit };
  const choice = choiceNumber(tokens, words);
  if (choice !== undefined) return { kind: "number", value: choice };
  return { kind: "none" };
}

/** The length in words of the longest (normalised) phrase `tokens` begin with; undefined when none. */
function leadingPhrase(tokens: readonly string[], phrases: readonly string[]): number | undefined {
  const s = tokens.join(" ");
  const found = phrases.filter((p) => s === p || s.startsWith(`${p} `)).map((p) => p.split(" ").length);
  return found.length ? Math.max(...found) : undefined;
}

/** A number of one or two digits ("3", "03"). */
function smallNumber(token: string | undefined): number | undefined {
  return token !== undefined && /^\d{1,2}$/.test(token) ? Number(token) : undefined;
}

/** "ubah 6", "ubah nomor 6" → 6. */
function editItem(tokens: readonly string[], words: CommandWords): number | undefined {
  if (tokens.length < 2 || tokens.length > 3 || !words.edit.has(tokens[0]!)) return undefined;
  if (tokens.length === 3 && !words.itemWords.has(tokens[1]!)) return undefined;
  return smallNumber(tokens[tokens.length - 1]);
}

/** "2", "pilih 3", "yang kedua", "nomor 4" → the number. */
function choiceNumber(tokens: readonly string[], words: CommandWords): number | undefined {
  const last = tokens[tokens.length - 1]!;
  const before = tokens.slice(0, -1);
  if (before.length > 2 || !before.every((w) => words.choiceBefore.has(w))) return undefined;
  return smallNumber(last) ?? words.ordinals.get(last);
}
