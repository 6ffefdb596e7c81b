import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './safe-redirect';

describe('safeCallbackPath', () => {
  it.each([
    ['/', '/'],
    ['/admin/users', '/admin/users'],
    ['/jurisdictions/lima?tab=people#top', '/jurisdictions/lima?tab=people#top'],
    ['/a/../admin', '/admin'],
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
});
