import { describe, expect, it } from 'vitest';
import { IMMUTABLE, NO_STORE, PRIVATE_REVALIDATE, publicCacheControl } from './cache-policy';

describe('publicCacheControl', () => {
  it('keeps every page that can change, or differs by language, out of shared caches, never immutable', () => {
    for (const kind of ['about', 'index', 'latest', 'dated', 'compare', 'domains'] as const) {
      expect(publicCacheControl(kind, 'GET')).toBe(PRIVATE_REVALIDATE);
      expect(publicCacheControl(kind, 'HEAD')).toBe(PRIVATE_REVALIDATE);
    }
    expect(PRIVATE_REVALIDATE).toMatch(/^private\b/);
    expect(PRIVATE_REVALIDATE).toContain('no-cache');
    expect(PRIVATE_REVALIDATE).not.toMatch(/immutable|s-maxage|public/);
  });

  it('leaves the PDF (immutable, set by its route) and unknown paths to the route', () => {
    expect(publicCacheControl('pdf', 'GET')).toBeUndefined();
    expect(publicCacheControl('other', 'GET')).toBeUndefined();
    expect(IMMUTABLE).toContain('immutable');
  });

  it('lets nothing keep what a page answers to a POST or an odd method', () => {
    for (const kind of ['about', 'index', 'latest', 'dated', 'compare', 'domains'] as const) {
      for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'PROPFIND']) expect(publicCacheControl(kind, method)).toBe(NO_STORE);
    }
    expect(publicCacheControl('pdf', 'POST')).toBeUndefined();
  });
});
