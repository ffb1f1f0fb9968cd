// Inbound text without control characters (issue #13): PostgreSQL refuses NUL bytes in text, so a proposal with
// one could never be stored; other control characters only confuse the matcher and exports. Every channel's
// messages pass through here before a turn runs; line breaks and tabs stay (as a space for tabs).
import type { InboundMessage } from "./message.ts";

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** `text` without NUL and other control characters; CR LF becomes LF, a tab a space. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(/\t/g, " ").replace(CONTROL, "");
}

/** True when an id (chat or message id) carries a control character; such ids are refused, not rewritten. */
export function hasControl(id: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u001F\u007F]/.test(id);
}

/** The message with every free-text field cleaned; ids are left for the caller to check. */
export function cleanInbound(m: InboundMessage): InboundMessage {
  const out: InboundMessage = { ...m };
  if (m.text !== undefined) out.text = cleanText(m.text);
  if (m.startPayload !== undefined) out.startPayload = cleanText(m.startPayload);
  if (m.media?.fileName !== undefined) out.media = { ...m.media, fileName: cleanText(m.media.fileName) };
  return out;
}
