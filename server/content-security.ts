import { createHash } from 'node:crypto';

/*
 * The security headers of every response, and its Content-Security-Policy.
 * Pages Next renders per request carry a fresh nonce on each of their scripts
 * (Next reads it from the request's policy header); pages rendered once and
 * served to everyone (the public editions) cannot carry a per-request nonce,
 * so their policy lists the SHA-256 of each inline script instead. Either
 * way no script that the page did not ship can run.
 */

export interface PolicySources {
  nonce?: string;
  /** Base64 SHA-256 of inline scripts that lack the nonce. */
  hashes?: string[];
}

export function contentSecurityPolicy({ nonce, hashes = [] }: PolicySources): string {
  const scripts = ["'self'", ...(nonce ? [`'nonce-${nonce}'`] : []), ...hashes.map((h) => `'sha256-${h}'`)];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(' ')}`,
    // React style attributes and the editor's generated highlight sheet: styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;

/** The hashes of a page's inline scripts that do not carry `nonce`. */
export function inlineScriptHashes(html: string, nonce?: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes, body] of html.matchAll(INLINE_SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes)) continue;
    if (nonce && attributes.includes(`nonce="${nonce}"`)) continue;
    if (/\btype\s*=\s*"application\/(ld\+)?json"/i.test(attributes)) continue; // data, never run
    hashes.add(createHash('sha256').update(body, 'utf8').digest('base64'));
  }
  return [...hashes];
}

/** The headers every response carries, whatever its type. */
export function staticSecurityHeaders(https: boolean): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    ...(https ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}
