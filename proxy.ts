import { NextResponse, type NextRequest } from 'next/server';
import { localeCookieName } from './lib/domain/locales';
import { pageMethodRefusal } from './lib/http/allowed-methods';
import { negotiateLocale, setPasswordLinkLocale } from './lib/domain/negotiate-locale';
import { publicCacheControl } from './lib/editions/cache-policy';
import { inCacheWindow, internalProfilePath, isInternalPath, publicPageKind, reachesWindowedRoute, spellsInternalEditionPath, windowedPathOf } from './lib/editions/public-route';
import { windowNonce } from './lib/http/window-nonce';
import { getEnv, requireAuthSecret } from './lib/env';
import { contentSecurityPolicy, STRICT_TRANSPORT_SECURITY } from './lib/http/security-headers.js';
import { prerenderedScriptHashes } from './lib/http/prerendered-script-hashes';
import { databaseOutageKnown } from './lib/http/database-outage-state';
import { outageHtml, outageResponseInit } from './lib/http/outage-page';
import { canonicalWindowedSearch, hasMalformedEscape, isFrameworkInternalPage, unreadablePageBody } from './lib/http/page-request-checks';
import { declaresBodyOver } from './lib/http/body-limit';
import { PAGE_BODY_LIMIT_BYTES } from './lib/http/page-body-limit.js';

/** Behind HTTPS (APP_URL says so), browsers are told to keep to it. */
const https = () => getEnv().APP_URL.startsWith('https:');

/**
 * Runs before every page (not the API, not files): routing and the page's
 * Content-Security-Policy, never a gate (each page checks rights itself).
 *
 * - Public URLs carry no interface language (/about, /search, /profiles, /profiles/{slug}
 *   [/{yyyy-mm}[/{lang}]], compare, pdf, /domains[/{domain}[/csv|/tsv]]): they are rewritten, here only, to
 *   internal paths naming the reader's interface language (cookie, else
 *   Accept-Language) and the content language (lib/editions/public-route.ts),
 *   with the Cache-Control their kind may promise (lib/editions/cache-policy.ts).
 * - Every page rendered per request gets a fresh nonce, as Next documents it:
 *   Next reads it from the request's policy header and puts it on the scripts
 *   it renders. Edition pages (dated and latest) and the unfiltered index are
 *   kept in Next's cache, one copy per 30-second window: their internal path names the window, and their
 *   nonce is derived from that path with the server's secret
 *   (lib/http/window-nonce.ts), so the copy Next serves and the policy sent
 *   with it always agree. Internal paths asked for directly are 404s, so no
 *   request can put a copy into that cache under a nonce of its own. The
 *   prerendered /about page, made before any request, lists its build's
 *   inline scripts by hash instead.
 * - A page answers GET, HEAD and POST; OPTIONS says so, other methods get 405
 *   with `Allow` (lib/http/allowed-methods.ts). A body declared larger than a
 *   page takes is 413 before any page or action reads it; one that is not what it says
 *   (form data, an action's arguments) is 400, as is a path with a malformed
 *   escape; Next's own pages under their internal names (/_not-found) are 404s
 *   (lib/http/page-request-checks.ts).
 * - An edition page asked for with a query it does not take is redirected to
 *   the address without it: Next records the first reader's address in the
 *   window's copy, which every reader of that window gets.
 * - A set-password link names the language it was sent in: a browser that chose none gets that
 *   page in it (lib/domain/negotiate-locale.ts), as if it had chosen it, for that request only.
 * - While this instance knows its database to be away (db/outage-watch.ts, a
 *   flag in memory: no query here), pages are answered 503 with Retry-After
 *   and a page that reloads itself, without rendering them.
 */
