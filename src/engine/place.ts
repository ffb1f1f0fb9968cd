// RT/RW in the ways residents write them: "RT 03 RW 05", "rt.3/rw.5", "rt 3/5", "RT/RW 003/005", "rt03rw05".

/** The RT and RW found (two digits, "03") and the text with them removed. */
export interface RtRw {
  rt?: string;
  rw?: string;
  rest: string;
}

const pad = (n: string) => String(Number(n)).padStart(2, "0");

/** Finds RT and RW numbers in text. */
export function parseRtRw(text: string): RtRw {
  let rt: string | undefined;
  let rw: string | undefined;
  let rest = text;
  const pair =
    /\brt\s*[./]?\s*rw\s*[.:]?\s*(\d{1,3})\s*[/\-\\]\s*(\d{1,3})\b/i.exec(rest) ??
    /\brt\s*[.:]?\s*(\d{1,3})\s*[/\\]\s*(?:rw\s*[.:]?\s*)?(\d{1,3})\b/i.exec(rest);
  if (pair) {
    rt = pad(pair[1]!);
    rw = pad(pair[2]!);
    rest = rest.replace(pair[0], " ");
  }
  if (!rt) {
    const m = /\brt\s*[.:]?\s*(\d{1,3})\b/i.exec(rest) ?? /\brt(\d{1,3})/i.exec(rest);
    if (m) {
      rt = pad(m[1]!);
      rest = rest.replace(m[0], " ");
    }
  }
  if (!rw) {
    const m = /\brw\s*[.:]?\s*(\d{1,3})\b/i.exec(rest) ?? /\brw(\d{1,3})/i.exec(rest);
    if (m) {
      rw = pad(m[1]!);
      rest = rest.replace(m[0], " ");
    }
  }
  return { rt, rw, rest: rest.replace(/\s+/g, " ").trim() };
}
