import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import next from 'next';
import { getHandle } from '../db/client';
import { DataDirInUseError } from '../db/pglite-lock';
import { localeCookieName } from '../lib/domain/locales';
import { negotiateLocale } from '../lib/domain/negotiate-locale';
import { internalProfilePath } from '../lib/editions/public-route';
import { stampPeerAddress } from '../lib/auth/client-address';
import { getEnv } from '../lib/env';
import { staticSecurityHeaders } from './content-security';
import { PageCache } from './page-cache';
import { startProcessMetrics } from './process-metrics';
import { databaseIsDown } from './database-probe';
import { secureResponse } from './secure-response';

/*
 * The production HTTP server: Next's request handler, with public pages routed
 * here rather than in proxy.ts (a middleware round halves their throughput),
 * and public pages (dated editions, latest editions, the index) served from
 * memory after their first rendering, like files. `npm start` and `npm run
 * demo` run it, bundled into the build folder (cli/serve.ts).
 */
// Pages Next rendered and kept on disk belong to the database they were rendered from; this
// server may start on another one (a restore, a new data folder, the tests), so it starts with none.
const env = getEnv();
fs.rmSync(path.join(env.MGI_DIST_DIR, 'server', 'route-cache'), { recursive: true, force: true });

const port = process.argv.includes('--port') ? Number(process.argv[process.argv.indexOf('--port') + 1]) : env.PORT;
const app = next({ dev: false, dir: process.cwd(), port });
const handle = app.getRequestHandler();
const cache = new PageCache();
// Opt-in figures for the load benchmark (bench/load-run.ts): GET /__mgi/metrics, ?reset=1 to start a window.
const metrics = env.MGI_METRICS ? startProcessMetrics() : null;
// The publishing code (lib/editions/refresh-public-pages.ts) empties it after a publication.
(globalThis as { __mgiPageCache?: PageCache }).__mgiPageCache = cache;

const DATED = /^\/[a-z]{2}\/profiles\/[^/]+\/\d{4}-\d{2}\/[a-z]+$/;
// The latest edition of a jurisdiction, and the index without a search: they change on publication, so
// shared caches may keep them a minute (ONE_MINUTE), as this server's memory does every entry.
const FRESH = /^\/[a-z]{2}\/profiles(\/[^/]+\/latest\/[a-z]+)?$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';
const ONE_MINUTE = 'public, max-age=0, s-maxage=60, stale-while-revalidate=60';
const VARY = 'Cookie, Accept-Language, Accept-Encoding, RSC, Next-Router-State-Tree, Next-Router-Prefetch, Next-Router-Segment-Prefetch';
const HTTPS = env.APP_URL.startsWith('https:');

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

// The embedded database is opened now, not on the first request, and alongside Next's own start:
// its data folder is then locked from the start (a second server on it stops at once) and the
// first reader does not wait.
const openEmbedded = env.DATABASE_URL ? Promise.resolve() : getHandle();
try {
  await Promise.all([app.prepare(), openEmbedded]);
} catch (error) {
  console.error(error instanceof DataDirInUseError ? `\n${error.message}\n` : error);
  process.exit(1);
}
http
  .createServer((req, res) => {
    // Before anything reads a header: the socket's address, for login throttling (lib/auth/client-address.ts).
    stampPeerAddress(req);
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (metrics && url.pathname === '/__mgi/metrics') {
      if (url.searchParams.has('reset')) metrics.reset();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(metrics.read()));
      return;
    }
    const plainGet = (req.method === 'GET' || req.method === 'HEAD') && !req.headers.rsc && !req.headers['next-action'];
    let cached: { key: string; dated: boolean } | null = null;
    // Whole pages only: the client router's (RSC) requests and server actions are
    // rewritten by proxy.ts, since Next checks those against the URL the browser used.
    if (plainGet && (url.pathname === '/about' || url.pathname === '/profiles' || url.pathname.startsWith('/profiles/'))) {
      const ui = negotiateLocale(cookieValue(req.headers.cookie, localeCookieName), req.headers['accept-language'] ?? null);
      const target = internalProfilePath(url.pathname, url.searchParams, ui);
      req.url = target.pathname + (target.keepQuery ? url.search : '');
      const dated = DATED.test(target.pathname);
      if (dated || (FRESH.test(target.pathname) && !url.search)) {
        cached = { key: target.pathname, dated };
        const hit = cache.get(target.pathname);
        if (hit) {
          const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
          const body = gzip ? hit.gzipped : hit.body;
          res.writeHead(200, {
            ...staticSecurityHeaders(HTTPS),
            ...hit.headers,
            'cache-control': dated ? IMMUTABLE : ONE_MINUTE,
            vary: VARY,
            'x-mgi-cache': 'HIT',
            'content-length': body.length,
            ...(gzip ? { 'content-encoding': 'gzip' } : {}),
          });
          res.end(req.method === 'HEAD' ? undefined : body);
          return;
        }
      }
    }
    const key = cached?.key;
    secureResponse(req, res, { https: HTTPS, databaseIsDown, keep: key ? (body, headers) => cache.set(key, body, headers) : undefined });
    if (cached) {
      const { dated } = cached;
      // Next marks rendered-per-request pages uncacheable; a dated edition never changes, and the
      // latest page and the index may be kept a minute by shared caches, as they are here.
      res.setHeader('Cache-Control', dated ? IMMUTABLE : ONE_MINUTE);
      res.setHeader('Vary', VARY);
      const setHeader = res.setHeader.bind(res);
      res.setHeader = ((name: string, value: number | string | readonly string[]) =>
        ['cache-control', 'vary'].includes(name.toLowerCase()) ? res : setHeader(name, value)) as typeof res.setHeader;
    }
    void handle(req, res);
  })
  .listen(port, () => console.log(`> Ready on http://localhost:${port}`));
