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
        // A malformed escape is a 400 for every page address (lib/http/page-request-checks.ts).
        expect(answer.status, `${method} ${escaped}`).toBe(escaped.endsWith('%ff') ? 400 : 404);
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

  it("one reader's query never reaches the copy others get, whatever form of the address it used", async () => {
    // Spanish interface, French content: a copy no other test asks for. Next names the address that
    // rendered a copy, query included, in its router data ("c"), from the request itself: so an
    // address with a query the page does not take is sent, first in its window or not, to the one without.
    const spanish = { headers: { cookie: 'NEXT_LOCALE=es' } };
    for (const [odd, to] of [
      ['/profiles/lima/2022-08/fr?zzinjected=1', '/profiles/lima/2022-08/fr'],
      ['/profiles/lima?lang=fr&zzinjected=2', '/profiles/lima?lang=fr'],
      ['/profiles/lima/2022-08?zzinjected=3&lang=fr', '/profiles/lima/2022-08?lang=fr'],
    ]) {
      for (const method of ['GET', 'HEAD']) {
        const first = await get(odd, { ...spanish, method });
        expect(first.status, `${method} ${odd}`).toBe(308);
        const location = new URL(first.headers.get('location')!, origin);
        expect(location.pathname + location.search, odd).toBe(to);
        await first.arrayBuffer();
      }
      const plain = await get(to, spanish);
      expect(plain.status, to).toBe(200);
      expect(await plain.text(), to).not.toContain('zzinjected');
    }
    // An address spelling the internal path is no edition page's, with a query or without (lib/editions/public-route.ts).
    for (const alias of ['/profiles/lima/latest/fr?zzinjected=4', '/profiles/lima/latest/fr']) {
      const answer = await get(alias, spanish);
      expect(answer.status, alias).toBe(404);
      expect(await answer.text(), alias).not.toContain('zzinjected');
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
