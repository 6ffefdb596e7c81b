import type { PublicPageKind } from './public-route';

/*
 * What a public answer promises to browsers and shared caches (CDNs, proxies).
 * Only what never changes is kept for good: one version's PDF in one content
 * language (an edition is insert-only, and the file is dated by its
 * publication), and Next's hashed assets (Next sets those itself). One
 * version's JSON in the API is not: its content is frozen, but a correction or
 * a translation changes its `correctedBy`, `versions` and `languages`.
 *
 * Pages are not offered to shared caches at all. Every page can change when a
 * newer edition is published (a dated page gains the superseded notice, a
 * longer list of editions and the compare form), which a short `s-maxage`
 * would allow for; but each public URL also has three faces, one per interface
 * language, picked from the locale cookie or Accept-Language, and a shared
 * cache can only tell them apart by `Vary: Cookie, Accept-Language`. Next's App
 * Router sets the `Vary` of every page itself, replacing any other (Next 16.4:
 * `res.setHeader('Vary', routeModule.getVaryHeader(…))` in
 * build/templates/app-page-runtime.js, after the headers of next.config.js and
 * proxy.ts were set; seen over the wire: a `Vary` from `headers()` reaches API
 * answers and is gone from pages, while the other headers of the same rule
 * arrive), so a page cannot declare it: a CDN keeping one would serve a French
 * page to an English reader. Redirecting to a URL that names the interface
 * language would make it cacheable, but the public URLs are meant to be the
 * same for every reader (PRODUCT.md: stable, shareable edition URLs). Pages therefore say `private, no-cache`: the reader's own browser may
 * keep its copy, and asks again before using it. Speed comes from Next's own
 * caches behind the page (edition pages: one copy per 30-second window, proxy.ts;
 * the data: lib/editions/public-data.ts), not from shared copies.
 */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const PRIVATE_REVALIDATE = 'private, no-cache';
/**
 * Files that change when an edition is published (a domain across
 * jurisdictions as CSV; one version's JSON in the API): shared caches may keep
 * them a minute and serve the old copy a few minutes more while they fetch the
 * new one. The CSV carries `Vary: Cookie, Accept-Language` (route handlers may
 * set it), since its header row speaks the reader's language; the JSON names
 * its label's language in its query.
 */
export const DOWNLOAD_CACHE_CONTROL = 'public, max-age=0, s-maxage=60, stale-while-revalidate=300';

/** What a page answers to a POST: never kept (a plain POST got Next's ISR promise, `/about` a year's). */
export const NO_STORE = 'no-store';

/** The Cache-Control a public page of this kind gets from proxy.ts; undefined: the route decides. */
export function publicCacheControl(kind: PublicPageKind, method: string): string | undefined {
  const page = (value: string) => (method === 'GET' || method === 'HEAD' ? value : NO_STORE);
  switch (kind) {
    case 'about': // prerendered: Next would let shared caches keep it for a year, whatever the language
    case 'index':
    case 'latest':
    case 'dated':
    case 'compare':
    case 'domains':
      return page(PRIVATE_REVALIDATE);
    default:
      return undefined; // the PDF sets IMMUTABLE itself (and Vary, which route handlers may); unknown paths are Next's 404s
  }
}
