import fs from 'node:fs';
import path from 'node:path';
import { expect, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'demo-password-2024';

export const demo = {
  admin: 'admin@example.org',
  consultant: 'consultant@example.org',
  focalLima: 'focal.lima@example.org',
  focalSonora: 'focal.sonora@example.org',
} as const;

/** Logs in through next-auth's credentials endpoint, without the UI. */
export async function loginViaApi(request: APIRequestContext, email: string, password = DEMO_PASSWORD) {
  const csrf = await (await request.get('/api/auth/csrf')).json();
  const response = await request.post('/api/auth/callback/credentials', {
    form: { csrfToken: csrf.csrfToken, email, password, json: 'true', callbackUrl: '/' },
    maxRedirects: 0,
  });
  return response;
}

/**
 * Logs the page's browser in. Specs read the interface in the browser's language unless they
 * choose one: a demo account's stored language (which another spec in the worker may have
 * changed) applies at login to a browser that chose none (lib/auth/account-locale.ts), so the
 * language cookie that login sets is taken back here. To see it applied, use `loginViaApi`.
 */
export async function loginAs(page: Page, email: string, password = DEMO_PASSWORD) {
  const context = page.context();
  const chosen = (await context.cookies()).some((c) => c.name === 'NEXT_LOCALE');
  await loginViaApi(page.request, email, password);
  if (!chosen) await context.clearCookies({ name: 'NEXT_LOCALE' });
}

export async function sessionCookies(context: BrowserContext) {
  return (await context.cookies()).filter((c) => c.name.includes('next-auth.session-token'));
}

/** The API tokens start-server.ts minted for this worker's server (app-test.ts names its data folder). */
export function apiTokens(): { admin: string; focalSonora: string; focalLima: string } {
  const dir = process.env.E2E_DATA_DIR;
  if (!dir) throw new Error('E2E_DATA_DIR is not set: import `test` from e2e/support/app-test.ts.');
  return JSON.parse(fs.readFileSync(path.join(dir, 'e2e-tokens.json'), 'utf8'));
}

/** Someone invited sets their password with the one-time link, as they would in the browser, then signs in. */
export async function acceptInvitation(page: Page, link: string, email: string, password: string) {
  await page.goto(link);
  await page.getByLabel('New password').fill(password);
  await page.getByLabel('Repeat the password').fill(password);
  await page.getByRole('button', { name: 'Save password' }).click();
  await expect(page.getByText('Your password is set.')).toBeVisible();
  await loginAs(page, email, password);
}
