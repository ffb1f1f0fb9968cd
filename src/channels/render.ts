// Numbered options as plain text: WhatsApp has no reliable buttons, and on Telegram the resident may type
// the number too, so the list is part of the text on every channel (Telegram adds buttons on top). A link
// is a button on Telegram and a "label: url" line on channels without buttons (renderPlainText).
import type { OutboundMessage, Reply, ReplyOption } from "../messages/message.ts";

/** One option as a line, e.g. "1. Jalan lingkungan (DPUPR, m²)". */
export function optionLine(option: ReplyOption): string {
  return `${option.key}. ${option.label}`;
}

/**
 * The reply as the resident reads it, e.g. `{ text: "Pilih:", options: [{ key: "1", label: "Ya" }] }`
 * → "Pilih:\n\n1. Ya". Options whose line is already in the text are not repeated.
 */
export function renderText(reply: Reply): string {
  const options = reply.options ?? [];
  const missing = options.filter((o) => !reply.text.includes(optionLine(o)));
  if (missing.length === 0) return reply.text;
  const list = missing.map(optionLine).join("\n");
  return reply.text.trim() === "" ? list : `${reply.text}\n\n${list}`;
}

/**
 * The reply for a channel without buttons (WhatsApp): renderText plus the link as its own line, e.g.
 * "Terima kasih ...\n\nIsi usulan di chat pribadi: https://t.me/MusrenbangBot?start=usul".
 */
export function renderPlainText(message: Pick<OutboundMessage, "text" | "options" | "link">): string {
  const text = renderText(message);
  if (!message.link) return text;
  const line = `${message.link.label}: ${message.link.url}`;
  return text.trim() === "" ? line : `${text}\n\n${line}`;
}

/** Cuts a text to `max` characters on a word boundary where possible, marking the cut with "…". */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
