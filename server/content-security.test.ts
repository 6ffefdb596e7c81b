import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, inlineScriptHashes, staticSecurityHeaders } from './content-security';

const sha = (s: string) => createHash('sha256').update(s).digest('base64');

describe('the content security policy', () => {
  it('allows this origin, the nonce and listed hashes, and nothing inline otherwise', () => {
    const policy = contentSecurityPolicy({ nonce: 'abc', hashes: ['h1'] });
    expect(policy).toContain("script-src 'self' 'nonce-abc' 'sha256-h1'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe/);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("base-uri 'self'");
  });

  it('hashes inline scripts without the nonce, skipping external scripts and JSON data', () => {
    const html =
      '<script src="/_next/a.js" async></script><script>self.__next_f.push([1])</script>' +
      '<script nonce="n1">already()</script><script type="application/ld+json">{"a":1}</script><SCRIPT>\nother()\n</SCRIPT>' +
      '<script>self.__next_f.push([1])</script>';
    expect(inlineScriptHashes(html, 'n1')).toEqual([sha('self.__next_f.push([1])'), sha('\nother()\n')]);
    expect(inlineScriptHashes(html)).toHaveLength(3);
  });

  it('asks for HTTPS only when the app is served over it', () => {
    expect(staticSecurityHeaders(false)).not.toHaveProperty('Strict-Transport-Security');
    expect(staticSecurityHeaders(true)['Strict-Transport-Security']).toMatch(/max-age=\d+/);
    expect(staticSecurityHeaders(false)['X-Content-Type-Options']).toBe('nosniff');
  });
});
