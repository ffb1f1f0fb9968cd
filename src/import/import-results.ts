// The agencies' results back from SIPD: a CSV or XLSX with the proposal code, DITERIMA or TIDAK_DITERIMA and a
// note. Every row is checked first (all or nothing, problems by line); then, in one transaction, each
// DITERUSKAN proposal takes its outcome with an audit event and its proposer hears it.
import { defaultIntentData } from "../nlu/files.ts";
import type { Db, Prisma } from "../store/client.ts";
import { changeStatusInTransaction } from "../proposals/change-status.ts";
import { statusMessage } from "../proposals/notice.ts";
import { makeTexts } from "../texts/reply-texts.ts";
import { readCsv } from "./csv.ts";
import { fileError, Problems } from "./errors.ts";
import { mapColumns } from "./headers.ts";
import type { Table } from "./table.ts";
import { readXlsx } from "./xlsx.ts";

const aliases = {
  code: ["kode_usulan", "kode", "kode usulan", "nomor usulan"],
  outcome: ["hasil", "status", "keputusan"],
  note: ["catatan", "keterangan", "alasan"],
} as const;

/** What an upload did, e.g. `{ applied: 12, unchanged: 1 }` (unchanged: the same outcome was already recorded). */
export interface ResultsImport {
  applied: number;
  unchanged: number;
}

/** Reads `bytes` (XLSX by its signature, else CSV) and applies the outcomes inside `scope`. */
export async function importResults(
  db: Db,
  input: { bytes: Uint8Array; file: string; scope: Prisma.ProposalWhereInput; actorId: string; now: Date },
): Promise<ResultsImport> {
  const { bytes, file } = input;
  const table: Table = bytes[0] === 0x50 && bytes[1] === 0x4b ? await readXlsx(bytes, file) : readCsv(bytes, file);
  const cols = mapColumns(table.headers, aliases);
  if (!cols.code || !cols.outcome)
    throw fileError(file, "kolom kode_usulan dan hasil wajib ada (hasil: DITERIMA atau TIDAK_DITERIMA)");
  const problems = new Problems(file);
  const wanted: { line: number; code: string; to: "DITERIMA" | "TIDAK_DITERIMA"; note: string | null }[] = [];
  const seen = new Set<string>();
  for (const row of table.rows) {
    const code = String(row.cells[cols.code.index] ?? "")
      .trim()
      .toUpperCase();
    const raw = String(row.cells[cols.outcome.index] ?? "")
      .trim()
      .toUpperCase()
      .replace(/[\s-]+/g, "_");
    const note = cols.note ? String(row.cells[cols.note.index] ?? "").trim() || null : null;
    if (!code) problems.add(row.line, cols.code.header, "kode usulan kosong");
    else if (seen.has(code)) problems.add(row.line, cols.code.header, `kode ${code} muncul dua kali`);
    if (raw !== "DITERIMA" && raw !== "TIDAK_DITERIMA")
      problems.add(
        row.line,
        cols.outcome.header,
        `hasil "${raw || "(kosong)"}" tidak dikenal: tulis DITERIMA atau TIDAK_DITERIMA`,
      );
    else if (code && !seen.has(code)) wanted.push({ line: row.line, code, to: raw, note });
    seen.add(code);
  }
  const found = await db.proposal.findMany({
    where: { AND: [input.scope, { code: { in: wanted.map((w) => w.code) } }] },
    select: { id: true, code: true, status: true },
  });
  const byCode = new Map(found.map((p) => [p.code, p]));
  for (const w of wanted) {
    const p = byCode.get(w.code);
    if (!p) problems.add(w.line, cols.code.header, `usulan ${w.code} tidak ditemukan di wilayah Bapak/Ibu`);
    else if (p.status !== "DITERUSKAN" && p.status !== w.to)
      problems.add(w.line, cols.code.header, `usulan ${w.code} berstatus ${p.status}, belum DITERUSKAN`);
  }
  problems.throwIfAny();
  const texts = makeTexts(defaultIntentData().replies);
  return db.$transaction(async (tx) => {
    let applied = 0;
    for (const w of wanted) {
      const p = byCode.get(w.code)!;
      if (p.status === w.to) continue;
      await changeStatusInTransaction(tx, texts, {
        proposalId: p.id,
        to: w.to,
        actor: { type: "officer", id: input.actorId },
        reason: w.note ?? undefined,
        notice: statusMessage(texts, { to: w.to, reason: w.note ?? undefined }),
        now: input.now,
      });
      applied++;
    }
    return { applied, unchanged: wanted.length - applied };
  });
}
