import { expect, test } from './support/app-test';
import { demo, loginAs } from './support/auth';

/*
 * The phone header folds its navigation behind a Menu (components/layout/header-menu.tsx):
 * a <details>/<summary>, so it works with scripts off; with scripts on it also
 * closes on Escape, on a tap outside it and when a link is followed.
 */

const phone = { width: 390, height: 844 };

test('on a phone without JavaScript the menu opens and closes by touch and keyboard, and what is in it works, logging out too', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: phone });
  const page = await context.newPage();
  await loginAs(page, demo.consultant);
  await page.goto('/');
  const header = page.locator('header.site-header');
  const menu = header.locator('summary', { hasText: 'Menu' });
  const inbox = header.getByRole('link', { name: 'Inbox' });
  await expect(menu).toBeVisible();
  await expect(inbox).toBeHidden();

  await menu.click();
  await expect(inbox).toBeVisible();
  await expect(header.getByRole('button', { name: 'Log out' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/phone-menu-without-script.png' });
  await menu.click();
  await expect(inbox).toBeHidden();

  // By keyboard: the summary takes focus, Enter opens it, Tab goes on into the menu.
  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(inbox).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(header.getByRole('link', { name: 'Dashboard' })).toBeFocused();

  // A link in it leads on; the new page starts with the menu closed.
  await inbox.click();
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  await expect(header.getByRole('link', { name: 'Inbox' })).toBeHidden();

  // The language switcher inside it submits with its Apply button.
  await menu.click();
  await header.getByLabel('Language').selectOption('fr');
  await header.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  await expect(header.locator('summary')).toHaveText('Menu');
  // Back to English: the choice is stored on the demo consultant, whom other specs log in as.
  await header.locator('summary').click();
  await header.getByLabel('Langue').selectOption('en');
  await header.getByRole('button', { name: 'Appliquer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();

  // Logging out from it goes through next-auth's own sign-out page, which needs no script either.
  await header.locator('summary').click();
  await header.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect.poll(async () => (await page.request.get('/api/v1/me')).status()).toBe(401);
  await page.goto('/inbox');
  await expect(page).toHaveURL(/\/login/);
  await context.close();
});

test('on a phone with JavaScript the menu closes on Escape, on a tap outside it and on the next page', async ({ browser }) => {
  const context = await browser.newContext({ viewport: phone });
  const page = await context.newPage();
  await loginAs(page, demo.consultant);
  await page.goto('/');
  const header = page.locator('header.site-header');
  const details = header.locator('details.site-menu-toggle');
  const menu = details.locator('summary');
  const inbox = header.getByRole('link', { name: 'Inbox' });

  await menu.click();
  await expect(details).toHaveAttribute('open', '');
  await expect(inbox).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  await expect(details).not.toHaveAttribute('open');
  await expect(menu).toBeFocused();

  await menu.click();
  await expect(inbox).toBeVisible();
  // The open menu covers the top of the page: tap near the bottom of the screen.
  await page.mouse.click(phone.width / 2, phone.height - 20);
  await expect(inbox).toBeHidden();

  await menu.click();
  await inbox.click();
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  await expect(details).not.toHaveAttribute('open');
  await expect(inbox).toBeHidden();
  await context.close();
});
