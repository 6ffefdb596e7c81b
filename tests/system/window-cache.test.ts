import fs from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { olderLimaEdition } from '../../e2e/support/editions';
import { unsafeInsertImportedEdition } from '../../lib/data/imported-editions';
import { cacheWindow } from '../../lib/http/window-nonce';
import { freshSeededDatabase, startInstances } from './support';

/*
 * The edition pages Next keeps, one copy per 30-second window under that window's nonce
 * (proxy.ts, lib/http/window-nonce.ts), against requests that try to put into a window's copy,
 * or into the data it is rendered from, something other readers would then get.
 */
describe.skipIf(!process.env.DATABASE_URL)('the cached copy of a window', () => {
  let db: Awaited<ReturnType<typeof freshSeededDatabase>>;
  let origin = '';
  let stop: () => Promise<unknown> = async () => {};

  beforeAll(async () => {
    db = await freshSeededDatabase();
    await unsafeInsertImportedEdition(olderLimaEdition);
    const started = await startInstances(1, db.url);
    [origin] = started.origins;
    stop = started.stop;
  }, 240_000);

  afterAll(async () => {
    await stop();
    await db?.drop();
  });

  const get = (path: string, init: RequestInit = {}) => fetch(`${origin}${path}`, { redirect: 'manual', ...init });

  it('an edition page is one cached copy per window, every script under the nonce its policy names, and no request can put another there', async () => {
    // The instance has not rendered this page yet: the requests below are first in their windows.
    const path = '/profiles/lima/2022-08/fr';
    const now = cacheWindow(Date.now());
    const forged = { 'content-security-policy': "script-src 'nonce-forged'" };
    for (const w of [now, now + 1, now + 2]) {
      for (const internal of [`/fr/profiles/lima/2022-08/fr/${w}`, `/%66r/profiles/lima/2022-08/fr/${w}`, `/en/profiles/lima/2022-08/fr/${w}`, `${path}/${w}`, `/profiles/lima/2022-08/any/${w}`]) {
        for (const method of ['GET', 'HEAD']) {
          const answer = await get(internal, { method, headers: forged });
          expect(answer.status, `${method} ${internal}`).toBe(404);
          await answer.arrayBuffer();
        }
      }
    }
    // The same page with an escape in its path: Next would cache it under the plain path, with a nonce made from the escaped one.
    for (const escaped of ['/profiles/%6Cima/2022-08/fr', '/profiles/%6cima/2022-08/fr', '/profiles/lima/2022-08/%66r', '/profiles/lima/%32022-08/fr', '/profiles/lima%2F2022-08/fr', '/profiles/lima/2022-08/%ff']) {
      for (const method of ['GET', 'HEAD']) {
        const answer = await get(escaped, { method });
        expect(answer.status, `${method} ${escaped}`).toBe(404);
        expect(answer.headers.get('content-security-policy'), escaped).toContain("script-src 'self'");
        await answer.arrayBuffer();
      }
    }
    const loads: Array<{ nonce: string; cache: string | null }> = [];
    for (let i = 0; i < 3; i++) {
      const answer = await get(path, { headers: forged });
      expect(answer.status).toBe(200);
      const nonce = /'nonce-([^']+)'/.exec(answer.headers.get('content-security-policy') ?? '')![1];
      expect(nonce).not.toBe('forged');
      const html = await answer.text();
      const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => /\bnonce="([^"]*)"/.exec(m[1])?.[1]);
      expect(scripts.length).toBeGreaterThan(3);
      expect(new Set(scripts), `load ${i}`).toEqual(new Set([nonce]));
      loads.push({ nonce, cache: answer.headers.get('x-nextjs-cache') });
    }
    // Two loads in one window share the copy (unless they straddle a boundary; the third then shares the second's).
    const again = loads.findIndex((load, i) => i > 0 && load.nonce === loads[i - 1].nonce);
    expect(again).toBeGreaterThan(0);
    expect(loads[again].cache).toBe('HIT');
  });

  it("a cached copy is not rendered with the first request's query, whatever form of the address it used", async () => {
    // Spanish interface, French content: a copy no other test asks for, so the first request below makes it.
    const spanish = { headers: { cookie: 'NEXT_LOCALE=es' } };
    const windowOf = (answer: Response) => answer.headers.get('x-middleware-rewrite')?.split('?')[0].split('/').at(-1);
    for (let attempt = 0; ; attempt++) {
      const first = await get(`/profiles/lima/latest/fr?zzinjected=${attempt}`, spanish);
      expect(first.status).toBe(200);
      await first.arrayBuffer();
      const plain = await get('/profiles/lima?lang=fr', spanish);
      const html = await plain.text();
      // Both must fall in one window for the second to be served the first's copy; else try in the next.
      if (windowOf(first) !== windowOf(plain) && attempt < 3) continue;
      expect(windowOf(first)).toBe(windowOf(plain));
      expect(plain.headers.get('x-nextjs-cache')).toBe('HIT');
      // Next names the URL that rendered the copy in its router data ("c"), query included, from the
      // request itself: that part is left (README, Serving). What the page is given to read is not it.
      expect(html.replace(/\\"c\\":\[[^\]]*\]/g, '')).not.toContain('zzinjected');
      break;
    }
  });

  it('the windowed data, which anyone can call as server references, are never made ahead for a window to come', async () => {
    // Next registers each 'use cache' function as a server reference ($$RSC_SERVER_CACHE_n). An entry made
    // now for a later window would be what that window shows, even after a publication made meanwhile.
    const manifest = JSON.parse(fs.readFileSync(join(process.env.MGI_DIST_DIR || '.next', 'server', 'server-reference-manifest.json'), 'utf8')) as {
      node: Record<string, { exportedName?: string }>;
    };
    const cacheIds = Object.entries(manifest.node)
      .filter(([, v]) => v.exportedName?.startsWith('$$RSC_SERVER_CACHE_'))
      .map(([id]) => id);
    expect(cacheIds.length).toBeGreaterThan(1);
    const later = cacheWindow(Date.now()) + 3;
    for (const id of cacheIds) {
      for (const args of [[later], ['lima', { year: 2022, month: 8 }, '$undefined', later]]) {
        const answer = await get('/about', {
          method: 'POST',
          headers: { 'next-action': id, 'content-type': 'text/plain;charset=UTF-8', accept: 'text/x-component', origin: origin },
          body: JSON.stringify(args),
        });
        expect(await answer.text(), `${id} ${JSON.stringify(args)}`).not.toContain(`"renderWindow":${later}`);
      }
    }
  });
});
