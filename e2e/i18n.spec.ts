import { expect, test } from './support/app-test';
import { demo, loginAs } from './support/auth';

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
