import { expect, test } from './support/app-test';
import { demo, DEMO_PASSWORD, loginAs, sessionCookies } from './support/auth';

test.describe('sessions end when they should', () => {
  test('after logout, a copied session cookie is refused', async ({ page, browser }) => {
    await loginAs(page, demo.focalLima);
    const copied = await sessionCookies(page.context());
    expect(copied.length).toBeGreaterThan(0);
    await page.goto('/');
    await page.getByRole('button', { name: 'Log out' }).click();
    await expect(page).toHaveURL(/\/login/);

    const thief = await browser.newContext();
    await thief.addCookies(copied);
    const response = await thief.request.get('/api/v1/me');
    expect(response.status()).toBe(401);
    await thief.close();
  });

  test('hostile callbackUrl values land on this site', async ({ page }) => {
    for (const hostile of ['//evil.example', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)']) {
      await page.context().clearCookies();
      await page.goto(`/login?callbackUrl=${encodeURIComponent(hostile)}`);
      await page.getByLabel('Email').fill(demo.focalLima);
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Log in' }).click();
      await expect(page.getByRole('heading', { name: 'Your dashboard' })).toBeVisible();
      expect(page.url()).toMatch(/^http:\/\/localhost:\d+\/$/);
    }
  });

  test('a login with a safe callbackUrl comes back to it', async ({ page }) => {
    await page.goto('/jurisdictions/lima');
    await expect(page).toHaveURL(/callbackUrl/);
    await page.getByLabel('Email').fill(demo.focalLima);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('heading', { name: 'Lima' })).toBeVisible();
    await expect(page).toHaveURL(/\/jurisdictions\/lima$/);
  });
});
