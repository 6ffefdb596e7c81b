import { isLocale } from '../domain/locales';

/*
 * Requests for pages that proxy.ts answers itself, before Next routes them, and
 * the one form of a cached page's address that Next may see.
 */

/**
 * A path with a malformed escape (`%ff`, `%`): Next's router failed on it with
 * a bare 500, without the security headers. No page's address needs one.
 */
export function hasMalformedEscape(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/**
 * Next's own pages under their internal names (`/_not-found`, `/_global-error`):
 * asked for directly, they answered 404 and 500 with a year's `s-maxage`. `/_next/`
 * is Next's (its files, and what proxy.ts's matcher leaves to it).
 */
export function isFrameworkInternalPage(pathname: string): boolean {
  return pathname.startsWith('/_') && !pathname.startsWith('/_next/');
}

/**
 * For a page Next keeps one copy of per window (edition pages): the query it
 * may be asked with, or null when it already is that. Next records the address
 * the first reader of a window asked for in the copy's page data, which every
 * other reader of that window then receives: a query of one reader's
 * (a tracking tag, anything in a shared link) must not be in it. Kept: `lang`
 * when it names a content language the path does not already name, and Next's
 * own `_rsc` on a client navigation (`rsc` header), which Next takes off the
 * address itself. (Next 16.4 also takes `_rsc` off the address proxy.ts sees,
 * yet records it when a plain request carries it: that one residue is left.)
 */
export function canonicalWindowedSearch(rawQuery: string, { pathNamesLanguage, navigation }: { pathNamesLanguage: boolean; navigation: boolean }): string | null {
  const search = new URLSearchParams(rawQuery);
  const kept = new URLSearchParams();
  const lang = search.getAll('lang');
  if (!pathNamesLanguage && lang.length === 1 && isLocale(lang[0])) kept.set('lang', lang[0]);
  const rsc = search.getAll('_rsc');
  if (navigation && rsc.length === 1) kept.set('_rsc', rsc[0]);
  // Compared as written: `lang=%65s` names the same language, but Next would record it as sent.
  const canonical = kept.toString();
  return canonical === rawQuery.replace(/^\?/, '') ? null : canonical;
}

/**
 * Why a POST to a page cannot be what a browser sends, or null. A multipart
 * body that is not form data, or a server action's text body that is not the
 * JSON React encodes its arguments as, reached Next's action handler, which
 * failed on it with a 500. Read from a copy: Next reads the body itself after.
 */
export async function unreadablePageBody(request: Request): Promise<string | null> {
  if (request.method !== 'POST' || !request.body) return null;
  const type = request.headers.get('content-type') ?? '';
  if (/^multipart\/form-data\b/i.test(type)) {
    try {
      await request.clone().formData();
    } catch {
      return 'The body is not the multipart form data its Content-Type announces.';
    }
  } else if (request.headers.has('next-action') && /^text\/plain\b/i.test(type)) {
    try {
      JSON.parse(await request.clone().text());
    } catch {
      return "The body is not a server action's arguments (JSON).";
    }
  }
  return null;
}
