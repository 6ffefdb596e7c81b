/**
 * Turns an untrusted `callbackUrl` into a path on this site. Anything that could
 * leave the site (`//evil.example`, `/\evil.example`, `https://evil.example`,
 * `javascript:`) becomes `/`.
 */
export function safeCallbackPath(raw: unknown, fallback = '/'): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2048) return fallback;
  // Browsers treat backslashes as slashes and strip tabs/newlines in URLs.
  const cleaned = raw.replace(/[\t\n\r]/g, '');
  if (!cleaned.startsWith('/') || /^[/\\]{2}/.test(cleaned) || cleaned.startsWith('/\\')) {
    return fallback;
  }
  const base = 'http://mgi.invalid';
  let url: URL;
  try {
    url = new URL(cleaned, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
