import type { Page } from '@playwright/test';
import { expect, test } from './support/app-test';
import { demo, loginAs, loginViaApi, sessionCookies } from './support/auth';

const unique = () => Math.random().toString(36).slice(2, 8);

async function invite(page: Page, name: string, email: string): Promise<string> {
  await page.goto('/admin/users');
  const form = page.getByRole('region', { name: 'Invite a user' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Email').fill(email);
  await form.getByRole('button', { name: 'Invite' }).click();
  const link = await page.getByTestId('one-time-link').textContent();
  expect(link).toMatch(/\/set-password\?token=/);
  return link!;
}

async function grant(page: Page, personName: string, jurisdiction: string, role: string) {
  await page.goto('/admin/users');
  await page.getByRole('link', { name: `Manage: ${personName}` }).click();
  // The list page's invitation form has a Jurisdiction field too: choose only once the person's page is there.
  await expect(page.getByRole('heading', { level: 1, name: personName })).toBeVisible();
  await page.getByLabel('Jurisdiction').selectOption({ label: jurisdiction });
  await page.getByLabel('Role', { exact: true }).selectOption({ label: role });
  await page.getByRole('button', { name: 'Give role' }).click();
  await expect(page.getByText('Roles saved.')).toBeVisible();
}

async function setPassword(page: Page, link: string, password: string) {
  await page.goto(link);
  await page.getByLabel('New password').fill(password);
  await page.getByLabel('Repeat the password').fill(password);
  await page.getByRole('button', { name: 'Save password' }).click();
  await expect(page.getByText('Your password is set. You are signed in.')).toBeVisible();
  expect((await page.request.get('/api/v1/me')).status()).toBe(200);
  await page.getByRole('link', { name: 'Continue to your dashboard' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your dashboard' })).toBeVisible();
}

test('an admin sets up a jurisdiction with a consultant and a focal point in the browser', async ({ page, browser }) => {
  test.slow(); // three people and a dozen pages: a busy machine must not fail it
  const id = unique();
  const slug = `villa-${id}`;
  await loginAs(page, demo.admin);

  await page.goto('/admin/jurisdictions');
  const create = page.getByRole('region', { name: 'New jurisdiction' });
  await create.getByLabel('Name').fill(`Villa ${id}`);
  await create.getByLabel('Slug').fill('Not A Slug!');
  await create.getByLabel('Country').selectOption({ label: 'Peru' });
  await create.getByRole('button', { name: 'Create jurisdiction' }).click();
  await expect(create.getByText(/Use 2 to 60 lower-case letters/)).toBeVisible();
  await expect(create.getByLabel('Name')).toHaveValue(`Villa ${id}`); // nothing typed is lost
  await create.getByLabel('Slug').fill(slug);
  await create.getByLabel('Parent jurisdiction').selectOption({ label: 'Perú' });
  await create.getByRole('button', { name: 'Create jurisdiction' }).click();
  await expect(create.getByText(`Villa ${id} was created.`)).toBeVisible();
  await expect(page.getByRole('link', { name: `Villa ${id}`, exact: true })).toBeVisible();

  // The same slug twice is refused with a message on the field.
  await create.getByLabel('Name').fill('Duplicate');
  await create.getByLabel('Slug').fill(slug);
  await create.getByLabel('Country').selectOption({ label: 'Chile' });
  await create.getByRole('button', { name: 'Create jurisdiction' }).click();
  await expect(create.getByText('This slug is already used by another jurisdiction.').first()).toBeVisible();

  const consultantLink = await invite(page, `Consuelo ${id}`, `consuelo.${id}@example.org`);
  const focalLink = await invite(page, `Fabio ${id}`, `fabio.${id}@example.org`);
  await grant(page, `Consuelo ${id}`, `Villa ${id}`, 'Consultant');
  await grant(page, `Fabio ${id}`, `Villa ${id}`, 'Focal point');
  await page.screenshot({ path: 'test-results/screenshots/admin-user.png', fullPage: true });

  const invitee = await browser.newContext();
  const invitePage = await invitee.newPage();
  await invitePage.goto(consultantLink);
  await invitePage.screenshot({ path: 'test-results/screenshots/set-password.png', fullPage: true });
  await setPassword(invitePage, consultantLink, 'a good long passphrase');
  // The link works once.
  await invitePage.goto(consultantLink);
  await expect(invitePage.getByText(/expired or was already used/)).toBeVisible();

  // Setting the password signed them in: their dashboard is there at once.
  await invitePage.goto('/');
  await expect(invitePage.getByTestId('dash-consultant').getByRole('link', { name: `Villa ${id}` })).toBeVisible();
  // And the password works on its own.
  await invitee.clearCookies();
  await invitePage.goto('/login');
  await invitePage.getByLabel('Email').fill(`consuelo.${id}@example.org`);
  await invitePage.getByLabel('Password').fill('a good long passphrase');
  await invitePage.getByRole('button', { name: 'Log in' }).click();
  await expect(invitePage.getByTestId('dash-consultant').getByRole('link', { name: `Villa ${id}` })).toBeVisible();
  await invitee.close();

  const focal = await browser.newContext();
  const focalPage = await focal.newPage();
  await setPassword(focalPage, focalLink, 'another long passphrase');
  await loginViaApi(focalPage.request, `fabio.${id}@example.org`, 'another long passphrase');
  await focalPage.goto('/');
  await expect(focalPage.getByTestId('dash-focal').getByRole('link', { name: `Villa ${id}` })).toBeVisible();
  await focal.close();

  await page.goto('/admin/users');
  await page.screenshot({ path: 'test-results/screenshots/admin-users.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'test-results/screenshots/admin-users-phone.png', fullPage: true });
});

test('a deactivated user is out on their very next request, even with an old cookie', async ({ page, browser }) => {
  const id = unique();
  await loginAs(page, demo.admin);
  const link = await invite(page, `Dora ${id}`, `dora.${id}@example.org`);

  const dora = await browser.newContext();
  const doraPage = await dora.newPage();
  await setPassword(doraPage, link, 'dora has a long password');
  await loginViaApi(doraPage.request, `dora.${id}@example.org`, 'dora has a long password');
  expect((await doraPage.request.get('/api/v1/me')).status()).toBe(200);
  const copied = await sessionCookies(dora);

  await page.goto('/admin/users');
  await page.getByRole('link', { name: `Manage: Dora ${id}` }).click();
  await page.getByRole('button', { name: 'Deactivate' }).click();
  await page.getByRole('dialog', { name: `Deactivate Dora ${id}?` }).getByRole('button', { name: 'Deactivate' }).click();
  await expect(page.getByText('The user is deactivated')).toBeVisible();

  expect((await doraPage.request.get('/api/v1/me')).status()).toBe(401);
  const thief = await browser.newContext();
  await thief.addCookies(copied);
  expect((await thief.request.get('/api/v1/me')).status()).toBe(401);
  // Logging in again does not work either.
  await loginViaApi(thief.request, `dora.${id}@example.org`, 'dora has a long password');
  expect((await thief.request.get('/api/v1/me')).status()).toBe(401);
  await thief.close();
  await dora.close();
});

test('a role change takes effect on the next request', async ({ page, browser }) => {
  const id = unique();
  await loginAs(page, demo.admin);
  const link = await invite(page, `Rita ${id}`, `rita.${id}@example.org`);
  const rita = await browser.newContext();
  const ritaPage = await rita.newPage();
  await setPassword(ritaPage, link, 'rita has a long password');
  await loginViaApi(ritaPage.request, `rita.${id}@example.org`, 'rita has a long password');
  expect((await ritaPage.request.get('/api/v1/jurisdictions/sonora')).status()).toBe(404);

  await grant(page, `Rita ${id}`, 'Sonora', 'Focal point');
  expect((await ritaPage.request.get('/api/v1/jurisdictions/sonora')).status()).toBe(200);

  await page.getByRole('listitem').filter({ hasText: 'Sonora' }).getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByText('Roles saved.').first()).toBeVisible();
  expect((await ritaPage.request.get('/api/v1/jurisdictions/sonora')).status()).toBe(404);
  await rita.close();
});
