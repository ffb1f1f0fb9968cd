// Table rows into kecamatan and desa, in either recognised layout; every bad row is collected first.
import { ImportError, Problems } from "./errors.ts";
import { mapColumns, type ColumnMap } from "./headers.ts";
import type { Cell, Table } from "./table.ts";
import { WilayahBuilder, districtDigits, villageDigits, type Field, type Wilayah } from "./wilayah-builder.ts";
import { expectedWilayahHeaders, flatAliases, pairedAliases, type FlatField } from "./wilayah-columns.ts";

/** Checks and converts every row: BPS codes of 7/10 digits, each desa inside its kecamatan, no repeats, names present. */
export function tableToWilayah(table: Table): Wilayah {
  const problems = new Problems(table.file);
  const builder = new WilayahBuilder(problems);
  const paired = mapColumns(table.headers, pairedAliases);
  const flat = mapColumns(table.headers, flatAliases);
  const { districtCode, districtName, villageCode, villageName } = paired;
  if (districtCode && districtName && villageCode && villageName) {
    for (const row of table.rows) {
      const field = (col: { index: number; header: string }): Field => ({
        value: text(row.cells[col.index]),
        column: col.header,
      });
      const district = builder.district(row, field(districtCode), field(districtName));
      builder.village(row, field(villageCode), field(villageName), district);
    }
  } else if (flat.code && flat.name) {
    readFlat(
      table,
      flat as Required<Pick<ColumnMap<FlatField>, "code" | "name">> & ColumnMap<FlatField>,
      builder,
      problems,
    );
  } else {
    const message = `unknown region-list headers (${table.headers.filter(Boolean).join(", ")}); expected ${expectedWilayahHeaders}`;
    throw new ImportError(table.file, [{ line: table.headerLine, message }]);
  }
  problems.throwIfAny();
  return builder.result();
}

/**
 * `kode,nama[,level]`, one region per row: 7-digit codes are kecamatan, 10-digit codes desa. Provinsi (2) and
 * kabupaten (4) rows of a full BPS list are skipped. A level column, when present, must agree with the code.
 */
function readFlat(
  table: Table,
  columns: Required<Pick<ColumnMap<FlatField>, "code" | "name">> & ColumnMap<FlatField>,
  builder: WilayahBuilder,
  problems: Problems,
): void {
  const { code, name, level } = columns;
  for (const row of table.rows) {
    const kode: Field = { value: text(row.cells[code.index]), column: code.header };
    const nama: Field = { value: text(row.cells[name.index]), column: name.header };
    const length = kode.value?.length;
    if (/^\d+$/.test(kode.value ?? "") && (length === 2 || length === 4)) continue;
    const levelText = level ? text(row.cells[level.index]) : null;
    const named =
      levelText === null
        ? undefined
        : /kec/i.test(levelText)
          ? "district"
          : /desa|kel/i.test(levelText)
            ? "village"
            : undefined;
    const byCode = length === districtDigits ? "district" : length === villageDigits ? "village" : undefined;
    if (level && named && byCode && named !== byCode) {
      problems.add(
        row.line,
        level.header,
        `level "${levelText}" does not fit code "${kode.value}" (7 digits: kecamatan, 10 digits: desa)`,
      );
    } else if (byCode === "district" || (!byCode && named === "district")) {
      builder.district(row, kode, nama);
    } else if (byCode === "village" || named === "village") {
      builder.village(row, kode, nama, kode.value?.slice(0, districtDigits) ?? null);
    } else {
      const message =
        kode.value === null
          ? "code is empty"
          : `code "${kode.value}" must be 7 digits (kecamatan) or 10 digits (desa), BPS style`;
      problems.add(row.line, code.header, message);
    }
  }
  builder.requireDistricts();
}

function text(cell: Cell | undefined): string | null {
  return cell === null || cell === undefined ? null : String(cell).replace(/\s+/g, " ");
}
