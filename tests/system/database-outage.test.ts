import type { ChildProcess } from 'node:child_process';
import { chromium } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, stopAppServer } from '../../bench/app-server';
import { AUTH_SECRET, cuttableRelay, freePort, freshSeededDatabase, sessionCookie } from './support';
import { chromiumArgs, chromiumExecutable } from '../support/chromium';

// PostgreSQL goes away while the app runs, then comes back.
describe.skipIf(!process.env.DATABASE_URL)('when PostgreSQL stops', () => {
  let db: Awaited<ReturnType<typeof freshSeededDatabase>>;
  let relay: Awaited<ReturnType<typeof cuttableRelay>>;
  let app: ChildProcess;
  let origin: string;
  let cookie: string;

  beforeAll(async () => {
    db = await freshSeededDatabase();
    relay = await cuttableRelay();
    const port = await freePort();
    origin = `http://localhost:${port}`;
    app = await startAppServer(port, { DATABASE_URL: relay.via(db.url), AUTH_SECRET });
    cookie = await sessionCookie(origin, 'consultant@example.org');
  }, 120_000);

  afterAll(async () => {
    await stopAppServer(app);
    await relay.close();
    await db.drop();
  });

  const page = () => fetch(`${origin}/`, { headers: { cookie, accept: 'text/html' }, redirect: 'manual' });
  const api = () => fetch(`${origin}/api/v1/me`, { headers: { authorization: `Bearer ${db.tokens.consultant}` } });

  it('answers a clear page, or JSON with 503, no stack trace, then recovers without a restart', async () => {
    expect((await page()).status).toBe(200);
    expect((await api()).status).toBe(200);

    await relay.cut();
    // The request that finds the outage out gets Next's error page (app/global-error.tsx, 500: a failed
    // render has no other status). The instance then knows (instrumentation.ts onRequestError, a probe),
    // and proxy.ts answers pages 503 with Retry-After and a page that reloads itself, without rendering.
    const first = await page();
    expect([500, 503]).toContain(first.status);
    expect(await first.text()).not.toMatch(/\bat \S+ \(|Error:|ECONNREFUSED|postgres/i);
    await expect.poll(async () => (await page()).status, { timeout: 20_000, interval: 250 }).toBe(503);
    const down = await page();
    expect(down.headers.get('retry-after')).toBe('15');
    expect(down.headers.get('cache-control')).toBe('no-store');
    expect(down.headers.get('content-type')).toMatch(/^text\/html/);
    // No script at all on it: the baseline policy, which allows no inline script.
    expect(down.headers.get('content-security-policy')).toMatch(/script-src 'self'; /);
    const html = await down.text();
    expect(html).not.toMatch(/\bat \S+ \(|Error:|ECONNREFUSED|postgres|<script/i);
    expect(html).toContain('MGI Studio is briefly unavailable');
    // HEAD answers what GET would; a French reader reads French first; a public page is answered alike.
    const head = await fetch(`${origin}/`, { method: 'HEAD', headers: { cookie } });
    expect([head.status, head.headers.get('retry-after')]).toEqual([503, '15']);
    const french = await fetch(`${origin}/profiles`, { headers: { 'accept-language': 'fr' } });
    expect(french.status).toBe(503);
    expect(await french.text()).toMatch(/<html lang="fr">.*<h1>MGI Studio est momentanément indisponible<\/h1>/);

    const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
    try {
      for (const [name, viewport] of [
        ['desktop', { width: 1280, height: 800 }],
        ['phone', { width: 390, height: 844 }],
      ] as const) {
        const context = await browser.newContext({ viewport });
        await context.addCookies(cookie.split('; ').map((c) => ({ name: c.split('=')[0], value: c.slice(c.indexOf('=') + 1), url: origin })));
        const tab = await context.newPage();
        const violations: string[] = [];
        tab.on('console', (m) => {
          if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
        });
        const answer = await tab.goto(`${origin}/`);
        expect(answer?.status()).toBe(503);
        await tab.getByRole('heading', { level: 1, name: 'MGI Studio is briefly unavailable' }).waitFor();
        expect(await tab.content()).not.toMatch(/ECONNREFUSED|postgres/i);
        expect(violations).toEqual([]);
        await tab.screenshot({ path: `test-results/screenshots/database-outage-${name}.png`, fullPage: true });
        await context.close();
      }
    } finally {
      await browser.close();
    }

    const apiDown = await api();
    expect(apiDown.status).toBe(503);
    expect(apiDown.headers.get('retry-after')).toBe('15');
    expect(await apiDown.json()).toEqual({ error: { code: 'database_unavailable', message: expect.stringContaining('try again') } });

    const start = () =>
      fetch(`${origin}/api/v1/assessments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${db.tokens.consultant}`, 'content-type': 'application/json' },
        body: JSON.stringify({ jurisdiction: 'lima', language: 'es' }),
      });
    expect((await start()).status).toBe(503);

    await relay.restore();
    await expect.poll(async () => (await page()).status, { timeout: 20_000, interval: 250 }).toBe(200);
    expect((await api()).status).toBe(200);
    // The write refused during the outage left nothing behind: starting the profile now creates it (201, not 409).
    expect((await start()).status).toBe(201);
  });
});
