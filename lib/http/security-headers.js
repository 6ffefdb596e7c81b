/*
 * The security headers, in plain JavaScript because next.config.js (loaded by
 * Node as it is) and proxy.ts both use them. Types: security-headers.d.ts.
 *
 * Scripts: no 'unsafe-inline', no 'unsafe-eval'. Pages Next renders per request
 * run under a per-request nonce (proxy.ts), edition pages Next keeps in its
 * cache under the nonce of their window (window-nonce.ts); the prerendered /about page lists
 * the SHA-256 of the inline scripts of its build output; everything else (API
 * answers, files) gets the baseline, which allows no inline script at all.
 */

/**
 * @param {{ nonce?: string, hashes?: readonly string[] }} [sources]
 * @returns {string}
 */
export function contentSecurityPolicy({ nonce, hashes = [] } = {}) {
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

/** The policy of answers that are not pages: no inline script may run. */
export function baselineContentSecurityPolicy() {
  return contentSecurityPolicy();
}

/** Headers every answer carries, whatever its type (next.config.js `headers()`). */
export function staticSecurityHeaders() {
  return {
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

/**
 * HTTPS only when the app is served over it; decided when the server runs
 * (APP_URL), not when it was built, so proxy.ts adds it to pages.
 */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';
