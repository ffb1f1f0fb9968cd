// Downloads a file a resident sent (getFile, then GET <apiRoot>/file/bot<token>/<file_path>).
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { Telegram } from "telegraf";

/** The bytes of a Telegram file and its name. */
export type FileDownloader = (
  telegram: Telegram,
  fileId: string,
) => Promise<{ bytes: Uint8Array<ArrayBuffer>; fileName?: string }>;

/** Telegram's Bot API serves files up to 20 MB; photos are far smaller. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** The default downloader: global fetch, with a size check and an error that says which file failed. */
export const downloadFile: FileDownloader = async (telegram, fileId) => {
  const file = await telegram.getFile(fileId);
  if (file.file_size !== undefined && file.file_size > MAX_FILE_BYTES) {
    throw new Error(`Telegram file ${fileId} is too large (${file.file_size} bytes)`);
  }
  const url = await telegram.getFileLink(file);
  let bytes: Uint8Array<ArrayBuffer>;
  if (url.protocol === "file:") {
    // A self-hosted Bot API server in --local mode answers with a path on its own disk (share that folder
    // with this app); telegraf turns it into file://<api host>/path, so only the path counts.
    bytes = new Uint8Array(await readFile(decodeURIComponent(url.pathname)));
  } else {
    const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
    if (!response.ok) throw new Error(`downloading Telegram file ${fileId} failed: HTTP ${response.status}`);
    bytes = new Uint8Array(await response.arrayBuffer());
  }
  if (bytes.byteLength > MAX_FILE_BYTES)
    throw new Error(`Telegram file ${fileId} is too large (${bytes.byteLength} bytes)`);
  return { bytes, fileName: file.file_path ? basename(file.file_path) : undefined };
};
