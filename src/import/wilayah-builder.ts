// Collects kecamatan and desa from rows, reporting bad codes, repeats and inconsistencies with their lines.
import type { Problems } from "./errors.ts";
import type { TableRow } from "./table.ts";

/** A kecamatan, e.g. `{ "code": "3216010", "name": "Setu" }`. */
export interface DistrictRow {
  code: string;
  name: string;
  /** Kemendagri code ("32.16.14"), when the list comes from `import wilayah --kabupaten`. */
  kemendagriCode?: string | null;
}

/** A desa/kelurahan, e.g. `{ "code": "3216010001", "name": "Ragemanunggal", "districtCode": "3216010" }`. */
export interface VillageRow extends DistrictRow {
  districtCode: string;
}

/** A region list read from a file. */
export interface Wilayah {
  districts: DistrictRow[];
  villages: VillageRow[];
}

/** BPS code lengths: kecamatan 7 digits (3216010), desa 10 digits (3216010001). */
export const districtDigits = 7;
export const villageDigits = 10;

/** A code or name cell with the header of its column. */
export interface Field {
  value: string | null;
  column: string;
}

/** Builds a Wilayah row by row; every problem goes to `problems`. */
export class WilayahBuilder {
  private districts = new Map<string, DistrictRow & { line: number }>();
  private villages = new Map<string, VillageRow & { line: number }>();

  constructor(private problems: Problems) {}

  /** Adds a kecamatan (once; the same code with another name is a problem); returns its code when the code is valid. */
  district(row: TableRow, code: Field, name: Field): string | null {
    const valid = this.validCode(row, code, districtDigits, "kecamatan", "3216010");
    if (name.value === null) this.problems.add(row.line, name.column, "kecamatan name is empty");
    if (valid === null || name.value === null) return valid;
    const known = this.districts.get(valid);
    if (!known) this.districts.set(valid, { code: valid, name: name.value, line: row.line });
    else if (known.name !== name.value) {
      this.problems.add(row.line, name.column, `kecamatan ${valid} is named "${known.name}" on line ${known.line}`);
    }
    return valid;
  }

  /** Adds a desa of the given kecamatan; its code must start with the kecamatan's and be new. */
  village(row: TableRow, code: Field, name: Field, districtCode: string | null): void {
    const valid = this.validCode(row, code, villageDigits, "desa", "3216010001");
    if (name.value === null) this.problems.add(row.line, name.column, "desa name is empty");
    if (valid === null || name.value === null || districtCode === null) return;
    if (!valid.startsWith(districtCode)) {
      this.problems.add(
        row.line,
        code.column,
        `desa code ${valid} does not start with its kecamatan code ${districtCode}`,
      );
      return;
    }
    const known = this.villages.get(valid);
    if (known) this.problems.add(row.line, code.column, `desa code ${valid} is already used on line ${known.line}`);
    else this.villages.set(valid, { code: valid, name: name.value, districtCode, line: row.line });
  }

  /** Every desa's kecamatan must be in the file (needed when the file lists regions one per row). */
  requireDistricts(): void {
    for (const v of this.villages.values()) {
      if (!this.districts.has(v.districtCode)) {
        this.problems.add(
          v.line,
          undefined,
          `kecamatan ${v.districtCode} of desa ${v.code} is not in the file; add a row for it`,
        );
      }
    }
  }

  result(): Wilayah {
    return {
      districts: [...this.districts.values()].map(({ code, name }) => ({ code, name })),
      villages: [...this.villages.values()].map(({ code, name, districtCode }) => ({ code, name, districtCode })),
    };
  }

  private validCode(row: TableRow, code: Field, digits: number, level: string, example: string): string | null {
    if (code.value === null) this.problems.add(row.line, code.column, `${level} code is empty`);
    else if (code.value.length !== digits || !/^\d+$/.test(code.value)) {
      this.problems.add(
        row.line,
        code.column,
        `${level} code "${code.value}" must be ${digits} digits (BPS code, e.g. ${example})`,
      );
    } else return code.value;
    return null;
  }
}
