// Reads and runs chat transcripts (test/conversations/*.txt) through the real host and SQLite.
//
//   # comment                      ignored, as are blank lines
//   @config maxProposalsPerCycle=1 host options (numbers), before the first message
//   warga: jalan rusak             the resident "warga" sends text; `warga@siti:` is another resident
//   warga[foto]:                   a photo; [lokasi] -6.25,107.1; [suara]; [stiker]; [id=abc] fixes the messageId
//   bot: Desa Sukamaju*            the replies (joined, options as "1. label") contain these lines in order;
//                                  `*` matches anything, `{kode}` captures a proposal code (later lines reuse it)
//   bot: (tidak ada balasan)       no reply at all
//   expecting: kamus               the web chat's `expecting` after the last message
//   --- mulai ulang ---            a new host over the same database (a restart)
//   --- jam +8 ---                 the clock moves 8 hours
// `{panjang:10000}` in a message expands to that many letters; `{pilih:Rabat Beton}` to the number of the
// last offered option whose label contains those words (so a transcript does not pin the matcher's ranking).
import { readFileSync } from "node:fs";
import type { InboundMessage } from "../../src/messages/message.ts";
import type { HandleResult } from "../../src/host/host.ts";
import { startBot, type Bot } from "../host/harness.ts";

export interface Step {
  line: number;
  kind: "send" | "expect" | "expecting" | "restart" | "clock";
  who?: string;
  attrs?: Record<string, string>;
  text: string;
}

export interface Transcript {
  file: string;
  config: Record<string, number>;
  steps: Step[];
}

export function parseTranscript(file: string): Transcript {
  const config: Record<string, number> = {};
  const steps: Step[] = [];
  readFileSync(file, "utf8")
    .split("\n")
    .forEach((raw, i) => {
      const line = i + 1;
      const s = raw.trim();
      if (!s || s.startsWith("#")) return;
      let m: RegExpExecArray | null;
      if ((m = /^@config\s+(\w+)=(\d+)$/.exec(s))) config[m[1]!] = Number(m[2]);
      else if ((m = /^warga(?:@(\w+))?(?:\[([^\]]*)\])?:\s?(.*)$/.exec(s))) {
        const attrs: Record<string, string> = {};
        for (const part of (m[2] ?? "")
          .split(",")
          .map((p) => p.trim())
          .filter(Boolean)) {
          const [k, v] = part.split("=");
          attrs[k!] = v ?? "";
        }
        steps.push({ line, kind: "send", who: m[1] ?? "warga", attrs, text: m[3]! });
      } else if ((m = /^bot:\s?(.*)$/.exec(s))) steps.push({ line, kind: "expect", text: m[1]! });
      else if ((m = /^expecting:\s*(\S+)$/.exec(s))) steps.push({ line, kind: "expecting", text: m[1]! });
      else if (/^---\s*mulai ulang\s*---$/.test(s)) steps.push({ line, kind: "restart", text: "" });
      else if ((m = /^---\s*jam \+(\d+)\s*---$/.exec(s))) steps.push({ line, kind: "clock", text: m[1]! });
      else throw new Error(`${file}:${line}: cannot read this line: ${s}`);
    });
  return { file, config, steps };
}

/** Replies as one text: each reply, its options as "key. label", replies separated by a blank line. */
export function renderReplies(result: HandleResult): string {
  return result.replies
    .map((r) => [r.text, ...(r.options ?? []).map((o) => `${o.key}. ${o.label}`)].join("\n"))
    .join("\n\n");
}

const escape = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
const squash = (s: string) => s.replace(/\s+/g, " ").trim();

