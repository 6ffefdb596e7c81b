import type { Request } from '@playwright/test';
import { expect, test } from './support/app-test';
import { DEMO_PASSWORD, demo } from './support/auth';

/*
 * The login form posts, so the password never lands in a URL (history, logs,
 * Referer), and it works without JavaScript: tried with scripts off, where a
 * form without method="post" would send a GET with the password in the query.
 */

test('without JavaScript, a wrong password shows the error and the right one logs in; the password never is in a URL', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const urls: string[] = [];
  const methods: string[] = [];
  page.on('request', (r: Request) => {
    urls.push(r.url());
    if (r.isNavigationRequest() && r.frame() === page.mainFrame()) methods.push(r.method());
  });

  await page.goto('/login?callbackUrl=%2Finbox');
  await page.getByLabel('Email').fill(demo.consultant);
  await page.getByLabel('Password').fill('not the password at all');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.locator('.notice--error')).toHaveText('The email or password is not right.');
  expect(methods.at(-1)).toBe('POST');

  await page.getByLabel('Email').fill(demo.consultant);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/inbox$/);
  expect((await page.request.get('/api/v1/me')).status()).toBe(200);

  for (const url of [...urls, page.url()]) {
    expect(url).not.toContain(encodeURIComponent(DEMO_PASSWORD));
    expect(url).not.toContain('not+the+password');
    expect(url).not.toContain('password=');
  }
  await context.close();
});

test('with JavaScript, logging in through the form lands where it was asked to, signed in', async ({ page }) => {
  await page.goto('/login?callbackUrl=%2Finbox');
  await page.getByLabel('Email').fill(demo.consultant);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/inbox$/);
  expect(page.url()).not.toContain('password');
  expect((await page.request.get('/api/v1/me')).status()).toBe(200);
});
