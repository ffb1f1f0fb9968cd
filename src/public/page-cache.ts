// Rendered public pages kept for a short time, gzipped once: a desa page is read far more often than it
// changes, and a phone on a slow line should get the small compressed copy. Bounded, so random URLs cannot
// grow it without limit.
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";

/** A rendered body with its gzip copy and ETag. */
export interface CachedBody {
  status: number;
  body: Buffer;
  gzip: Buffer;
  etag: string;
  storedAt: number;
}

/** Wraps a body for serving: gzip and a strong ETag over the content. */
export function packBody(status: number, text: string | Uint8Array, now: number): CachedBody {
  const body = Buffer.from(text);
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`;
  return { status, body, gzip: gzipSync(body, { level: 9 }), etag, storedAt: now };
}

/** A small time-to-live cache of rendered pages by key (path plus the query values that matter). */
export class PageCache {
  private entries = new Map<string, CachedBody>();

  constructor(
    private ttlMs: number,
    private maxEntries = 500,
  ) {}

  get(key: string, now: number): CachedBody | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (now - hit.storedAt >= this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return hit;
  }

  set(key: string, value: CachedBody): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  clear(): void {
    this.entries.clear();
  }
}
