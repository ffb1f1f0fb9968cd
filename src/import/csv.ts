// CSV into a Table: UTF-8 only, `,` `;` or tab detected from the header line, each row with its physical line.
import { parse } from "csv-parse/sync";
import { ImportError, Problems } from "./errors.ts";
import { cleanCell, isBlankRow, type Table, type TableRow } from "./table.ts";
import { decodeUtf8 } from "./utf8.ts";

/** Reads CSV bytes; quoted fields may span lines, and a row's line is the one where it starts. */
export function readCsv(bytes: Uint8Array, file: string): Table {
  // One kind of line ending, so csv-parse counts lines right (it miscounts CRLF inside quoted fields).
  const text = decodeUtf8(bytes, file).replace(/\r\n?/g, "\n");
  const delimiter = detectDelimiter(text);
  const rows = parseRows(text, delimiter, file);
  const [header, ...data] = rows;
  if (!header)
    throw new ImportError(file, [{ message: "the file is empty: expected a header row, then one row per entry" }]);
  const headers = header.cells.map((c) => (c === null ? "" : String(c)));
  const problems = new Problems(file);
  for (const row of data) {
    if (row.cells.slice(headers.length).some((c) => c !== null)) {
      const message = `${row.cells.length} values but the header has ${headers.length} columns; put text containing "${delimiter}" in double quotes`;
      problems.add(row.line, undefined, message);
    }
  }
  problems.throwIfAny();
  return { file, headerLine: header.line, headers, rows: data };
}

function parseRows(text: string, delimiter: string, file: string): TableRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info: true` each record comes as { record, info } (csv-parse's typings do not say so).
    records = parse(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (error) {
    const e = error as Error & { lines?: number; code?: string };
    if (e.code === "CSV_QUOTE_NOT_CLOSED") {
      const message = 'a double quote opened here is never closed; close it or double it ("") inside the text';
      throw new ImportError(file, [{ line: unclosedQuoteLine(text, delimiter), message }]);
    }
    throw new ImportError(file, [{ line: e.lines, message: e.message.replace(/ at line \d+/, "") }]);
  }
  const rows: TableRow[] = [];
  for (const { record, info } of records) {
    // info.lines is the line where the record ends; step back over the newlines inside its quoted fields.
    const line = info.lines - record.reduce((n, field) => n + (field.match(/\n/g)?.length ?? 0), 0);
    const cells = record.map(cleanCell);
    if (!isBlankRow(cells)) rows.push({ line, cells });
  }
  return rows;
}

/** The delimiter that occurs most often outside quotes in the first non-empty line (`,` on a tie). */
export function detectDelimiter(text: string): string {
  const firstLine = text.split("\n").find((l) => l.trim() !== "") ?? "";
  const unquoted = firstLine.replace(/"[^"]*"/g, "");
  const count = (d: string) => unquoted.split(d).length - 1;
  return [";", "\t"].reduce((best, d) => (count(d) > count(best) ? d : best), ",");
}

/** The line of the quote that opens a field and is never closed (csv-parse reports the end of the file). */
function unclosedQuoteLine(text: string, delimiter: string): number {
  let line = 1;
  let openedOn = 1;
  let quoted = false;
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') i++;
      else if (ch === '"') quoted = false;
    } else if (ch === '"' && fieldStart) {
      quoted = true;
      openedOn = line;
    }
    if (ch === "\n") line++;
    fieldStart = !quoted && (ch === delimiter || ch === "\n");
  }
  return openedOn;
}
