import type { Page } from '@playwright/test';
import { expect, test } from './support/app-test';
import { demo, loginAs } from './support/auth';
import { uniqueId } from './support/jurisdictions';

const phone = { width: 390, height: 844 };

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screenshots/${name}-desktop.png`, fullPage: true });
  const desktop = page.viewportSize()!;
  await page.setViewportSize(phone);
  await page.screenshot({ path: `test-results/screenshots/${name}-phone.png`, fullPage: true });
  await page.setViewportSize(desktop);
}

test('the slug follows the name until typed, and every choice survives a refused form', async ({ page }) => {
  const id = uniqueId();
  await loginAs(page, demo.admin);
  await page.goto('/admin/jurisdictions');
  const create = page.getByRole('region', { name: 'New jurisdiction' });
  const name = create.getByLabel('Name');
  const slug = create.getByLabel('Slug');

  await name.pressSequentially(`Cantón Río ${id}`);
  await expect(slug).toHaveValue(`rio-${id}`);
  await expect(create.getByText('Proposed from the name')).toBeVisible();

  await create.getByLabel('Level').selectOption({ label: 'State or province' });
  await create.getByLabel('Country').selectOption({ label: 'Chile' });
  await create.getByLabel('Parent jurisdiction').selectOption({ label: 'Perú' });
  // A slug typed by hand stops the proposal, even when the name changes afterwards.
  await slug.fill('Not A Slug!');
  await name.fill(`Cantón Río ${id} Norte`);
  await expect(slug).toHaveValue('Not A Slug!');
  await create.getByRole('button', { name: 'Create jurisdiction' }).click();

  await expect(create.getByText(/Use 2 to 60 lower-case letters/)).toBeVisible();
  await expect(name).toHaveValue(`Cantón Río ${id} Norte`);
  await expect(slug).toHaveValue('Not A Slug!');
  await expect(create.getByLabel('Level')).toHaveValue('state');
  await expect(create.getByLabel('Country')).toHaveValue('CL');
  await expect(create.getByLabel('Parent jurisdiction').locator('option:checked')).toHaveText('Perú');
  await name.fill(`Cantón Río ${id} Sur`);
  await expect(slug).toHaveValue('Not A Slug!'); // still the admin's own
  await shoot(page, 'jurisdiction-form-refused');

  await slug.fill(`rio-${id}`);
  await create.getByRole('button', { name: 'Create jurisdiction' }).click();
  await expect(create.getByText(`Cantón Río ${id} Sur was created.`)).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(`Cantón Río ${id} Sur`) });
  await expect(row).toContainText('Chile');
  // The form starts empty again, and proposes once more.
  await expect(name).toHaveValue('');
  await name.fill(`Otra ${id}`);
  await expect(slug).toHaveValue(`otra-${id}`);
});

test('a country is picked from a list named in the admin language, and stored as its code', async ({ page }) => {
  const id = uniqueId();
  await loginAs(page, demo.admin);
  await page.goto('/admin/jurisdictions');
  const create = page.getByRole('region', { name: 'New jurisdiction' });
  await create.getByLabel('Name').fill(`Sin país ${id}`);
  await create.getByRole('button', { name: 'Create jurisdiction' }).click();
  await expect(create.getByText('Choose the country from the list.')).toBeVisible();
  await expect(create.getByLabel('Country')).toHaveAttribute('aria-invalid', 'true');

  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'fr', url: page.url() }]);
  await page.goto('/admin/jurisdictions');
  const nouvelle = page.getByRole('region', { name: 'Nouvelle juridiction' });
  const country = nouvelle.getByLabel('Pays');
  await expect(country.locator('option', { hasText: 'Pérou' })).toHaveCount(1);
  await expect(country.locator('option', { hasText: 'Allemagne' })).toHaveCount(1);
  await nouvelle.getByLabel('Nom').fill(`Ville ${id}`);
  // Keyboard only: focus the list and type the first letters of the country's French name.
  await country.focus();
  await country.selectOption({ label: 'Allemagne' });
  await nouvelle.getByRole('button', { name: 'Créer la juridiction' }).click();
  await expect(nouvelle.getByText(`Ville ${id} a été créée.`)).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(`Ville ${id}`) })).toContainText('Allemagne');
  await shoot(page, 'jurisdiction-list-fr');

  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'es', url: page.url() }]);
  await page.goto('/admin/jurisdictions');
  await expect(page.getByRole('row', { name: new RegExp(`Ville ${id}`) })).toContainText('Alemania');
});

test('a jurisdiction with a published edition shows its slug read-only, with the reason', async ({ page }) => {
  await loginAs(page, demo.admin);
  await page.goto('/admin/jurisdictions');
  // The e2e world holds an edition of Lima (e2e/support/start-server.ts).
  await page.getByRole('link', { name: 'Edit Lima', exact: true }).click();
  const slug = page.getByLabel('Slug');
  await expect(slug).toHaveAttribute('readonly', '');
  await expect(slug).toHaveAccessibleDescription(/cannot change: this jurisdiction has published editions/);
  await expect(page.getByLabel('Country')).toHaveValue('PE');
  await shoot(page, 'jurisdiction-edit-locked');
  // Its name may still change, and the slug goes along unchanged.
  await page.getByLabel('Name').fill('Lima');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Lima was saved.')).toBeVisible();
});
