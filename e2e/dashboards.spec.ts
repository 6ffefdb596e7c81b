import { expect, test } from './support/app-test';
import { demo, DEMO_PASSWORD, loginAs } from './support/auth';
import { freshJurisdiction } from './support/jurisdictions';
import { fillAndSubmit, openProfile } from './support/profiles';
import { shots } from './support/screenshots';

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

test('a consultant follows their profile while it is in review, in a queue of its own', async ({ page, browser, baseURL }) => {
  const { name, slug } = await freshJurisdiction(browser, 'Seguimiento');
  await loginAs(page, demo.consultant);
  const id = await openProfile(page.request, slug, 'es', baseURL!);
  await fillAndSubmit(page.request, id, baseURL!, (section, part) => `Texto de ${section} ${part}.`);
  await page.goto('/');
  const queue = page.getByTestId('queue-underReview');
  await expect(queue.getByRole('heading')).toContainText('In review with the focal point');
  await expect(queue.getByRole('link', { name })).toHaveAttribute('href', `/assessments/${id}`);
  await expect(page.getByTestId('queue-drafts').getByRole('link', { name })).toHaveCount(0);
  await shots(page, 'dashboard-consultant-in-review');
  // On the profile, the consultant is told why the text is closed to them now, not that only consultants may write.
  await queue.getByRole('link', { name }).click();
  await expect(page.getByTestId('read-only-why')).toHaveText('You change the text while the profile is a draft (now: In review); if changes are requested, it comes back to you.');
});
