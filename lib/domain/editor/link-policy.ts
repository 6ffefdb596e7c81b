/** Link targets a profile may hold: web pages and email addresses, nothing that runs. */
export const allowedLinkSchemes = ['http:', 'https:', 'mailto:'] as const;

export const MAX_HREF_LENGTH = 2048;

/**
 * Whether an href may be stored. Parsed with URL (as a browser would) after
 * removing the characters browsers ignore, so `java\tscript:` and friends
 * cannot slip through.
 */
export function isAllowedHref(href: unknown): href is string {
  if (typeof href !== 'string' || href.length === 0 || href.length > MAX_HREF_LENGTH) return false;
  if (/[\u0000-\u001f\u007f]/.test(href)) return false;
  let url: URL;
  try {
    url = new URL(href.trim());
  } catch {
    return false; // relative or malformed: a profile links to full addresses only
  }
  return (allowedLinkSchemes as readonly string[]).includes(url.protocol);
}

export type LinkInput = { kind: 'remove' } | { kind: 'set'; href: string } | { kind: 'invalid' };

/**
 * What an address typed in the link dialog means: empty removes the link, an
 * address without a scheme is a web address ("example.org" → https://), and
 * anything else must pass `isAllowedHref`.
 */
export function linkFromInput(input: string): LinkInput {
  const typed = input.trim();
  if (typed === '') return { kind: 'remove' };
  const href = /^[a-z][a-z0-9+.-]*:/i.test(typed) ? typed : `https://${typed}`;
  if (!isAllowedHref(href)) return { kind: 'invalid' };
  // "https://nowhere" parses, but an address without a dot or a port is never a page someone can open.
  if (/^https?:$/i.test(new URL(href).protocol) && !/[.:]/.test(new URL(href).host)) return { kind: 'invalid' };
  return { kind: 'set', href };
}
