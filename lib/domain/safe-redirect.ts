/**
 * Turns an untrusted `callbackUrl` into a path on this site. Anything that could
 * leave the site (`//evil.example`, `/\evil.example`, `https://evil.example`,
 * `javascript:`), or that becomes such a path once normalised (`/.//evil.example`,
 * `/..//evil.example`, `/%2e//evil.example`) or percent-decoded (`/%2F%2Fevil.example`),
 * becomes the fallback. The login page (for a person already signed in) and
 * next-auth's redirect callback both go through here.
 */
export function safeCallbackPath(raw: unknown, fallback = '/'): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2048) return fallback;
  // Browsers strip tabs and newlines from URLs, so `/\t/evil` means `//evil`: refuse
  // every control character rather than guess what a browser makes of it.
  if (/[\u0000-\u001f\u007f]/.test(raw)) return fallback;
  if (!raw.startsWith('/') || leavesSite(raw)) return fallback;
  const base = 'http://mgi.invalid';
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  // The URL parser resolves dot segments, which can turn `/.//evil` into `//evil`:
  // check what it made, and what any later decoding of it could make.
  const path = `${url.pathname}${url.search}${url.hash}`;
  // The query and fragment too: a control character decoded anywhere is refused, as above.
  for (const form of decodings(path)) {
    if (leavesSite(form) || /[\u0000-\u001f\u007f]/.test(form)) return fallback;
  }
  return path;
}

/** `//host` and `/\host` are protocol-relative: a browser reads them as another site. */
function leavesSite(path: string): boolean {
  return /^[/\\]{2}/.test(path) || /^\/[\t\n\r]*[/\\]/.test(path);
}

/** The path, then each further percent-decoding of it, until nothing changes (at most a few rounds). */
function decodings(path: string): string[] {
  const forms = [path];
  let current = path;
  for (let i = 0; i < 5; i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      break; // a stray `%` decodes no further; what we have is what a server would see
    }
    if (next === current) break;
    forms.push(next);
    // Dot segments may appear only after decoding (`/%2e%2e/`): resolve them as a server might.
    try {
      forms.push(new URL(next.startsWith('/') ? next : `/${next}`, 'http://mgi.invalid').pathname);
    } catch {
      return [...forms, '//'];
    }
    current = next;
  }
  return forms;
}
