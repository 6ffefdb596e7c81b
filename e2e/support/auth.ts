import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, BrowserContext, Page } from '@playwright/test';

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

export async function loginAs(page: Page, email: string, password = DEMO_PASSWORD) {
  await loginViaApi(page.request, email, password);
}

export async function sessionCookies(context: BrowserContext) {
  return (await context.cookies()).filter((c) => c.name.includes('next-auth.session-token'));
}

export function apiTokens(): { admin: string; focalSonora: string; focalLima: string } {
  return JSON.parse(fs.readFileSync(path.resolve(process.env.E2E_DATA_DIR ?? '.data/e2e', 'e2e-tokens.json'), 'utf8'));
}
