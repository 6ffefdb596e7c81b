import { expect, test } from './support/app-test';
import { demo, DEMO_PASSWORD, loginAs } from './support/auth';

test.describe('each demo role sees its own dashboard', () => {
  test('the admin logs in through the form and sees the administration', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill(demo.admin);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('heading', { name: 'Your dashboard' })).toBeVisible();
    await expect(page.getByTestId('dashboard-admin')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Manage users' })).toBeVisible();
  });

  test('the consultant sees Huaquillas and Lima to draft', async ({ page }) => {
    await loginAs(page, demo.consultant);
    await page.goto('/');
    const section = page.getByTestId('dash-consultant');
    await expect(section.getByRole('link', { name: 'Cantón Huaquillas' })).toBeVisible();
    await expect(section.getByRole('link', { name: 'Lima' })).toBeVisible();
    await expect(page.getByTestId('dashboard-admin')).toHaveCount(0);
    await expect(page.getByTestId('dash-focal')).toHaveCount(0);
  });

  test('the Lima focal point sees Lima to review', async ({ page }) => {
    await loginAs(page, demo.focalLima);
    await page.goto('/');
    await expect(page.getByTestId('dash-focal').getByRole('link', { name: 'Lima' })).toBeVisible();
    await expect(page.getByTestId('dash-consultant')).toHaveCount(0);
  });

  test('the Sonora focal point sees Sonora only', async ({ page }) => {
    await loginAs(page, demo.focalSonora);
    await page.goto('/');
    const section = page.getByTestId('dash-focal');
    await expect(section.getByRole('link', { name: 'Sonora' })).toBeVisible();
    await expect(section.getByRole('link', { name: 'Lima' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Admin' })).toHaveCount(0);
  });
});
