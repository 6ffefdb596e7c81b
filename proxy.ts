import { NextResponse, type NextRequest } from 'next/server';
import { localeCookieName } from './lib/domain/locales';
import { negotiateLocale } from './lib/domain/negotiate-locale';
import { internalProfilePath } from './lib/editions/public-route';

/**
 * Routing only, never a gate: public profile pages are rewritten to internal
 * paths that name the reader's interface language (and the content language),
 * so that each edition page is rendered once and then served as a static page.
 * The production server (server/main.ts) already rewrites whole-page requests
 * itself; what reaches this is the client router's requests, server actions,
 * and everything under `next dev`.
 */
export function proxy(request: NextRequest) {
  const url = request.nextUrl.clone();
  const ui = negotiateLocale(request.cookies.get(localeCookieName)?.value, request.headers.get('accept-language'));
  const target = internalProfilePath(url.pathname, url.searchParams, ui);
  url.pathname = target.pathname;
  if (!target.keepQuery) url.search = '';
  const response = NextResponse.rewrite(url);
  if (/^\/[a-z]{2}\/profiles\/[^/]+\/\d{4}-\d{2}\/[a-z]+$/.test(target.pathname)) {
    // A dated edition never changes: it may be kept for good. The same URL is
    // labelled in each reader's interface language, so caches must key on it.
    response.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
    response.headers.set('Vary', 'Cookie, Accept-Language, RSC, Next-Router-State-Tree, Next-Router-Prefetch, Next-Router-Segment-Prefetch');
  }
  return response;
}

export const config = { matcher: ['/about', '/profiles', '/profiles/:path*'] };
