// A spreadsheet as the importers see it, whether it came from CSV or XLSX: a header and numbered rows.

/** A cell after normalisation: trimmed text, a number (XLSX only), or null when blank. */
export type Cell = string | number | null;

/** One data row with the line (CSV) or sheet row (XLSX) it came from, 1-based. */
export interface TableRow {
  line: number;
  cells: Cell[];
}

/**
 * A file read into rows, e.g.
 * `{ "file": "kamus.csv", "headerLine": 1, "headers": ["kode", "nama"], "rows": [{ "line": 2, "cells": ["A-1", "Rabat Beton"] }] }`.
 */
export interface Table {
  /** The file's base name, used in every error message. */
  file: string;
  headerLine: number;
  headers: string[];
  rows: TableRow[];
}

/** Trims text and turns blank text into null; numbers pass through. */
export function cleanCell(value: string | number | null | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  const text = value.trim();
  return text === "" ? null : text;
}

/** True when every cell is blank (Excel often saves trailing `,,,,` lines). */
export function isBlankRow(cells: Cell[]): boolean {
  return cells.every((c) => c === null);
}
