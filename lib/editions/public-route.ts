import { EDITION_SLUG_PATTERN } from '../domain/edition-label';
import { isLocale, type Locale } from '../domain/locales';
import { cacheWindow } from '../http/window-nonce';

/**
 * Maps a public profile URL to the internal route that renders it. Public URLs
 * carry no interface language (the reader's cookie or browser decides), and the
 * content language may be `?lang=`; internally both are path segments, so that
 * every edition page is a page Next caches per interface and content language
 * (proxy.ts then appends the cache window: `inCacheWindow`):
 *   /profiles/lima                  → /fr/profiles/lima/latest/any
 *   /profiles/lima/2024-06?lang=es  → /fr/profiles/lima/2024-06/es
 *   /profiles/lima/2024-06/es       → /fr/profiles/lima/2024-06/es
 *   /profiles/lima/2024-06-v1       → /fr/profiles/lima/2024-06-v1/any (one version of a corrected edition)
 *   /about, /profiles, /profiles/lima/compare?…, /profiles/lima/2024-06/pdf?…, /domains/partnerships?… → /fr/… (query kept)
 */
export function internalProfilePath(pathname: string, search: URLSearchParams, ui: Locale): { pathname: string; keepQuery: boolean } {
  const parts = pathname.split('/').filter(Boolean);
  const [, slug, edition, lang] = parts;
  const isEdition = (s: string | undefined) => s === undefined || /^\d{4}-\d{2}(-v\d+)?$/.test(s);
  if (parts[0] === 'profiles' && slug && parts.length <= 4 && isEdition(edition) && (lang === undefined || isLocale(lang))) {
    const content = lang ?? search.get('lang') ?? 'any';
    return { pathname: `/${ui}/profiles/${slug}/${edition ?? 'latest'}/${isLocale(content) ? content : 'any'}`, keepQuery: false };
  }
  return { pathname: `/${ui}${pathname}`, keepQuery: true };
}

/**
 * Whether a public URL reaches an edition page only by spelling the internal path's own words
 * (/profiles/lima/latest/any, /profiles/lima/latest/es, /profiles/lima/2024-06/any): such a URL is
 * not one `internalProfilePath` maps, so it passes through, and what it passes through to is an
 * edition page. No link makes it; it rendered the page under a second address (its own copy in
 * every window, and a canonical link elsewhere). proxy.ts answers 404.
 */
export function spellsInternalEditionPath(target: { keepQuery: boolean }, kind: PublicPageKind): boolean {
  return target.keepQuery && (kind === 'dated' || kind === 'latest');
}

/** What kind of public page an internal path (from `internalProfilePath`) is. */
export type PublicPageKind = 'about' | 'index' | 'latest' | 'dated' | 'compare' | 'pdf' | 'domains' | 'other';

export function publicPageKind(internalPathname: string): PublicPageKind {
  const [, , section, slug, edition, rest, ...more] = internalPathname.split('/');
  if (section === 'about' && slug === undefined) return 'about';
  // /domains and /domains/{domain} are pages; the downloads under them set their own headers.
  if (section === 'domains') return edition === undefined ? 'domains' : 'other';
  if (section !== 'profiles') return 'other';
  if (slug === undefined) return 'index';
  if (edition === 'compare' && rest === undefined) return 'compare';
  if (more.length > 0 || rest === undefined) return 'other';
  if (rest === 'pdf') return EDITION_SLUG_PATTERN.test(edition) ? 'pdf' : 'other';
  if (edition === 'latest') return 'latest';
  return EDITION_SLUG_PATTERN.test(edition) ? 'dated' : 'other';
}

/**
 * The internal path (before its window) of the copy Next keeps in its cache for
 * this public page, one per window under a nonce of that window
 * (lib/http/window-nonce.ts); null when the page is rendered per request. The
 * edition pages, and the index without a query (a filtered one reads its query).
 */
export function windowedPathOf(internalPathname: string, kind: PublicPageKind, search: URLSearchParams): string | null {
  if (kind === 'dated' || kind === 'latest') return internalPathname;
  if (kind === 'index' && search.size === 0) return internalPathname.replace(/\/profiles$/, '/profile-index');
  return null;
}

/** The internal path of a windowed page at a moment: its window is the last segment, so each window is its own cache entry. */
export function inCacheWindow(internalPathname: string, nowMs: number): string {
  return `${internalPathname}/${cacheWindow(nowMs)}`;
}

const segmentsOf = (pathname: string) =>
  pathname
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });

/**
 * Whether a requested path is an internal one (/{locale}/…), which only
 * proxy.ts produces, by rewriting. Asked for directly, a windowed page would be
 * rendered into Next's cache under that request's nonce, and every reader of
 * the window would get scripts their policy refuses: proxy.ts answers 404.
 * Segments are compared decoded: Next routes /%66r/… as /fr/….
 */
export function isInternalPath(pathname: string): boolean {
  const [first] = segmentsOf(pathname);
  return first !== undefined && isLocale(first.toLowerCase());
}

/**
 * Whether an internal path made from a public URL other than a windowed one
 * would land on the windowed edition route (/{locale}/profiles/{slug}/{edition}/{lang}/{window}):
 * /profiles/lima/2024-06/es/123 must not render window 123 under a nonce of
 * its own. No public page has that many segments; proxy.ts answers 404.
 */
export function reachesWindowedRoute(internalPathname: string): boolean {
  const segments = segmentsOf(internalPathname);
  return segments.length >= 6 && segments[1] === 'profiles';
}
