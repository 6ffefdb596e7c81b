import type { Page, Response } from '@playwright/test';
import { expect, test } from './support/app-test';
import { demo, loginAs } from './support/auth';
import { editorOf, openProfile } from './support/profiles';

// Every page records the policy violations it sees, from its first script on.
test.beforeEach(async ({ context }) => {
  await context.addInitScript(() => {
    (window as unknown as { __violations: string[] }).__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __violations: string[] }).__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
});

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

function expectSecure(response: Response | null) {
  const headers = response!.headers();
  const policy = headers['content-security-policy'];
  expect(policy, response!.url()).toMatch(/script-src 'self' ('nonce-[A-Za-z0-9+/=]+'|'sha256-[A-Za-z0-9+/=]+')/);
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  return policy;
}

test('app pages run under a nonce policy, and a script the page did not ship is refused', async ({ page, baseURL }) => {
  await loginAs(page, demo.consultant);
  const id = await openProfile(page.request, 'huaquillas', 'en', baseURL!);
  const first = expectSecure(await page.goto('/'));
  const second = expectSecure(await page.goto('/'));
  expect(first.match(/'nonce-([^']+)'/)![1]).not.toBe(second.match(/'nonce-([^']+)'/)![1]);

  expectSecure(await page.goto(`/assessments/${id}/sections/partnerships`));
  const editor = editorOf(page, 'partnerships', 'strengths');
  await editor.text.click();
  await page.keyboard.type('Hydrated under the policy.');
  await expect(editor.status).toHaveText(/Saved/);
  expect(await violations(page)).toEqual([]);

  // An injected inline script is blocked, and the page hears about it.
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__pwned = true';
    document.body.append(s);
  });
  await expect.poll(() => violations(page)).toEqual([expect.stringMatching(/^script-src/)]);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
});

test('public pages: a fresh nonce per render, cached pages one copy per window under its nonce, /about its build scripts', async ({ page }) => {
  const nonceOf = (policy: string) => policy.match(/'nonce-([^']+)'/)![1];
  // Rendered per request (the index filtered by its query): each answer has its own nonce.
  const filtered = [nonceOf(expectSecure(await page.goto('/profiles?country=PE'))), nonceOf(expectSecure(await page.goto('/profiles?country=PE')))];
  expect(filtered[0]).not.toBe(filtered[1]);
  expect(expectSecure(await page.goto('/about'))).toMatch(/'sha256-/);
  expect(await violations(page)).toEqual([]);

  // An edition page (and the unfiltered index) comes from Next's cache, one copy per 30-second
  // window, and every inline script in it (those only a nonce lets run) carries the nonce its
  // policy names. Two loads fall in one window unless they straddle a boundary; a third load
  // then shares the second's window.
  for (const path of ['/profiles/lima/2022-08', '/profiles']) {
    const loads: Array<{ nonce: string; cache: string | undefined }> = [];
    for (let i = 0; i < 3; i++) {
      const response = await page.goto(path);
      const nonce = nonceOf(expectSecure(response));
      const scripts = await page.evaluate(() => [...document.scripts].filter((s) => !s.src).map((s) => s.nonce));
      loads.push({ nonce, cache: response!.headers()['x-nextjs-cache'] });
      expect(scripts.length, path).toBeGreaterThan(1);
      expect(new Set(scripts), path).toEqual(new Set([nonce]));
      expect(await violations(page), path).toEqual([]);
    }
    const sameWindow = loads.findIndex((load, i) => i > 0 && load.nonce === loads[i - 1].nonce);
    expect(sameWindow, path).toBeGreaterThan(0);
    expect(loads[sameWindow].cache, path).toBe('HIT');
  }
  await page.goto('/profiles/lima/2022-08');
  // Client-side behaviour still works: switching the interface language.
  await page.locator('#locale-select').selectOption('fr');
  await expect(page.getByTestId('edition-label')).toHaveText('2022 Août');
  expect(await violations(page)).toEqual([]);
});

test('an inline script put into a cached public page does not run, wherever it comes from', async ({ page }) => {
  await page.goto('/profiles/lima/2022-08'); // the page is now in Next's cache
  // A script that reaches the page inside its HTML (as a stored or injected one would) is not
  // allowed for being there: the policy names only the nonce Next put on its own scripts.
  await page.route('**/profiles/lima/2022-08', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('</main>', '<script>window.__pwned = "from the body"</script></main>');
    await route.fulfill({ response, body: html });
  });
  expectSecure(await page.goto('/profiles/lima/2022-08'));
  await expect.poll(() => violations(page)).toEqual([expect.stringMatching(/^script-src/)]);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  await page.unroute('**/profiles/lima/2022-08');

  // And one added after the page loaded is refused too.
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__pwned = "added"';
    document.body.append(s);
  });
  await expect.poll(async () => (await violations(page)).length).toBe(2);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
});

test('API answers and files carry the headers too', async ({ request }) => {
  for (const path of ['/api/v1/editions', '/robots.txt', '/api/v1/me']) {
    const response = await request.get(path);
    expect(response.headers()['x-content-type-options'], path).toBe('nosniff');
    expect(response.headers()['content-security-policy'], path).toContain("default-src 'self'");
  }
});

test("an address no route matches gets the app's own 404 page in the reader's language, its scripts under the nonce", async ({ page, baseURL }) => {
  // The browser's time zone is known already: on a first visit the page writes it and renders again
  // (components/intl/time-zone-cookie.tsx), which could cut short the next address's loading.
  const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  await page.context().addCookies([
    { name: 'NEXT_LOCALE', value: 'es', url: baseURL! },
    { name: 'MGI_TZ', value: zone, url: baseURL! },
  ]);
  for (const path of ['/profiles/lima/9999-99', '/Profiles/lima', '/domains/partnerships/x/y']) {
    const response = await page.goto(path);
    expect(response!.status(), path).toBe(404);
    expectSecure(response);
    expect(response!.headers()['cache-control'], path).not.toContain('31536000');
    // The app's frame and message, not Next's bare English "404: This page could not be found."
    await expect(page.getByRole('heading', { level: 1, name: 'Página no encontrada' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.getByRole('link', { name: 'MGI Studio' })).toBeVisible();
    // Next's prerendered 404 carried no nonce on its inline scripts: the policy blocked every one.
    expect(await violations(page), path).toEqual([]);
  }
});