export async function proxy(request: NextRequest) {
  // A page renders for GET, HEAD and POST (server actions) only: a DELETE or PROPFIND got the page itself.
  const refusal = pageMethodRefusal(request.method);
  if (refusal) return plain(refusal.status, refusal.status === 405 ? 'Method not allowed.\n' : null, { Allow: refusal.allow });
  if (declaresBodyOver(request.headers, PAGE_BODY_LIMIT_BYTES)) {
    return plain(413, `The request body is larger than ${PAGE_BODY_LIMIT_BYTES / 1024 / 1024} MB.\n`);
  }
  const unreadable = await unreadablePageBody(request);
  if (unreadable) return plain(400, `${unreadable}\n`);
  if (hasMalformedEscape(request.nextUrl.pathname)) return plain(400, 'The address holds a malformed escape (a % not followed by two hexadecimal digits of UTF-8).\n');
  if (isFrameworkInternalPage(request.nextUrl.pathname)) return notFound();
  if ((request.method === 'GET' || request.method === 'HEAD') && databaseOutageKnown()) {
    const ui = negotiateLocale(request.cookies.get(localeCookieName)?.value, request.headers.get('accept-language'));
    const response = new NextResponse(outageHtml(ui), outageResponseInit());
    response.headers.set('Content-Security-Policy', contentSecurityPolicy());
    if (https()) response.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
    return response;
  }
  const url = request.nextUrl.clone();
  const isPublic =
    url.pathname === '/about' ||
    url.pathname === '/search' ||
    url.pathname === '/profiles' ||
    url.pathname.startsWith('/profiles/') ||
    url.pathname === '/domains' ||
    url.pathname.startsWith('/domains/');
  let policy = contentSecurityPolicy({ nonce: btoa(crypto.randomUUID()) });
  let cacheControl: string | undefined;

  if (isPublic) {
    // No public page needs an escape in its path (slugs, editions, languages and domains are plain
    // ASCII), and an escaped path names the same page as its plain form: Next caches a page by its
    // decoded path, while a window's nonce is made from the path as written here. First in a window,
    // /profiles/%6Cima would leave the copy of /profiles/lima under a nonce its readers' policy does
    // not name. Refused, as are malformed escapes (/profiles/%ff reached Next and answered 500).
    if (url.pathname.includes('%')) return notFound();
    const ui = negotiateLocale(request.cookies.get(localeCookieName)?.value, request.headers.get('accept-language'));
    const target = internalProfilePath(url.pathname, url.searchParams, ui);
    const kind = publicPageKind(target.pathname);
    if (spellsInternalEditionPath(target, kind)) return notFound();
    const windowed = windowedPathOf(target.pathname, kind, url.searchParams);
    if (windowed) {
      const canonical =
        request.method === 'POST'
          ? null
          : canonicalWindowedSearch(url.search, { pathNamesLanguage: url.pathname.split('/').filter(Boolean).length === 4, navigation: request.headers.has('rsc') });
      if (canonical !== null) {
        const to = request.nextUrl.clone();
        to.search = canonical;
        return NextResponse.redirect(to, 308);
      }
      url.pathname = inCacheWindow(windowed, Date.now());
      url.search = '';
      policy = contentSecurityPolicy({ nonce: windowNonce(requireAuthSecret(), url.pathname) });
    } else if (reachesWindowedRoute(target.pathname)) {
      return notFound();
    } else {
      url.pathname = target.pathname;
    }
    if (!target.keepQuery) url.search = '';
    cacheControl = publicCacheControl(kind, request.method);
    const hashes = kind === 'about' ? prerenderedScriptHashes(getEnv().MGI_DIST_DIR, target.pathname) : null;
    if (hashes) policy = contentSecurityPolicy({ hashes });
  } else if (isInternalPath(url.pathname)) {
    return notFound();
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', policy);
  const linkLocale = setPasswordLinkLocale(url.pathname, url.searchParams, request.cookies.get(localeCookieName)?.value);
  if (linkLocale) requestHeaders.set('cookie', [request.headers.get('cookie'), `${localeCookieName}=${linkLocale}`].filter(Boolean).join('; '));
  const response = isPublic ? NextResponse.rewrite(url, { request: { headers: requestHeaders } }) : NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  if (https()) response.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
  if (cacheControl) response.headers.set('Cache-Control', cacheControl);
  return response;
}

/** A plain 404 for paths no link leads to (internal paths, and public ones shaped like them). */
function notFound() {
  return plain(404, 'Not found.\n');
}

/** A short plain-text answer that no cache keeps. */
function plain(status: number, text: string | null, headers: Record<string, string> = {}) {
  return new NextResponse(text, {
    status,
    headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Security-Policy': contentSecurityPolicy() },
  });
}

export const config = {
  // Pages only: API answers and files keep the baseline policy of next.config.js.
  matcher: ['/((?!api/|_next/static/|_next/image|favicon\\.ico$|robots\\.txt$|.*\\.(?:png|svg|ico|txt|css|js|map|json|webmanifest)$).*)'],
};
