import { expect, test } from './support/app-test';
import { demo, loginAs } from './support/auth';
import { createJurisdiction, uniqueId } from './support/jurisdictions';

test('the admin portfolio filters and sorts every jurisdiction; others get a 404', async ({ page }) => {
  await loginAs(page, demo.admin);
  await page.goto('/admin/portfolio');
  const table = page.getByTestId('portfolio');
  // Searched for: other specs' jurisdictions can push a seeded one to a later page.
  await page.getByLabel('Search by name').fill('sonora');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/q=sonora/);
  await expect(table.getByRole('link', { name: 'Sonora' })).toBeVisible();
  await page.getByLabel('Search by name').fill('huaq');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/q=huaq/);
  await expect(table.getByRole('link', { name: 'Cantón Huaquillas' }).first()).toBeVisible();
  await expect(table.getByRole('link', { name: 'Sonora' })).toHaveCount(0);

  // Names of this test's own, so that jurisdictions other specs create do not change the count.
  const id = uniqueId();
  await createJurisdiction(page, { name: `Alta ${id}`, slug: `alta-${id}`, country: 'Chile' });
  await createJurisdiction(page, { name: `Baja ${id}`, slug: `baja-${id}`, country: 'Chile' });
  await createJurisdiction(page, { name: `Centro ${id}`, slug: `centro-${id}`, country: 'Peru' });
  await page.goto('/admin/portfolio');
  await page.getByLabel('Search by name').fill(id);
  await page.getByLabel('Country').selectOption({ label: 'Chile' });
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page.getByTestId('portfolio-total')).toHaveText('2 rows');
  await table.getByRole('link', { name: 'Jurisdiction' }).click(); // toggles to descending
  await expect(table.getByRole('columnheader', { name: /Jurisdiction/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(table.locator('tbody tr').first()).toContainText(`Baja ${id}`);
  await page.screenshot({ path: 'test-results/screenshots/portfolio.png', fullPage: true });

  await loginAs(page, demo.consultant);
  expect((await page.goto('/admin/portfolio'))?.status()).toBe(404);
});
