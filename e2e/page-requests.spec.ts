import { expect, test } from './support/app-test';

/*
 * Page addresses and page requests that no link makes: a 4xx or a redirect
 * with a reason, never a server error, a page kept too long, or a copy that
 * carries one reader's request to the others.
 */

test('a public PDF with an unknown language or a malformed slug is a 404, not a server error', async ({ request }) => {
  // Reached directly, the internal interface-language segment is anyone's to fill.
  for (const path of ['/zz/profiles/lima/2022-08/pdf', '/en-US/profiles/lima/2022-08/pdf', '/en/profiles/NOT%20A%20SLUG/2024-06/pdf', '/profiles/lima/2022-13/pdf']) {
    expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(404);
  }
  // Stranger still: whatever the framework makes of them, never a server error.
  for (const path of ['/%2e%2e/profiles/lima/2022-08/pdf', '/en/profiles/lima/2022-08/pdf?lang=zz', '/zz/profiles/lima/latest/zz']) {
    expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBeLessThan(500);
  }
  // The control: the same edition's PDF (seeded for every e2e run) is there under a real language.
  const ok = await request.get('/profiles/lima/2022-08/pdf');
  expect(ok.status()).toBe(200);
  expect(ok.headers()['content-type']).toBe('application/pdf');
});

test('the about page under a made-up language is a 404 every time, never a page kept for a year', async ({ request }) => {
  for (const path of ['/qq/about', '/zz/about', '/en-US/about', '/qq/about']) {
    const r = await request.get(path, { maxRedirects: 0 });
    expect(r.status(), path).toBe(404);
    expect(r.headers()['cache-control'] ?? '', path).not.toContain('31536000');
  }
  expect((await request.get('/about')).status()).toBe(200);
});

test('a NUL in the public index search finds nothing; it is not a server error nor a false outage page', async ({ request }) => {
  for (const path of ['/profiles?q=%00', '/profiles?q=li%00ma', '/profiles?country=%00', '/profiles?q=%00&level=country']) {
    const r = await request.get(path);
    expect(r.status(), path).toBe(200);
    expect(await r.text(), path).not.toContain('Retry-After');
  }
  const control = await request.get('/profiles?q=lima');
  expect(await control.text()).toContain('Lima');
});

