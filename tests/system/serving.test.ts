import http from 'node:http';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../db/client';
import { users } from '../../db/schema';
import { loadActor } from '../../lib/data/actor';
import { reviewDomain } from '../../lib/data/domain-reviews';
import { unsafeInsertImportedEdition } from '../../lib/data/imported-editions';
import { savePart } from '../../lib/data/parts';
import { approveProfile, submitForReview } from '../../lib/data/workflow';
import { DOWNLOAD_CACHE_CONTROL, NO_STORE, PRIVATE_REVALIDATE } from '../../lib/editions/cache-policy';
import { PUBLIC_DATA_SECONDS } from '../../lib/editions/public-data';
import { domainKeys, profileSlots } from '../../lib/domain/profile';
import { freshSeededDatabase, startInstances } from './support';

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const OLD_TITLE = 'Profil de gouvernance des migrations : Lima (Pérou) — édition de test';

async function actorOf(email: string) {
  const [u] = await (await getDb()).select({ id: users.id }).from(users).where(eq(users.email, email));
  return (await loadActor(u.id, 'session'))!;
}

/**
 * A page's content, comparable between two answers of the same page. Three things legitimately
 * differ from one render to the next, and are taken out:
 * - the nonce (named by the page's policy), and the edition page's cache window (a route
 *   parameter in the streamed data: proxy.ts names the 30-second window the copy was made in);
 * - the order of the streamed data's rows (React Flight), which arrive as their parts finish, and
 *   with that order the rows' ids and the references between them (seen on a loaded machine: the
 *   metadata's icon row was `1f` in one answer and `29` in the next, and every row after it was
 *   renumbered): the rows are compared sorted, with ids and references blanked;
 * - where streamed markup lands (inline, or in a hidden segment moved into place by a script,
 *   depending on what finished before the first flush): the markup, scripts and React's streaming
 *   marks left out, is compared as a sorted list of its tags and texts.
 * What a reader gets (every text, link, attribute and language, and the data that hydrates it) is
 * still compared whole, so a cache poisoned by an odd request shows.
 */
async function comparable(answer: Response) {
  const nonce = /'nonce-([^']+)'/.exec(answer.headers.get('content-security-policy') ?? '')?.[1];
  const raw = await answer.text();
  const html = nonce ? raw.replaceAll(nonce, 'NONCE') : raw;
  const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  const flight = scripts
    .map((script) => /^self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)$/.exec(script)?.[1])
    .filter((literal): literal is string => literal !== undefined)
    .map((literal) => JSON.parse(literal) as string)
    .join('');
  const rows = flight
    .split('\n')
    .map((row) => row.replace(/^[0-9a-f]+:/, '').replace(/\$[L@]?[0-9a-f]+\b/g, '$ref').replace(/("n":"window","t":"d","k":")\d+"/g, '$1W"'))
    .sort();
  const markup = html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
    .split(/(?=<)|(?<=>)/)
    .map((piece) => piece.replace(/ id="[SB]:[0-9a-f]+"/, '').trim())
    .filter((piece) => piece && !/^<!--\/?\$[?!]?-->$|^<template>$|^<\/template>$/.test(piece))
    .sort();
  // A streamed segment's wrapper (`<div hidden>`) and its closing tag are the streaming's, not the page's.
  const segments = markup.filter((piece) => piece === '<div hidden>').length;
  const unwrapped = markup.filter((piece) => piece !== '<div hidden>');
  for (let i = 0; i < segments; i++) unwrapped.splice(unwrapped.indexOf('</div>'), 1);
  return { rows, markup: unwrapped };
}

/** The label of Lima's latest edition on the index of profiles (its card's badge; English, no Accept-Language). */
const limaLatest = (html: string) => /href="\/profiles\/lima">[\s\S]*?Latest edition: ([^<]+)</.exec(html)?.[1];

