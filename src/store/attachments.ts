// Photos on disk by content: DATA_DIR/attachments/ab/abcdef....jpg; metadata rows link them to proposals.
import { mkdir, writeFile, access } from "node:fs/promises";
import { join } from "node:path";
import type { Sql } from "./sql.ts";

/** The file's place under the data folder (relative, as stored in Attachment.path). */
export function attachmentPath(sha256: string, mimeType: string): string {
  const ext =
    mimeType === "image/png"
      ? "png"
      : mimeType === "image/webp"
        ? "webp"
        : mimeType.startsWith("image/")
          ? "jpg"
          : "bin";
  return join("attachments", sha256.slice(0, 2), `${sha256}.${ext}`);
}

/** Writes the bytes once (same content, same file); returns the relative path. */
export async function writeAttachmentFile(
  dataDir: string,
  sha256: string,
  mimeType: string,
  data: Uint8Array,
): Promise<string> {
  const rel = attachmentPath(sha256, mimeType);
  const full = join(dataDir, rel);
  try {
    await access(full);
  } catch {
    await mkdir(join(full, ".."), { recursive: true });
    await writeFile(full, data);
  }
  return rel;
}

/** Metadata rows for a proposal's photos. */
export async function linkAttachments(
  sql: Sql,
  proposalId: number,
  photos: { sha256: string; mimeType: string; size: number; fileName?: string }[],
  now: Date,
): Promise<void> {
  for (const p of photos) {
    await sql.run(
      `INSERT INTO "Attachment" ("proposalId", "sha256", "mimeType", "size", "path", "originalName", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [proposalId, p.sha256, p.mimeType, p.size, attachmentPath(p.sha256, p.mimeType), p.fileName ?? null, now],
    );
  }
}
