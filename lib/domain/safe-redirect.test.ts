import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './safe-redirect';

/** What a browser on this site, and a server decoding the path, could make of a redirect target. */
function staysOnSite(path: string): boolean {
  const site = 'https://studio.example';
  if (new URL(path, site).origin !== site) return false;
  let current = path;
  for (let i = 0; i < 5; i++) {
    if (/^[/\\]{2}/.test(current) || /^\/[/\\]/.test(current) || /[\u0000-\u001f\u007f]/.test(current)) return false;
    if (new URL(current, site).origin !== site || new URL(current, site).pathname.startsWith('//')) return false;
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return true;
    }
    if (next === current) return true;
    current = next;
  }
  return true;
}

describe('safeCallbackPath', () => {
  it.each([
    ['/', '/'],
    ['/admin/users', '/admin/users'],
    ['/jurisdictions/lima?tab=people#top', '/jurisdictions/lima?tab=people#top'],
    ['/a/../admin', '/admin'],
    ['/profiles/lima?q=a%20b', '/profiles/lima?q=a%20b'],
  ])('keeps the site path %s', (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });

  it.each([
    '//evil.example',
    '//evil.example/path',
    '/\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '/.//evil.example',
    '/..//evil.example',
    '/a/..//evil.example',
    '/%2e//evil.example',
    '/%2E%2E//evil.example',
    '/%2F%2Fevil.example',
    '/%2f%2fevil.example',
    '/%5Cevil.example',
    '/%5C%5Cevil.example',
    '/%252F%252Fevil.example',
    '/%09/evil.example',
    '/%2e%2e/%2F/evil.example',
    'https://evil.example/',
    'http://localhost:3000/admin',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'evil.example',
    '',
    '   ',
    'x'.repeat(3000),
  ])('sends %j home', (input) => {
    expect(safeCallbackPath(input)).toBe('/');
  });

  it('sends non-strings home', () => {
    expect(safeCallbackPath(undefined)).toBe('/');
    expect(safeCallbackPath(['/admin'])).toBe('/');
    expect(safeCallbackPath(42)).toBe('/');
  });

  // Paths assembled from the pieces open redirects are made of: whatever comes out stays on the site.
  const pieces = ['/', '//', '\\', '.', '..', '%2e', '%2E', '%2f', '%2F', '%5c', '%5C', '%25', '%09', '%00', '\t', '\n', '\r', ' ', '@', ':', '?', '#', 'evil.example', 'admin', 'http:', 'javascript:'];
  const hostile = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 12 }).map((p) => p.join(''));

  it('never returns a path that leaves the site, however the input is made', () => {
    fc.assert(
      fc.property(fc.oneof(hostile, fc.string(), fc.string({ unit: 'binary' }), fc.webUrl(), fc.webPath()), (input) => {
        const out = safeCallbackPath(input);
        expect(out === '/' || staysOnSite(out), `${JSON.stringify(input)} → ${JSON.stringify(out)}`).toBe(true);
      }),
      { numRuns: 5000 },
    );
  }, 60_000); // thousands of runs: give a loaded machine time

  it('is stable: a path it returned comes back unchanged', () => {
    fc.assert(
      fc.property(fc.oneof(hostile, fc.webPath()), (input) => {
        const out = safeCallbackPath(input);
        expect(safeCallbackPath(out)).toBe(out);
      }),
      { numRuns: 2000 },
    );
  }, 60_000);

  it('keeps ordinary site paths', () => {
    const segment = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), (segments) => {
        const path = `/${segments.join('/')}`;
        expect(safeCallbackPath(path)).toBe(path);
      }),
    );
  });
});
