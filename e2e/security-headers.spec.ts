import { expect, test, type Page, type Response } from '@playwright/test';
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

test('public pages, rendered once for everyone, allow their own scripts by hash', async ({ page }) => {
  for (const path of ['/profiles', '/about', '/profiles/lima/2022-08', '/profiles/lima/2022-08']) {
    expectSecure(await page.goto(path));
    expect(await violations(page), path).toEqual([]);
  }
  // The second visit came from the server's memory, with the policy computed when it was stored.
  const cached = await page.request.get('/profiles/lima/2022-08', { headers: { accept: 'text/html' } });
  expect(cached.headers()['x-mgi-cache']).toBe('HIT');
  expect(cached.headers()['content-security-policy']).toMatch(/'sha256-/);
  // Client-side behaviour still works: switching the interface language.
  await page.locator('#locale-select').selectOption('fr');
  await expect(page.getByTestId('edition-label')).toHaveText('2022 Août');
  expect(await violations(page)).toEqual([]);
});

test('API answers and files carry the headers too', async ({ request }) => {
  for (const path of ['/api/v1/editions', '/robots.txt', '/api/v1/me']) {
    const response = await request.get(path);
    expect(response.headers()['x-content-type-options'], path).toBe('nosniff');
    expect(response.headers()['content-security-policy'], path).toContain("default-src 'self'");
  }
});
