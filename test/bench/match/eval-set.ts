// The labelled messages of an eval CSV (id,text,kode,acceptable,style,note): `acceptable` lists every kode an
// officer would accept, "NONE" means nothing in the kamus fits.
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";

/** One labelled message. */
export interface EvalCase {
  id: string;
  text: string;
  /** Accepted kodes; empty when nothing fits. */
  acceptable: string[];
  style: string;
}

/** Reads an eval CSV. */
export function readEvalSet(path: string): EvalCase[] {
  const rows = parse<Record<string, string>>(readFileSync(path, "utf8"), {
    columns: true,
    skip_empty_lines: true,
    bom: true,
  });
  return rows.map((r) => {
    const acceptable = (r.acceptable || r.kode || "")
      .split("|")
      .map((k) => k.trim())
      .filter((k) => k && k !== "NONE");
    return { id: r.id ?? "", text: r.text ?? "", acceptable, style: r.style ?? "" };
  });
}

/** Splits cases into two halves by position (odd / even), for tuning on one and checking on the other. */
export function halves(cases: EvalCase[]): { tune: EvalCase[]; check: EvalCase[] } {
  return { tune: cases.filter((_, i) => i % 2 === 0), check: cases.filter((_, i) => i % 2 === 1) };
}
