import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { baselineContentSecurityPolicy, contentSecurityPolicy, staticSecurityHeaders } from './security-headers.js';
import { inlineScriptHashes } from './prerendered-script-hashes';

const sha = (s: string) => createHash('sha256').update(s).digest('base64');

describe('the content security policy', () => {
  it('allows this origin and the nonce, and nothing inline otherwise', () => {
    const policy = contentSecurityPolicy({ nonce: 'abc' });
    expect(policy).toContain("script-src 'self' 'nonce-abc';");
    expect(policy).not.toMatch(/script-src[^;]*unsafe/);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("base-uri 'self'");
  });

  it('lists hashes when given, and the baseline allows no inline script', () => {
    expect(contentSecurityPolicy({ hashes: ['h1'] })).toContain("script-src 'self' 'sha256-h1';");
    expect(baselineContentSecurityPolicy()).toContain("script-src 'self';");
  });

  it('has the static headers of every answer', () => {
    const headers = staticSecurityHeaders();
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['X-Frame-Options']).toBe('DENY');
    expect(headers).not.toHaveProperty('Strict-Transport-Security'); // added by proxy.ts over https only
  });
});

describe('inlineScriptHashes (of a prerendered build file)', () => {
  it('hashes inline scripts, skipping external scripts and JSON data', () => {
    const html =
      '<script src="/_next/a.js" async></script><script>self.__next_f.push([1])</script>' +
      '<script type="application/ld+json">{"a":1}</script><SCRIPT>\nother()\n</SCRIPT><script>self.__next_f.push([1])</script>';
    expect(inlineScriptHashes(html)).toEqual([sha('self.__next_f.push([1])'), sha('\nother()\n')]);
  });
});
