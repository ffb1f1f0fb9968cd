// Import errors: every bad row is collected first, then reported together in one line, and nothing is written.
import { Refusal } from "../refusal.ts";

/** How many problems the message lists before it says "and N more". */
const shown = 20;

/** One bad cell or row, e.g. `{ line: 5, column: "nama_usulan", message: "name is empty" }`. */
export interface RowProblem {
  line?: number;
  column?: string;
  message: string;
}

/** A file that cannot be imported (a Refusal, 422); `problems` holds every bad row, the message the first few. */
export class ImportError extends Refusal {
  constructor(
    readonly file: string,
    readonly problems: RowProblem[],
  ) {
    super(422, describeProblems(file, problems));
  }
}

/** `kamus.csv line 5, column nama: name is empty; ...; and 3 more. Nothing was imported: fix the file and run the import again.` */
function describeProblems(file: string, problems: RowProblem[]): string {
  const listed = problems.slice(0, shown).map((p) => `${where(file, p)}: ${p.message}`);
  const more = problems.length > shown ? `; and ${problems.length - shown} more` : "";
  // Row problems get a reminder that the import is all or nothing; a missing file needs none.
  const rows = problems.some((p) => p.line !== undefined);
  return `${listed.join("; ")}${more}${rows ? ". Nothing was imported: fix the file and run the import again." : ""}`;
}

function where(file: string, p: RowProblem): string {
  return [file, p.line !== undefined ? ` line ${p.line}` : "", p.column ? `, column ${p.column}` : ""].join("");
}

/** Collects problems while rows are checked; `throwIfAny` ends the check. */
export class Problems {
  readonly list: RowProblem[] = [];

  constructor(readonly file: string) {}

  add(line: number | undefined, column: string | undefined, message: string): void {
    this.list.push({ line, column, message });
  }

  throwIfAny(): void {
    if (this.list.length) throw new ImportError(this.file, this.list);
  }
}

/** A problem with the whole file (missing, wrong format, no header): one message, no row. */
export function fileError(file: string, message: string): ImportError {
  return new ImportError(file, [{ message }]);
}
