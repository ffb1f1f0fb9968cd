import { writeFile } from "node:fs/promises";
import { Refusal } from "../refusal.ts";

/** Writes an export to --out, or to stdout (refusing binary XLSX on a terminal). */
export async function writeOutput(data: Buffer, out: string | undefined, binary: boolean): Promise<void> {
  if (out) return writeFile(out, data);
  if (binary && process.stdout.isTTY)
    throw new Refusal(400, "xlsx is binary: add --out FILE.xlsx or redirect stdout to a file");
  await new Promise<void>((resolve, reject) => process.stdout.write(data, (err) => (err ? reject(err) : resolve())));
}
