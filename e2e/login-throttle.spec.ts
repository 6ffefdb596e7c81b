import { expect, test } from './support/app-test';
import { demo, loginAs } from './support/auth';

test('after 10 failures from one address, that address waits for the account, even with the right password', async ({ page, browser }) => {
  const id = Math.random().toString(36).slice(2, 8);
  const email = `tess.${id}@example.org`;
  const password = 'tess has a long password';
  await loginAs(page, demo.admin);
  await page.goto('/admin/users');
  const form = page.getByRole('region', { name: 'Invite a user' });
  await form.getByLabel('Name').fill(`Tess ${id}`);
  await form.getByLabel('Email').fill(email);
  await form.getByRole('button', { name: 'Invite' }).click();
  const link = (await page.getByTestId('one-time-link').textContent())!;

  const tess = await browser.newContext();
  const tp = await tess.newPage();
  await tp.goto(link);
  await tp.getByLabel('New password').fill(password);
  await tp.getByLabel('Repeat the password').fill(password);
  await tp.getByRole('button', { name: 'Save password' }).click();
  await expect(tp.getByText('Your password is set.')).toBeVisible();
  await tess.clearCookies(); // setting the password signed Tess in; here she logs in from scratch

  await tp.goto('/login');
  for (let i = 0; i < 10; i++) {
    await tp.getByLabel('Email').fill(email);
    await tp.getByLabel('Password').fill(`wrong password ${i}`);
    await tp.getByRole('button', { name: 'Log in' }).click();
    await expect(tp.locator('.notice--error')).toHaveText('The email or password is not right.');
  }
  await tp.getByLabel('Email').fill(email);
  await tp.getByLabel('Password').fill(password);
  await tp.getByRole('button', { name: 'Log in' }).click();
  await expect(tp.locator('.notice--error')).toContainText('Too many failed attempts');
  expect((await tp.request.get('/api/v1/me')).status()).toBe(401);

  // An unknown email gets the same answer as a wrong password.
  await tp.getByLabel('Email').fill(`nobody.${id}@example.org`);
  await tp.getByLabel('Password').fill('whatever password');
  await tp.getByRole('button', { name: 'Log in' }).click();
  await expect(tp.locator('.notice--error')).toHaveText('The email or password is not right.');
  await tess.close();
});
