import { expect, test } from './support/app-test';
import { demo, loginAs, loginViaApi } from './support/auth';
import { reviewRoundPeople, uniqueId } from './support/jurisdictions';

test('the interface switches to French and stays French', async ({ page }) => {
  await page.goto('/login');
  await page.screenshot({ path: 'test-results/screenshots/login.png', fullPage: true });
  await page.getByLabel('Language').selectOption('fr');
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/login-fr.png', fullPage: true });

  await loginAs(page, demo.admin);
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { name: 'Utilisateurs' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Inviter' })).toBeVisible();
});

test('a first visit follows Accept-Language', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'es-MX', extraHTTPHeaders: { 'accept-language': 'es-MX,es;q=0.9' } });
  const page = await context.newPage();
  await page.goto('/login');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('heading', { name: 'Iniciar sesión' })).toBeVisible();
  await context.close();
});

test('a page with translated forms sends their messages, not the whole catalog', async ({ page, baseURL }) => {
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'fr', url: baseURL! }]);
  const response = await page.goto('/login');
  const html = await response!.text();
  // The login form's own messages come with the page (its client component reads them there)…
  await expect(page.getByRole('button', { name: 'Se connecter' })).toBeVisible();
  // …and the messages of emails and public pages, which no script of the page reads, do not.
  expect(html).not.toContain('Pour l’ouvrir dans MGI Studio');
  expect(html).not.toContain('Tous les profils IGM publiés');
});

test('a person invited in Spanish finds the interface in Spanish on any new browser once signed in; a choice made in the browser stands', async ({ browser, baseURL }) => {
  const { slug, fp } = await reviewRoundPeople(browser, 'Idioma');
  const email = `rosa.${uniqueId()}@interior.example.org`;
  const invited = await fp.request.post(`/api/v1/jurisdictions/${slug}/reviewers`, {
    data: { email, name: 'Rosa Interior', organisation: 'Ministerio', language: 'es' },
    headers: { origin: baseURL! },
  });
  expect(invited.status()).toBe(201);
  const english = { locale: 'en-US', extraHTTPHeaders: { 'accept-language': 'en-US,en;q=0.9' } };

  // Her link, opened in an English browser: the page is in the language she was invited in, and so is what follows.
  const link = (await invited.json()).link as string;
  expect(link).toContain('&lang=es');
  const first = await (await browser.newContext(english)).newPage();
  await first.goto(link);
  await expect(first.locator('html')).toHaveAttribute('lang', 'es');
  await first.getByLabel('Nueva contraseña').fill('corta');
  await first.getByLabel('Repita la contraseña').fill('corta');
  await first.getByRole('button', { name: 'Guardar contraseña' }).click();
  // A refusal from the form's action speaks Spanish too.
  await expect(first.getByText('La contraseña debe tener al menos 12 caracteres.').first()).toBeVisible();
  await first.getByLabel('Nueva contraseña').fill('una frase de paso larga');
  await first.getByLabel('Repita la contraseña').fill('una frase de paso larga');
  await first.getByRole('button', { name: 'Guardar contraseña' }).click();
  await expect(first.getByText('Su contraseña está guardada.')).toBeVisible();
  await expect(first.locator('html')).toHaveAttribute('lang', 'es');

  // Another English browser, through the login form: Spanish once signed in.
  const second = await (await browser.newContext(english)).newPage();
  await second.goto('/login');
  await second.getByLabel('Email').fill(email);
  await second.getByLabel('Password').fill('una frase de paso larga');
  await second.getByRole('button', { name: 'Log in' }).click();
  await expect(second.locator('html')).toHaveAttribute('lang', 'es');

  // Through next-auth's endpoint too; but a browser where English was chosen keeps English.
  const third = await (await browser.newContext(english)).newPage();
  await loginViaApi(third.request, email, 'una frase de paso larga');
  await third.goto('/');
  await expect(third.locator('html')).toHaveAttribute('lang', 'es');
  const chosen = await browser.newContext(english);
  await chosen.addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: baseURL! }]);
  const fourth = await chosen.newPage();
  await loginAs(fourth, email, 'una frase de paso larga');
  await fourth.goto('/');
  await expect(fourth.locator('html')).toHaveAttribute('lang', 'en');
});

test('without JavaScript, Apply on a public page shows that page in the language chosen', async ({ browser, page: scripted }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US', extraHTTPHeaders: { 'accept-language': 'en-US,en;q=0.9' } });
  const page = await context.newPage();
  await page.goto('/profiles/lima/2022-08');
  await expect(page.getByTestId('edition-label')).toHaveText('2022 August');
  // No Print button that would do nothing without scripts (the browser's own Print remains).
  await expect(page.getByRole('button', { name: 'Print' })).toHaveCount(0);
  await page.getByLabel('Language').selectOption('fr');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/\/profiles\/lima\/2022-08$/);
  await expect(page.getByTestId('edition-label')).toHaveText('2022 Août');
  await expect(page.getByLabel('Langue')).toHaveValue('fr');
  await context.close();
  // With scripts, the button is there and opens the print dialog.
  await scripted.goto('/profiles/lima/2022-08');
  await expect(scripted.getByRole('button', { name: 'Print' })).toBeVisible();
});
