import type { Page } from '@playwright/test';
import { expect, test } from './support/app-test';
import { demo, loginAs } from './support/auth';
import { createJurisdiction, uniqueId } from './support/jurisdictions';

const phone = { width: 390, height: 844 };

async function noSideScroll(page: Page) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: window.innerWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.view);
}

test('an invitation gives roles on jurisdictions in the same form, and a refused one keeps them', async ({ page }) => {
  const id = uniqueId();
  await loginAs(page, demo.admin);
  await createJurisdiction(page, { name: `Alpha ${id}`, slug: `alpha-${id}`, country: 'Peru' });
  await createJurisdiction(page, { name: `Beta ${id}`, slug: `beta-${id}`, country: 'Peru' });
  await page.goto('/admin/users');
  const form = page.getByRole('region', { name: 'Invite a user' });
  await form.getByLabel('Name').fill(`Irene ${id}`);
  await form.getByLabel('Email').fill(`not-an-email-${id}`);
  const first = form.getByRole('group', { name: 'Role 1' });
  await first.getByLabel('Jurisdiction').selectOption({ label: `Alpha ${id}` });
  await first.getByLabel('Role', { exact: true }).selectOption({ label: 'Consultant' });
  // Keyboard only: the add button, then the new row's fields.
  await form.getByRole('button', { name: 'Add another role' }).focus();
  await page.keyboard.press('Enter');
  const second = form.getByRole('group', { name: 'Role 2' });
  await expect(second.getByLabel('Jurisdiction')).toBeVisible();
  await second.getByLabel('Jurisdiction').selectOption({ label: `Beta ${id}` });
  await second.getByLabel('Role', { exact: true }).selectOption({ label: 'Focal point' });
  await form.getByRole('button', { name: 'Invite' }).click();

  await expect(form.getByText('Enter an email address')).toBeVisible();
  await expect(form.getByRole('group', { name: 'Role 2' }).getByLabel('Role', { exact: true })).toHaveValue('focal_point');
  await expect(form.getByRole('group', { name: 'Role 1' }).getByLabel('Jurisdiction').locator('option:checked')).toHaveText(`Alpha ${id}`);
  await form.getByLabel('Email').fill(`irene.${id}@example.org`);
  await form.getByRole('button', { name: 'Invite' }).click();
  await expect(page.getByTestId('one-time-link')).toBeVisible();

  const row = page.getByRole('row', { name: new RegExp(`Irene ${id}`) });
  await expect(row).toContainText(`Consultant · Alpha ${id}`);
  await expect(row).toContainText(`Focal point · Beta ${id}`);
  await page.screenshot({ path: 'test-results/screenshots/admin-invite-roles-desktop.png', fullPage: true });
  await page.setViewportSize(phone);
  await noSideScroll(page);
  await page.screenshot({ path: 'test-results/screenshots/admin-users-phone.png', fullPage: true });
});

test('making someone an administrator asks first, in a dialog that Escape closes', async ({ page }) => {
  const id = uniqueId();
  await loginAs(page, demo.admin);
  await page.goto('/admin/users');
  const form = page.getByRole('region', { name: 'Invite a user' });
  await form.getByLabel('Name').fill(`Ada ${id}`);
  await form.getByLabel('Email').fill(`ada.${id}@example.org`);
  await form.getByRole('button', { name: 'Invite' }).click();
  await expect(page.getByTestId('one-time-link')).toBeVisible();
  await page.getByRole('link', { name: `Manage: Ada ${id}` }).click();

  const make = page.getByRole('button', { name: 'Make administrator' });
  await make.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Make Ada ${id} an administrator?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  // Focus stays in the dialog: Tab goes from Cancel to the confirming button, and on within it.
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Make administrator' })).toBeFocused();
  await page.screenshot({ path: 'test-results/screenshots/admin-make-admin-dialog-desktop.png' });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(make).toBeFocused();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Make administrator' })).toBeVisible(); // nothing changed

  await page.setViewportSize(phone);
  await page.getByRole('button', { name: 'Make administrator' }).click();
  await expect(dialog).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/admin-make-admin-dialog-phone.png' });
  await dialog.getByRole('button', { name: 'Make administrator' }).click();
  await expect(page.getByRole('button', { name: 'Remove administrator role' })).toBeVisible();
  await noSideScroll(page);
});
