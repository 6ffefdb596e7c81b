import type { PublicPageKind } from './public-route';

/*
 * What a public answer promises to shared caches (CDNs, proxies) and browsers.
 * Only what never changes is kept for good: an edition's PDF and its JSON in
 * the API (an edition is insert-only), and Next's hashed assets (Next sets
 * those itself). Every page can change when a newer edition is published: the
 * latest page and the index show it, and a dated page gains the superseded
 * notice, a longer list of editions and the compare form. So pages may be kept
 * by shared caches for a minute, then served stale for five more while they are
 * fetched again; browsers ask every time.
 */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const SHORT_SHARED = 'public, max-age=0, s-maxage=60, stale-while-revalidate=300';

/** Seconds within which a shared cache may still serve a page made before a publication. */
export const SHARED_CACHE_SECONDS = 60 + 300;

/**
 * The interface language comes from the locale cookie, else Accept-Language, so
 * the same URL has three faces: caches must key on both.
 */
export const PUBLIC_VARY = 'Cookie, Accept-Language';

/** The Cache-Control a public page of this kind gets from proxy.ts; undefined: the route decides. */
export function publicCacheControl(kind: PublicPageKind, method: string): string | undefined {
  if (method !== 'GET' && method !== 'HEAD') return undefined; // server actions and odd methods: never shared
  switch (kind) {
    case 'about':
    case 'index':
    case 'latest':
    case 'dated':
    case 'compare':
      return SHORT_SHARED;
    default:
      return undefined; // the PDF sets IMMUTABLE itself; unknown paths are Next's 404s
  }
}
