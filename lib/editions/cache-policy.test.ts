import { describe, expect, it } from 'vitest';
import { IMMUTABLE, publicCacheControl, SHORT_SHARED } from './cache-policy';

describe('publicCacheControl', () => {
  it('gives every page that can change a short shared lifetime, never immutable', () => {
    for (const kind of ['about', 'index', 'latest', 'dated', 'compare'] as const) {
      expect(publicCacheControl(kind, 'GET')).toBe(SHORT_SHARED);
      expect(publicCacheControl(kind, 'HEAD')).toBe(SHORT_SHARED);
    }
    expect(SHORT_SHARED).not.toContain('immutable');
    expect(SHORT_SHARED).toMatch(/s-maxage=60\b/);
    expect(SHORT_SHARED).toMatch(/\bmax-age=0\b/);
  });

  it('leaves the PDF (immutable, set by its route) and unknown paths to the route', () => {
    expect(publicCacheControl('pdf', 'GET')).toBeUndefined();
    expect(publicCacheControl('other', 'GET')).toBeUndefined();
    expect(IMMUTABLE).toContain('immutable');
  });

  it('never lets a shared cache keep the answer to a POST or an odd method', () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'PROPFIND']) expect(publicCacheControl('dated', method)).toBeUndefined();
  });
});
