import { expect, type Browser } from '@playwright/test';
import { demo, loginAs } from './auth';

/**
 * A jurisdiction of the calling test file's own, made through the admin
 * pages, with the given demo people as its consultants: no other file writes
 * there. Returns its slug.
 */
export async function ownJurisdiction(browser: Browser, consultants: readonly string[]): Promise<string> {
  const suffix = Math.random().toString(36).slice(2, 8);
  const slug = `own-${suffix}`;
  const name = `Own ${suffix}`;
  const context = await browser.newContext();
  const page = await context.newPage();
  await loginAs(page, demo.admin);
  await page.goto('/admin/jurisdictions');
  const create = page.getByRole('region', { name: 'New jurisdiction' });
  await create.getByLabel('Name').fill(name);
  await create.getByLabel('Slug').fill(slug);
  await create.getByLabel('Country').fill('Perú');
  await create.getByRole('button', { name: 'Create jurisdiction' }).click();
  await expect(create.getByText(`${name} was created.`)).toBeVisible();
  for (const person of consultants) {
    await page.goto('/admin/users');
    await page.getByRole('link', { name: `Manage: ${person}` }).click();
    await page.getByLabel('Jurisdiction').selectOption({ label: name });
    await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Consultant' });
    await page.getByRole('button', { name: 'Give role' }).click();
    await expect(page.getByText('Roles saved.')).toBeVisible();
  }
  await context.close();
  return slug;
}