function patternRegex(pattern: string, vars: Record<string, string>): { re: RegExp; captures: string[] } {
  const captures: string[] = [];
  let src = "";
  for (const part of squash(pattern).split(/(\{\w+\}|\*)/)) {
    if (part === "*") src += "[\\s\\S]*?";
    else if (/^\{\w+\}$/.test(part)) {
      const name = part.slice(1, -1);
      if (vars[name] !== undefined) src += escape(vars[name]);
      else {
        captures.push(name);
        src += name.startsWith("kode") ? "(U\\d{2}-[2-9A-HJ-NP-Z]{4})" : "(\\S+)";
      }
    } else src += escape(part);
  }
  return { re: new RegExp(src, "iy"), captures };
}

/** Runs a transcript; throws with the file, line, expectation and the actual replies on a mismatch. */
export async function runTranscript(t: Transcript): Promise<void> {
  const bot: Bot = await startBot({
    ...(t.config.maxProposalsPerCycle ? { maxProposalsPerCycle: t.config.maxProposalsPerCycle } : {}),
    ...(t.config.rateLimit ? { rateLimit: { max: t.config.rateLimit, windowMs: 60_000 } } : {}),
  });
  const vars: Record<string, string> = {};
  let last: HandleResult | undefined;
  let rendered = "";
  let cursor = 0;
  const fail = (step: Step, msg: string) => {
    throw new Error(`${t.file}:${step.line}: ${msg}\n--- the bot said ---\n${rendered}\n--------------------`);
  };
  try {
    for (const step of t.steps) {
      switch (step.kind) {
        case "restart":
          await bot.restart();
          break;
        case "clock":
          bot.clock.advance(Number(step.text) * 3600_000);
          break;
        case "send": {
          const text = step.text
            .replace(/\{pilih:([^}]+)\}/g, (_, label: string) => {
              const option = last?.replies
                .flatMap((r) => r.options ?? [])
                .find((o) => o.label.toLowerCase().includes(label.toLowerCase()));
              if (!option) fail(step, `no option offered contains "${label}"`);
              return option!.key;
            })
            .replace(/\{(\w+)\}/g, (w, name: string) => vars[name] ?? w)
            .replace(/\{panjang:(\d+)\}/g, (_, n: string) => "a".repeat(Number(n)));
          const a = step.attrs ?? {};
          const msg: Partial<InboundMessage> = { kind: "text", text };
          if ("foto" in a)
            Object.assign(msg, {
              kind: "photo",
              text: undefined,
              media: { mimeType: "image/jpeg", data: new TextEncoder().encode(`foto ${text}`) },
            });
          if ("suara" in a) Object.assign(msg, { kind: "voice", text: undefined });
          if ("stiker" in a) Object.assign(msg, { kind: "sticker", text: undefined });
          if ("lokasi" in a) {
            const [lat, lng] = text.split(",").map(Number);
            Object.assign(msg, { kind: "location", text: undefined, location: { latitude: lat, longitude: lng } });
          }
          if (a.id) msg.messageId = `${step.who}-${a.id}`;
          if (a.start !== undefined) Object.assign(msg, { text: `/start ${a.start}`, startPayload: a.start });
          last = await bot.send(step.who!, msg);
          rendered = renderReplies(last);
          cursor = 0;
          break;
        }
        case "expect": {
          if (!last) fail(step, "bot: before any warga: line");
          if (/^\(tidak ada balasan\)$/.test(step.text)) {
            if (last!.replies.length) fail(step, "expected no reply");
            break;
          }
          const hay = squash(rendered);
          const { re, captures } = patternRegex(step.text, vars);
          let found: RegExpExecArray | null = null;
          for (let from = cursor; from <= hay.length && !found; from++) {
            re.lastIndex = from;
            found = re.exec(hay);
          }
          if (!found) fail(step, `expected (after what was already matched): ${step.text}`);
          captures.forEach((name, i) => (vars[name] = found![i + 1]!));
          cursor = found!.index + found![0].length;
          break;
        }
        case "expecting": {
          const want = step.text === "null" ? null : step.text;
          if (last?.expecting !== want) fail(step, `expected expecting=${step.text}, got ${String(last?.expecting)}`);
          break;
        }
      }
    }
  } finally {
    await bot.close();
  }
}