// Public pages over the wire, served by production instances as readers and caches see them.
describe.skipIf(!process.env.DATABASE_URL)('serving public pages', () => {
  let db: Awaited<ReturnType<typeof freshSeededDatabase>>;
  let origins: string[] = [];
  let stop: () => Promise<unknown> = async () => {};

  beforeAll(async () => {
    db = await freshSeededDatabase();
    await unsafeInsertImportedEdition({
      jurisdiction: 'lima',
      language: 'fr',
      year: 2022,
      month: 8,
      title: OLD_TITLE,
      source: 'serving test',
      content: { introduction: doc('Introduction de 2022.'), domains: Object.fromEntries(domainKeys.map((d) => [d, { strengths: doc(`${d} 2022`), potential: doc(`${d} potentiel`) }])) as never },
    });
    ({ origins, stop } = await startInstances(2, db.url));
  }, 240_000);

  afterAll(async () => {
    await stop();
    await db.drop();
  });

  const get = (i: number, path: string, init: RequestInit = {}) => fetch(`${origins[i]}${path}`, { redirect: 'manual', ...init });

  const pageKinds: Array<[string, string]> = [
    ['/about', '</html>'],
    ['/profiles', OLD_TITLE],
    ['/profiles/lima', OLD_TITLE],
    ['/profiles/lima/2022-08', OLD_TITLE],
    ['/profiles/lima/2022-08/fr', OLD_TITLE],
    ['/profiles/lima/2022-08?lang=fr', OLD_TITLE],
    ['/profiles/lima/compare?from=2022-08&to=2022-08', 'Lima'],
  ];

  it('HEAD answers what GET would, and a GET after HEADs still gets the whole page', async () => {
    for (const [path, text] of pageKinds) {
      for (let n = 0; n < 3; n++) {
        const head = await get(0, path, { method: 'HEAD' });
        expect(head.status, path).toBe(200);
        expect(await head.text(), path).toBe('');
        expect(head.headers.get('content-type'), path).toMatch(/^text\/html/);
        expect(head.headers.get('cache-control'), path).toBe(PRIVATE_REVALIDATE);
      }
      const page = await get(0, path);
      expect(page.status, path).toBe(200);
      expect(page.headers.get('cache-control'), path).toBe(PRIVATE_REVALIDATE);
      const html = await page.text();
      expect(html, path).toContain(text);
      expect(html, path).toContain('</html>');
    }
    const pdf = await get(0, '/profiles/lima/2022-08/pdf', { method: 'HEAD' });
    expect(pdf.status).toBe(200);
    expect((await (await get(0, '/profiles/lima/2022-08/pdf')).arrayBuffer()).byteLength).toBeGreaterThan(1000);
  });

  it('keeps an idle keep-alive connection open past the 5 s after which Node would close it under a client', async () => {
    // A client (or proxy) reuses idle connections for longer than Node's default 5 s; a request sent
    // as the server closes one fails with ECONNRESET. The second request must ride the first's socket.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const ask = () =>
      new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
        const req = http.get(`${origins[0]}/api/v1/openapi.json`, { agent }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }));
        });
        req.on('error', reject);
      });
    try {
      expect((await ask()).reused).toBe(false);
      await new Promise((r) => setTimeout(r, 7000));
      expect(await ask()).toEqual({ status: 200, reused: true });
    } finally {
      agent.destroy();
    }
  });

  it('odd methods, encoded paths, unknown hosts and forwarded headers change nothing for others', async () => {
    const path = '/profiles/lima/2022-08';
    const before = await comparable(await get(1, path));
    // The page's data was found and read (an empty list would compare equal to anything empty).
    expect(before.rows.length).toBeGreaterThan(10);
    expect(before.rows.join('')).toContain(OLD_TITLE);
    // And it tells pages apart. (/about: it has no cached data, so nothing here warms an entry that a
    // later test expects to be fetched fresh after a publication.)
    expect(await comparable(await get(1, '/about'))).not.toEqual(before);
    const odd: Array<[string, RequestInit]> = [
      [path, { method: 'OPTIONS' }],
      [path, { method: 'DELETE' }],
      [path, { method: 'POST', body: 'x=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }],
      ['/about', { method: 'POST', body: 'x=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }],
      [path, { headers: { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https', 'x-forwarded-for': '6.6.6.6' } }],
      [path, { headers: { host: 'evil.example' } }],
      [path, { headers: { 'accept-encoding': 'gzip, deflate, br', rsc: '1' } }],
      [path, { headers: { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy', 'x-invoke-path': '/about' } }],
      ['/profiles/lima/%2e%2e/2022-08', {}],
      ['/profiles%2Flima%2F2022-08', {}],
      ['//profiles//lima//2022-08', {}],
      ['/profiles/lima/2022-08/%2e%2e/%2e%2e/about', {}],
      ['/profiles/lima/2022-08?lang=%00', {}],
    ];
    for (const [p, init] of odd) {
      const answer = await get(1, p, init);
      expect(answer.status, `${init.method ?? 'GET'} ${p}`).toBeLessThan(500);
      // What a page answers to a POST is nobody's to keep (a plain POST to /about got Next's year-long s-maxage).
      if (init.method === 'POST') expect(answer.headers.get('cache-control'), `POST ${p}`).toBe(NO_STORE);
      await answer.arrayBuffer();
    }
    const after = await get(1, path);
    expect(after.status).toBe(200);
    expect(after.headers.get('cache-control')).toBe(PRIVATE_REVALIDATE);
    const html = await comparable(after);
    expect(html).toEqual(before);
    expect(JSON.stringify(html)).not.toContain('evil.example');
    expect(html.markup.join('')).toContain(OLD_TITLE);
  });

  it('methods an address does not serve get 405 with Allow, never a 500 nor the page', async () => {
    // Raw HTTP: fetch() itself refuses TRACE, as Next's request object did (it answered 500).
    const ask = (method: string, path: string) =>
      new Promise<{ status: number; allow: string | undefined; body: string }>((resolve, reject) => {
        const req = http.request(`${origins[1]}${path}`, { method }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, allow: res.headers.allow, body }));
        });
        req.on('error', reject);
        req.end();
      });
    for (const path of ['/', '/profiles/lima/2022-08', '/login', '/api/v1/editions']) {
      for (const method of ['TRACE']) {
        const answer = await ask(method, path);
        expect(answer.status, `${method} ${path}`).toBe(405);
        expect(answer.allow, `${method} ${path}`).toMatch(/^GET, HEAD, /);
      }
    }
    for (const method of ['PROPFIND', 'DELETE', 'PUT', 'PATCH']) {
      const answer = await ask(method, '/profiles/lima/2022-08');
      expect(answer.status, method).toBe(405);
      expect(answer.allow).toBe('GET, HEAD, POST');
      expect(answer.body).not.toContain(OLD_TITLE);
    }
    // A file is only read: a PUT on a public/ file made Next render a "/405" page it has not (500).
    for (const method of ['PUT', 'DELETE', 'POST']) {
      const answer = await ask(method, '/robots.txt');
      expect(answer.status, `${method} /robots.txt`).toBe(405);
      expect(answer.allow).toBe('GET, HEAD');
    }
    expect((await ask('GET', '/robots.txt')).status).toBe(200);
    // A method Node's parser does not know at all (TRACK) is its 400, before any code of ours.
    expect((await ask('TRACK', '/')).status).toBe(400);
    expect(await ask('OPTIONS', '/about')).toMatchObject({ status: 204, allow: 'GET, HEAD, POST' });
    // What the API's routes serve is theirs to say: an unexported method is Next's 405.
    expect((await ask('DELETE', '/api/v1/editions')).status).toBe(405);
    expect((await ask('GET', '/profiles/lima/2022-08')).status).toBe(200);
  });

  it('a dated page promises only what holds: it changes when a newer edition is published, and every instance shows that in time', async () => {
    const path = '/profiles/lima/2022-08';
    for (const i of [0, 1]) {
      const page = await get(i, path);
      // Not immutable, and no shared cache may keep it: the browser asks again before reusing its copy.
      expect(page.headers.get('cache-control')).toBe(PRIVATE_REVALIDATE);
      expect(await page.text()).not.toContain('data-testid="superseded"');
      // The unfiltered index (a cached copy per window too) names Lima's latest edition: this one.
      expect(limaLatest(await (await get(i, '/profiles')).text())).toBe('2022 August');
    }

    // A newer edition, published through the API of instance 0.
    const consultant = await actorOf('consultant@example.org');
    const focal = await actorOf('focal.lima@example.org');
    const started = await fetch(`${origins[0]}/api/v1/assessments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${db.tokens.consultant}`, 'content-type': 'application/json' },
      body: JSON.stringify({ jurisdiction: 'lima', language: 'fr' }),
    });
    const { id } = (await started.json()) as { id: string };
    for (const slot of profileSlots) await savePart(consultant, { assessmentId: id, ...slot }, { doc: doc(`Nouveau ${slot.section} ${slot.part}`), baseRevision: 0 });
    await submitForReview(consultant, id);
    for (const d of domainKeys) await reviewDomain(focal, id, d, 'accept', null);
    await approveProfile(focal, id);
    const published = await fetch(`${origins[0]}/api/v1/assessments/${id}/transitions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${db.tokens.admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'publish' }),
    });
    expect(published.status).toBe(200);

    // The publishing instance shows it at once: the dated page is superseded, the latest is the new one.
    const dated = await get(0, path);
    expect(dated.headers.get('cache-control')).toBe(PRIVATE_REVALIDATE);
    expect(await dated.text()).toContain('data-testid="superseded"');
    expect(await (await get(0, '/profiles/lima')).text()).toContain('Nouveau introduction');
    const newLabel = limaLatest(await (await get(0, '/profiles')).text());
    expect(newLabel).toMatch(/^\d{4} \w+$/);
    expect(newLabel).not.toBe('2022 August');
    // The edition's content is frozen: still the same. Its answer is not (correctedBy, versions, languages): never immutable.
    const json = await get(0, '/api/v1/editions/lima/2022-08-v1?lang=fr');
    expect(json.headers.get('cache-control')).toBe(DOWNLOAD_CACHE_CONTROL);
    expect(((await json.json()) as { title: string }).title).toBe(OLD_TITLE);

    // The other instance refetches its cached data within PUBLIC_DATA_SECONDS (polled, with room for a busy machine).
    await expect
      .poll(async () => (await (await get(1, path)).text()).includes('data-testid="superseded"'), { timeout: (PUBLIC_DATA_SECONDS + 60) * 1000, interval: 1000 })
      .toBe(true);
    expect(await (await get(1, '/profiles/lima')).text()).toContain('Nouveau introduction');
    expect(limaLatest(await (await get(1, '/profiles')).text())).toBe(newLabel);
  }, 180_000);
});
