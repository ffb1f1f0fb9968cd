// An uploaded CSV/XLSX handed to the same importer as the CLI: saved under a temporary folder with its own
// name (so the importer's errors name it, with line and column), imported all or nothing, then removed.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { Refusal } from "../../refusal.ts";
import type { DashboardTexts } from "../dashboard-texts.ts";

const maxBytes = 20 * 1024 * 1024;

export async function withUploadedFile<T>(
  texts: DashboardTexts,
  file: unknown,
  work: (path: string) => Promise<T>,
): Promise<T> {
  if (!(file instanceof File) || file.size === 0) throw new Refusal(400, texts("upload.none"));
  if (file.size > maxBytes) throw new Refusal(413, texts("upload.too_big"));
  const name = basename(file.name).replace(/[^\w.\- ]/g, "_") || "unggahan.csv";
  if (!/\.(csv|xlsx)$/i.test(name)) throw new Refusal(415, texts("upload.type"));
  const dir = await mkdtemp(join(tmpdir(), "musrenbang-upload-"));
  try {
    const path = join(dir, name);
    await writeFile(path, new Uint8Array(await file.arrayBuffer()));
    return await work(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
