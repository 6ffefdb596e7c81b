import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './support/app-test';
import { demo, loginAs } from './support/auth';
import { freshJurisdiction } from './support/jurisdictions';
import { fillAllParts, fillAndSubmit, openProfile } from './support/profiles';

const domains = ['migrants_rights', 'whole_of_government', 'partnerships', 'well_being', 'mobility_crises', 'safe_orderly_regular'];

async function acceptAndApprove(request: APIRequestContext, id: string, origin: string) {
  for (const d of domains) {
    expect((await request.post(`/api/v1/assessments/${id}/domains/${d}/review`, { data: { decision: 'accept' }, headers: { origin } })).status()).toBe(200);
  }
  expect((await request.post(`/api/v1/assessments/${id}/transitions`, { data: { action: 'approve' }, headers: { origin } })).status()).toBe(200);
}

test('publishing a Spanish profile publishes its approved English translation in the same edition; the public page offers both, with hreflang', async ({ browser, baseURL }) => {
  test.slow();
  const origin = baseURL!;
  const { slug } = await freshJurisdiction(browser, 'Bilingue');
  const consultant = await (await browser.newContext()).newPage();
  const focal = await (await browser.newContext()).newPage();
  const admin = await (await browser.newContext()).newPage();
  await loginAs(consultant, demo.consultant);
  await loginAs(focal, demo.focalLima);
  await loginAs(admin, demo.admin);

  const sourceId = await openProfile(consultant.request, slug, 'es', origin);
  await fillAllParts(consultant.request, sourceId, origin, (s, p) => `Texto en español de ${s} ${p}.`);
  const started = await consultant.request.post(`/api/v1/assessments/${sourceId}/translations`, { data: { language: 'en' }, headers: { origin } });
  expect(started.status()).toBe(201);
  const translationId = (await started.json()).id as string;
  await fillAndSubmit(consultant.request, translationId, origin, (s, p) => `English text of ${s} ${p}.`);
  expect((await consultant.request.post(`/api/v1/assessments/${sourceId}/transitions`, { data: { action: 'submit' }, headers: { origin } })).status()).toBe(200);
  await acceptAndApprove(focal.request, sourceId, origin);
  await acceptAndApprove(focal.request, translationId, origin);

  // Published from its page: the confirmation names the translations that went out with it.
  await admin.goto(`/assessments/${sourceId}/publish`);
  await admin.getByRole('button', { name: /^Publish the .* edition$/ }).click();
  await expect(admin.getByTestId('published-as')).toContainText('Its translations went out with it: English.');
  expect((await (await admin.request.get(`/api/v1/assessments/${translationId}`)).json()).state).toBe('published');

  // The editions API lists both languages of the one edition.
  const list = (await (await admin.request.get(`/api/v1/editions?jurisdiction=${slug}`)).json()).editions as Array<{ language: string; edition: string; languages: string[] }>;
  expect(list.map((e) => e.language).sort()).toEqual(['en', 'es']);
  expect(new Set(list.map((e) => e.edition)).size).toBe(1);
  for (const e of list) expect(e.languages).toEqual(['en', 'es']);
  const month = list[0].edition;

  // The public page in Spanish offers the English, and hreflang joins the two.
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/profiles/${slug}/${month}?lang=es`);
  await expect(reader.getByRole('heading', { level: 1 })).toContainText('Perfil');
  const alsoIn = reader.getByTestId('also-in');
  await expect(alsoIn.getByRole('link', { name: 'English' })).toHaveAttribute('hreflang', 'en');
  const hreflang = async (l: string) => reader.locator(`head link[rel="alternate"][hreflang="${l}"]`).getAttribute('href');
  expect(await hreflang('en')).toMatch(new RegExp(`/profiles/${slug}/${month}\\?lang=en$`));
  expect(await hreflang('es')).toMatch(new RegExp(`/profiles/${slug}/${month}\\?lang=es$`));
  await reader.screenshot({ path: 'test-results/screenshots/edition-also-in-desktop.png', fullPage: false });
  await alsoIn.getByRole('link', { name: 'English' }).click();
  await expect(reader).toHaveURL(new RegExp(`/profiles/${slug}/${month}\\?lang=en$`));
  await expect(reader.getByText(`English text of migrants_rights strengths.`)).toBeVisible();
  await expect(reader.getByTestId('also-in').getByRole('link', { name: 'Español' })).toHaveAttribute('hreflang', 'es');
  await reader.setViewportSize({ width: 390, height: 844 });
  await reader.screenshot({ path: 'test-results/screenshots/edition-also-in-phone.png', fullPage: false });
});
