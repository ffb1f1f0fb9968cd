// Opens a CSV or XLSX file by its content (an .xlsx renamed to .csv still works) and reads it into a Table.
import { readFile } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { readCsv } from "./csv.ts";
import { ImportError } from "./errors.ts";
import type { Table } from "./table.ts";
import { readXlsx } from "./xlsx.ts";

/** Reads a CSV (UTF-8) or XLSX file; a missing file or an old .xls is an ImportError saying what to do. */
export async function readTable(path: string): Promise<Table> {
  const file = basename(path);
  const bytes = await readBytes(path, file);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return readXlsx(bytes, file);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new ImportError(file, [
      { message: "old Excel 97-2003 (.xls) files are not supported; save it as .xlsx or CSV UTF-8" },
    ]);
  }
  return readCsv(bytes, file);
}

async function readBytes(path: string, file: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT")
      throw new ImportError(file, [
        { message: `file not found (looked for ${resolve(path)}); check the path and the name` },
      ]);
    if (code === "EISDIR")
      throw new ImportError(file, [{ message: `${path} is a folder; give the path of a CSV or XLSX file` }]);
    throw new ImportError(file, [{ message: `cannot read ${path}: ${(error as Error).message}` }]);
  }
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}
