import createNextIntlPlugin from 'next-intl/plugin';
import { baselineContentSecurityPolicy, staticSecurityHeaders } from './lib/http/security-headers.js';
import { PAGE_BODY_LIMIT_BYTES } from './lib/http/page-body-limit.js';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and WASM packages load their own files at run time: keep them out of the bundle.
  // yjs too: server/main.ts (Hocuspocus) runs Next's handlers in its process, and a second, bundled
  // copy would break Yjs's constructor checks between them ("Yjs was already imported"). Both
  // then import node_modules/yjs/dist/yjs.mjs (tests/system/one-yjs.test.ts).
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'postgres', 'nodemailer', 'pdfkit', 'yjs'],
  poweredByHeader: false,
  // Tests and CI build into their own folder so a running demo is not disturbed.
  distDir: process.env.MGI_DIST_DIR || '.next',
  typedRoutes: false,
  experimental: {
    // `'use cache'` + `cacheTag`/`cacheLife` for the public edition data only. `cacheComponents`
    // would also turn it on, but it changes the rules of every page (cookies and database reads
    // outside <Suspense> stop the build), and the authenticated app reads the session in its root
    // layout; this flag is the documented way to use the directive without that (README, Serving).
    useCache: true,
    // app/global-not-found.tsx: the app's own page for addresses no route matches.
    globalNotFound: true,
    // Server actions are public POST endpoints: their bodies are refused past this size before
    // they are parsed (lib/http/page-body-limit.js).
    serverActions: { bodySizeLimit: PAGE_BODY_LIMIT_BYTES },
    // Bodies of requests that go through proxy.ts (pages and their actions) are cut here too; one
    // that declares a larger Content-Length is refused there with 413 before any page or action reads it.
    proxyClientMaxBodySize: PAGE_BODY_LIMIT_BYTES,
    // Pages Next caches (the edition pages, one copy per 30-second window: README, Serving) stay in
    // its in-memory cache (bounded, least recently used out) and are not written to the build
    // folder: a copy per window on disk would only grow, and one left from an earlier run could
    // carry a nonce made with another secret.
    isrFlushToDisk: false,
  },
  // Headers of every answer (pages, API, files). Pages get their nonce policy from proxy.ts, which
  // replaces the baseline policy set here.
  async headers() {
    const headers = Object.entries({ ...staticSecurityHeaders(), 'Content-Security-Policy': baselineContentSecurityPolicy() }).map(([key, value]) => ({ key, value }));
    return [{ source: '/:path*', headers }];
  },
};

export default withNextIntl(nextConfig);
