import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PageCache } from './page-cache';

describe('PageCache', () => {
  it('serves an entry until it expires, with a gzipped copy', () => {
    const cache = new PageCache(10, 1000);
    cache.set('a', Buffer.from('<html>a</html>'), { 'content-type': 'text/html' }, 0);
    expect(cache.get('a', 999)?.body.toString()).toBe('<html>a</html>');
    expect(gunzipSync(cache.get('a', 999)!.gzipped).toString()).toBe('<html>a</html>');
    expect(cache.get('a', 1000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('drops the oldest entry when full, and clears', () => {
    const cache = new PageCache(2, 1000);
    for (const k of ['a', 'b', 'c']) cache.set(k, Buffer.from(k), {}, 0);
    expect(cache.get('a', 1)).toBeUndefined();
    expect(cache.get('c', 1)?.body.toString()).toBe('c');
    cache.clear();
    expect(cache.size).toBe(0);
  });
});
