import { expect, test } from './support/app-test';
import { apiTokens, demo, loginAs } from './support/auth';

test.describe('nobody sees what is not theirs', () => {
  test('a Sonora focal point asking for Lima gets a 404, page and API', async ({ page }) => {
    await loginAs(page, demo.focalSonora);
    const own = await page.goto('/jurisdictions/sonora');
    expect(own?.status()).toBe(200);
    const other = await page.goto('/jurisdictions/lima');
    expect(other?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    // The tab says so too, and names nothing of Lima (it said "Jurisdictions").
    await expect(page).toHaveTitle('Page not found · MGI Studio');
    const api = await page.request.get('/api/v1/jurisdictions/lima');
    expect(api.status()).toBe(404);
    expect((await api.json()).error.code).toBe('not_found');
  });

  test('a missing jurisdiction and a forbidden one answer the same', async ({ page }) => {
    await loginAs(page, demo.focalSonora);
    const missing = await page.request.get('/api/v1/jurisdictions/atlantis');
    const forbidden = await page.request.get('/api/v1/jurisdictions/lima');
    expect(missing.status()).toBe(forbidden.status());
    expect(await missing.json()).toEqual(await forbidden.json());
  });

  test('x-middleware-subrequest headers get nothing more', async ({ page }) => {
    const headers = {
      'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware',
    };
    const anonymous = await page.request.get('/api/v1/me', { headers });
    expect(anonymous.status()).toBe(401);
    const admin = await page.request.get('/admin/users', { headers, maxRedirects: 0 });
    expect(admin.status()).toBe(307);
    await loginAs(page, demo.focalSonora);
    const lima = await page.request.get('/api/v1/jurisdictions/lima', { headers });
    expect(lima.status()).toBe(404);
    const adminPage = await page.request.get('/admin/users', { headers });
    expect(adminPage.status()).toBe(404);
  });

  test('a non-admin cannot reach the admin area', async ({ page }) => {
    await loginAs(page, demo.consultant);
    expect((await page.goto('/admin'))?.status()).toBe(404);
    expect((await page.goto('/admin/users'))?.status()).toBe(404);
    expect((await page.goto('/admin/jurisdictions'))?.status()).toBe(404);
  });

  test('GET /api/v1/me answers 401 without credentials and the user with a token', async ({ request }) => {
    expect((await request.get('/api/v1/me')).status()).toBe(401);
    const bad = await request.get('/api/v1/me', { headers: { authorization: 'Bearer mgi_not-a-real-token' } });
    expect(bad.status()).toBe(401);
    const tokens = apiTokens();
    const me = await request.get('/api/v1/me', { headers: { authorization: `Bearer ${tokens.focalSonora}` } });
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({
      email: demo.focalSonora,
      isAdmin: false,
      roles: [{ jurisdiction: 'sonora', role: 'focal_point' }],
    });
    const lima = await request.get('/api/v1/jurisdictions/lima', {
      headers: { authorization: `Bearer ${tokens.focalSonora}` },
    });
    expect(lima.status()).toBe(404);
    const asAdmin = await request.get('/api/v1/jurisdictions/lima', {
      headers: { authorization: `Bearer ${tokens.admin}` },
    });
    expect(asAdmin.status()).toBe(200);
  });

  test('anonymous pages send people to the login page', async ({ page }) => {
    await page.goto('/admin/users');
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Fusers/);
  });
});