test('odd addresses and oversized bodies get a plain answer before any page is rendered', async ({ request }) => {
  // A malformed escape was a bare 500 from Next's router, without the security headers.
  for (const path of ['/assessments/%ff', '/inbox/%ff', '/jurisdictions/%', '/profiles/%ff']) {
    const r = await request.get(path, { maxRedirects: 0 });
    expect(r.status(), path).toBe(400);
    expect(await r.text(), path).toMatch(/malformed escape/);
    expect(r.headers()['content-security-policy'], path).toContain("script-src 'self'");
  }
  // Next's own pages under their internal names: 404, kept by no one (they answered 404 and 500 with a year's s-maxage).
  for (const path of ['/_not-found', '/_global-error']) {
    const r = await request.get(path, { maxRedirects: 0 });
    expect(r.status(), path).toBe(404);
    expect(r.headers()['cache-control'], path).toBe('no-store');
  }
  // A body declared larger than any page takes: 413 with a reason, not a truncated body parsed into a 500.
  const big = await request.post('/login', { headers: { 'content-type': 'text/plain;charset=UTF-8', 'next-action': '0'.repeat(42) }, data: 'x'.repeat(1024 * 1024 + 1) });
  expect(big.status()).toBe(413);
  expect(await big.text()).toMatch(/larger than 1 MB/);
  // Bodies that are not what they say reached Next's action handler, which failed on them with a 500.
  const action = /\$ACTION_ID_([0-9a-f]+)/.exec(await (await request.get('/login')).text())![1];
  for (const path of ['/login', '/profiles/lima', '/nope']) {
    const multipart = await request.post(path, { headers: { 'content-type': 'multipart/form-data; boundary=xx' }, data: 'junk' });
    expect(multipart.status(), path).toBe(400);
    expect(await multipart.text(), path).toMatch(/not the multipart form data/);
    const text = await request.post(path, { headers: { 'content-type': 'text/plain;charset=UTF-8', 'next-action': action }, data: 'junk' });
    expect(text.status(), path).toBe(400);
    expect(await text.text(), path).toMatch(/server action's arguments/);
  }
});

test('an edition page asked for with a query it does not take is sent to its address without it', async ({ request }) => {
  // Next records the first reader's address in the copy of a window that every reader gets.
  for (const [from, to] of [
    ['/profiles/lima/2022-08?utm_source=x', '/profiles/lima/2022-08'],
    ['/profiles/lima/2022-08/fr?lang=fr', '/profiles/lima/2022-08/fr'],
    ['/profiles/lima?lang=fr&ref=%22%3C%3E', '/profiles/lima?lang=fr'],
    ['/profiles/lima?lang=zz', '/profiles/lima'],
  ]) {
    const r = await request.get(from, { maxRedirects: 0 });
    expect(r.status(), from).toBe(308);
    expect(new URL(r.headers().location, 'http://x').pathname + new URL(r.headers().location, 'http://x').search, from).toBe(to);
  }
  for (const path of ['/profiles/lima', '/profiles/lima?lang=fr', '/profiles/lima/2022-08/fr']) {
    expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(200);
  }
  // The index with a search is rendered for its reader, not kept: its query stays.
  expect((await request.get('/profiles?q=lima', { maxRedirects: 0 })).status()).toBe(200);
});

test('a shared link to an edition with a tracking tag opens the edition, at its plain address', async ({ page }) => {
  await page.goto('/profiles/lima/2022-08?utm_source=newsletter&lang=fr');
  await expect(page).toHaveURL(/\/profiles\/lima\/2022-08\?lang=fr$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Lima');
});

test('an edition page has one address: spelling the internal path (latest, any) is a 404', async ({ request }) => {
  // These reached the edition page under a second address, with a copy of their own in each window.
  for (const path of ['/profiles/lima/latest/any', '/profiles/lima/latest/fr', '/profiles/lima/2022-08/any']) {
    for (const r of [await request.head(path, { maxRedirects: 0 }), await request.get(path, { maxRedirects: 0 })]) {
      expect(r.status(), path).toBe(404);
      expect(r.headers()['cache-control'], path).toBe('no-store');
    }
  }
  // The addresses links give the same pages.
  for (const path of ['/profiles/lima', '/profiles/lima/2022-08', '/profiles/lima/2022-08/fr']) {
    expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(200);
  }
});

test('a HEAD first in its window leaves a missing edition its full 404 page', async ({ request }) => {
  // The window's copy is made by the first request, whatever its method: a HEAD must not leave it empty.
  for (const path of ['/profiles/lima/1998-02', '/profiles/no-such-place']) {
    const head = await request.head(path);
    expect(head.status(), path).toBe(404);
    const get = await request.get(path);
    expect(get.status(), path).toBe(404);
    expect(get.headers()['cache-control'], path).toBe(head.headers()['cache-control']);
    expect(await get.text(), path).toMatch(/<h1>(Page not found|Page introuvable|Página no encontrada)<\/h1>/);
  }
});

test('a mistyped edition address shows the public 404 page, with or without JavaScript', async ({ browser }) => {
  // notFound() thrown from a page left Next's empty error document, filled in by the browser's
  // scripts only: blank without them (components/errors/not-found-in-place.tsx).
  for (const javaScriptEnabled of [false, true]) {
    const context = await browser.newContext({ javaScriptEnabled, locale: 'en-US' });
    const page = await context.newPage();
    for (const path of ['/profiles/nowhere', '/profiles/lima/1999-01', '/profiles/lima/1999-01/es']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole('heading', { level: 1, name: 'Page not found' }), path).toBeVisible();
      await expect(page, path).toHaveTitle('Page not found · MGI Studio');
      // In the public frame: its navigation, and the way back to the list.
      await expect(page.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Published profiles' }), path).toBeVisible();
      await expect(page.getByRole('main').getByRole('link', { name: 'All profiles' }), path).toBeVisible();
    }
    await context.close();
  }
});
