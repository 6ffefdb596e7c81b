import type { Page } from '@playwright/test';
import { expect, test } from './support/app-test';
import { demo, loginAs } from './support/auth';
import { freshJurisdiction, uniqueId } from './support/jurisdictions';
import { fillAndSubmit, openProfile, selectText } from './support/profiles';

/*
 * A focal point names a consultant with @ in a comment, picking the name with
 * the keyboard; the consultant, who reads the app in French, finds the
 * notification in French in the inbox, opens it (it leads to the thread) and
 * it is marked read. The email waits in the outbox in French too.
 */



async function chooseLanguage(page: Page, label: string) {
  await page.goto('/');
  await page.locator('#locale-select').selectOption({ label });
  await expect(page.locator('html')).toHaveAttribute('lang', label === 'Français' ? 'fr' : 'en');
}

const shots = async (page: Page, name: string, options: { fullPage?: boolean } = {}) => {
  await page.screenshot({ path: `test-results/screenshots/${name}-desktop.png`, fullPage: options.fullPage ?? true });
  const { width, height } = page.viewportSize()!;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `test-results/screenshots/${name}-phone.png`, fullPage: options.fullPage ?? true });
  await page.setViewportSize({ width, height });
};

test('a focal point mentions a consultant, who reads it in French and opens it', async ({ browser, baseURL }) => {
  test.slow();
  const { slug } = await freshJurisdiction(browser, 'Mention');
  const consultant = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const focal = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const cp = await consultant.newPage();
  const fp = await focal.newPage();
  await loginAs(cp, demo.consultant);
  await loginAs(fp, demo.focalLima);
  await chooseLanguage(cp, 'Français'); // stored on the person: their emails follow
  const id = await openProfile(cp.request, slug, 'es', baseURL!);
  await fillAndSubmit(cp.request, id, baseURL!, (section, part) => `Una ventanilla única para ${section} ${part}.`);

  // The focal point comments on a passage and names the consultant with the keyboard alone.
  await fp.goto(`/assessments/${id}/sections/partnerships`);
  const text = fp.locator('.rendered-part').first();
  await selectText(fp, text, 'ventanilla única');
  await fp.getByRole('button', { name: 'Comment on the selected passage' }).first().click();
  const box = fp.getByRole('textbox', { name: 'Comment', exact: true });
  await expect(box).toBeFocused();
  const note = `Which ordinance ${uniqueId()}?`;
  await box.pressSequentially(`${note} @car`);
  const picker = fp.getByRole('listbox', { name: 'People who can read this profile' });
  await expect(picker).toBeVisible();
  const option = picker.getByRole('option', { name: 'Carlos Consultant' });
  await expect(option).toHaveAttribute('aria-selected', 'true');
  // Only people who may read the profile are offered: the focal point of Sonora is not.
  await expect(picker.getByRole('option', { name: /Sonora/ })).toHaveCount(0);
  await expect(box).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id'))!);
  await shots(fp, 'mention-picker', { fullPage: false });
  await box.press('Enter');
  await expect(picker).toBeHidden();
  await expect(box).toHaveValue(`${note} @Carlos Consultant `);
  await box.pressSequentially('please check.');
  await fp.getByRole('button', { name: 'Post comment' }).click();
  await expect(fp.getByTestId('thread').filter({ hasText: note })).toBeVisible();

  // The consultant sees it in French, unread; opening it leads to the thread and marks it read.
  await cp.goto('/inbox');
  await expect(cp.getByRole('heading', { name: 'Notifications' })).toBeVisible();
  const item = cp.getByTestId('notification').filter({ hasText: note });
  await expect(item).toContainText('Lucía Focal (Lima) vous a mentionné(e) dans un commentaire');
  await expect(item).toHaveClass(/inbox__item--unread/);
  const unread = Number((await cp.getByTestId('unread-count').textContent())!.match(/\d+/)![0]);
  // French puts 0 and 1 in the singular.
  const nonLues = (n: number) => (n < 2 ? `${n} non lue` : `${n} non lues`);
  await expect(cp.getByTestId('unread-count')).toHaveText(nonLues(unread));
  await shots(cp, 'inbox-mention');
  // Someone else opening the consultant's notification finds nothing, and it stays unread.
  const href = (await item.getByRole('link').getAttribute('href'))!;
  expect(href).toMatch(/^\/inbox\/[0-9a-f-]{36}$/);
  await fp.goto(href);
  await expect(fp).toHaveURL(/\/inbox$/);
  await cp.reload();
  await expect(item).toHaveClass(/inbox__item--unread/);
  await item.getByRole('link').click();
  await expect(cp).toHaveURL(new RegExp(`/assessments/${id}/sections/partnerships#thread-`));
  await expect(cp.getByTestId('thread').filter({ hasText: note })).toBeVisible();
  await cp.goto('/inbox');
  await expect(cp.getByTestId('notification').filter({ hasText: note })).not.toHaveClass(/inbox__item--unread/);
  await expect(cp.getByTestId('unread-count')).toHaveText(nonLues(unread - 1));

  // The email waits in the outbox, in French, for the consultant only.
  const admin = await browser.newContext();
  const ap = await admin.newPage();
  await loginAs(ap, demo.admin);
  await ap.goto('/admin/outbox');
  await expect(ap.getByTestId('outbox').getByRole('row').filter({ hasText: demo.consultant }).filter({ hasText: 'Lucía Focal (Lima) vous a mentionné(e) dans un commentaire' }).first()).toBeVisible();

  await chooseLanguage(cp, 'English'); // the demo consultant reads English again for the other specs
  for (const c of [consultant, focal, admin]) await c.close();
});
