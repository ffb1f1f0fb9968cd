// Table rows into kamus entries, with every bad row collected before anything is written.
import type { KamusDoc } from "../kamus/types.ts";
import { Problems, ImportError } from "./errors.ts";
import { mapColumns, type ColumnMap } from "./headers.ts";
import { expectedKamusHeaders, kamusAliases, type KamusField } from "./kamus-columns.ts";
import { parsePrice } from "./price.ts";
import type { Cell, Table, TableRow } from "./table.ts";

/** A kamus entry read from a file: KamusDoc plus SIPD's agency code, e.g. `{ "kode": "12", "nama": "Pembuatan Taman", "agencyCode": null, ... }`. */
export interface KamusRow extends KamusDoc {
  agencyCode?: string | null;
}

/** Options shared by readKamusFile and importKamusFile. */
export interface KamusReadOptions {
  /** Put before every kode, e.g. "JBR-" so that two sources with numeric ids can live in one database. */
  kodePrefix?: string;
}

const textFields = [
  "agency",
  "agencyCode",
  "urusan",
  "program",
  "kegiatan",
  "subKegiatanCode",
  "subKegiatan",
  "unit",
  "kind",
] as const;

/** Checks and converts every row; throws an ImportError listing the bad rows (name blank, price not a number, kode repeated). */
export function tableToKamus(table: Table, options: KamusReadOptions = {}): KamusRow[] {
  const columns = kamusColumnsOf(table);
  const problems = new Problems(table.file);
  const seen = new Map<string, number>();
  const entries: KamusRow[] = [];
  for (const row of table.rows) {
    const entry = rowToKamus(row, columns, problems, options.kodePrefix ?? "");
    if (!entry) continue;
    const first = seen.get(entry.kode);
    if (first !== undefined)
      problems.add(row.line, columns.kode.header, `kode "${entry.kode}" is already used on line ${first}`);
    else seen.set(entry.kode, row.line);
    entries.push(entry);
  }
  problems.throwIfAny();
  return entries;
}

type KamusColumns = ColumnMap<KamusField> & Required<Pick<ColumnMap<KamusField>, "kode" | "nama">>;

function kamusColumnsOf(table: Table): KamusColumns {
  const columns = mapColumns(table.headers, kamusAliases);
  const missing = !columns.nama ? "name" : !columns.kode ? "kode" : undefined;
  if (missing) {
    const found = table.headers.filter(Boolean).join(", ");
    const message = `no ${missing} column among the headers (${found}); expected the kamus headers of ${expectedKamusHeaders}`;
    throw new ImportError(table.file, [{ line: table.headerLine, message }]);
  }
  return columns as KamusColumns;
}

function rowToKamus(
  row: TableRow,
  columns: KamusColumns,
  problems: Problems,
  kodePrefix: string,
): KamusRow | undefined {
  const cell = (field: KamusField): Cell => {
    const column = columns[field];
    return column ? (row.cells[column.index] ?? null) : null;
  };
  const text = (field: KamusField): string | null => {
    const value = cell(field);
    return value === null ? null : String(value).replace(/\s+/g, " ");
  };
  const kode = text("kode");
  const nama = text("nama");
  const unitPrice = parsePrice(cell("unitPrice"));
  if (kode === null) problems.add(row.line, columns.kode.header, "kode is empty");
  if (nama === null) problems.add(row.line, columns.nama.header, "name is empty");
  if (unitPrice === undefined) {
    const message = `price "${cell("unitPrice")}" is not a number; write it like 2000000 or Rp 2.000.000`;
    problems.add(row.line, columns.unitPrice?.header, message);
  }
  if (kode === null || nama === null || unitPrice === undefined) return undefined;
  const entry: KamusRow = { kode: kodePrefix + kode, nama, unitPrice };
  for (const field of textFields) entry[field] = text(field);
  // Requirements keep their line breaks: they are read as a list.
  const requirements = cell("requirements");
  entry.requirements = requirements === null ? null : String(requirements);
  return entry;
}
