// Strict UTF-8 decoding: a file saved in another encoding (Excel's "CSV" is often Windows-1252) is refused
// with the line of the first bad byte instead of being imported with garbled names.
import { ImportError } from "./errors.ts";

/** Decodes UTF-8 (a leading BOM is dropped); on a bad byte throws an error naming the file and line. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    return decoder.decode(bytes);
  } catch {
    const message = `the text is not UTF-8; in Excel use "Save As" → "CSV UTF-8 (Comma delimited)"`;
    throw new ImportError(file, [{ line: badLine(bytes), message }]);
  }
}

/** The 1-based line of the first invalid byte. A newline byte never occurs inside a UTF-8 sequence, so lines decode independently. */
function badLine(bytes: Uint8Array): number {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let start = 0;
  for (let line = 1; ; line++) {
    const end = bytes.indexOf(0x0a, start);
    const stop = end === -1 ? bytes.length : end;
    try {
      decoder.decode(bytes.subarray(start, stop));
    } catch {
      return line;
    }
    if (end === -1) return line;
    start = end + 1;
  }
}
