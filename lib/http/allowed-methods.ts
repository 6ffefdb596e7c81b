/*
 * Which HTTP methods the app serves, for the answers to the others: 405 with an
 * `Allow` header, as RFC 9110 asks, rather than a page rendered for a DELETE or
 * Next failing with a 500.
 */

/** A page answers GET and HEAD, and POST for its server actions. */
export const PAGE_METHODS = ['GET', 'HEAD', 'POST'] as const;

/** A file is read, nothing else. */
export const FILE_METHODS = ['GET', 'HEAD'] as const;

/** What a route handler may export; OPTIONS on an API address names that route's own. */
export const API_METHODS = ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/**
 * Methods the Fetch standard forbids in a `Request`: Next cannot even build its
 * request object for them (undici throws "'TRACE' HTTP method is unsupported"),
 * so they never reach proxy.ts or a route, and must be answered before Next.
 */
const UNBUILDABLE = new Set(['CONNECT', 'TRACE', 'TRACK']);

export interface MethodRefusal {
  status: 204 | 405;
  allow: string;
}

/** For a method no request object can carry: the 405 to answer (null: hand the request to Next). */
export function unbuildableMethodRefusal(method: string | undefined, pathname: string): MethodRefusal | null {
  if (!method || !UNBUILDABLE.has(method.toUpperCase())) return null;
  const api = pathname === '/api' || pathname.startsWith('/api/');
  // Files (Next's assets, public/, the icon) are only ever read.
  return { status: 405, allow: (api ? API_METHODS : isFilePath(pathname) ? FILE_METHODS : PAGE_METHODS).join(', ') };
}

/** A file address (Next's assets, `public/`, the icon), not the API: it has an extension or lives under /_next/. */
function isFilePath(pathname: string): boolean {
  if (pathname === '/api' || pathname.startsWith('/api/')) return false;
  return pathname.startsWith('/_next/') || /\.[a-z0-9]+$/i.test(pathname);
}

/**
 * For a file (server/main.ts, before Next): only GET and HEAD. Next answers a PUT
 * on a `public/` file by rendering a "/405" page the App Router does not have: a 500.
 */
export function fileMethodRefusal(method: string | undefined, pathname: string): MethodRefusal | null {
  if (!method || !isFilePath(pathname)) return null;
  const upper = method.toUpperCase();
  if ((FILE_METHODS as readonly string[]).includes(upper)) return null;
  return { status: upper === 'OPTIONS' ? 204 : 405, allow: FILE_METHODS.join(', ') };
}

/** For a page (proxy.ts): OPTIONS says what it allows, any other method but the page's own is refused. */
export function pageMethodRefusal(method: string): MethodRefusal | null {
  if ((PAGE_METHODS as readonly string[]).includes(method)) return null;
  return { status: method === 'OPTIONS' ? 204 : 405, allow: PAGE_METHODS.join(', ') };
}
