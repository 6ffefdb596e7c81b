import { gzipSync } from 'node:zlib';

export interface CachedPage {
  body: Buffer;
  gzipped: Buffer;
  headers: Record<string, string>;
  expires: number;
}

/**
 * Rendered public pages kept in memory, served like files. Bounded (oldest
 * out first) and short-lived: every entry expires after `ttlMs`, so each
 * instance picks up a new edition (and the superseded notice it puts on older
 * ones) within that time even when another instance published it.
 */
export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  constructor(
    private readonly maxEntries = 500,
    private readonly ttlMs = 60_000,
  ) {}

  get(key: string, now = Date.now()): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expires > now) return entry;
    if (entry) this.entries.delete(key);
    return undefined;
  }

  set(key: string, body: Buffer, headers: Record<string, string>, now = Date.now()) {
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { body, gzipped: gzipSync(body), headers, expires: now + this.ttlMs });
  }

  clear() {
    this.entries.clear();
  }

  get size() {
    return this.entries.size;
  }
}
