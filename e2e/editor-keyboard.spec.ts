import type { Page } from '@playwright/test';
import { expect, test } from './support/app-test';
import { demo, loginAs } from './support/auth';
import { freshJurisdiction } from './support/jurisdictions';
import { editorOf, fillAndSubmit, openProfile } from './support/profiles';

const phone = { width: 390, height: 844 };

async function draft(page: Page, browser: Parameters<typeof freshJurisdiction>[0], baseURL: string) {
  const { slug } = await freshJurisdiction(browser, 'Keys');
  await loginAs(page, demo.consultant);
  const id = await openProfile(page.request, slug, 'en', baseURL);
  return id;
}

test('a link is added, refused when it could not be opened, and removed, in the app dialog, with the keyboard only', async ({ page, browser, baseURL }) => {
  const id = await draft(page, browser, baseURL!);
  await page.goto(`/assessments/${id}/sections/migrants_rights`);
  const part = editorOf(page, 'migrants_rights', 'strengths');
  await part.text.click();
  await page.keyboard.type('See the portal');
  for (let i = 0; i < 'portal'.length; i++) await page.keyboard.press('Shift+ArrowLeft');

  await page.keyboard.press('ControlOrMeta+k');
  const dialog = page.getByRole('dialog', { name: 'Link' });
  await expect(dialog).toBeVisible();
  const address = dialog.getByLabel('Link address');
  await expect(address).toBeFocused();
  await page.keyboard.type('javascript:alert(1)');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('This is not an address a reader can open');
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  await expect(part.text.locator('a')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/link-dialog-refused-desktop.png' });
  await page.setViewportSize(phone);
  await page.screenshot({ path: 'test-results/screenshots/link-dialog-refused-phone.png' });
  await page.setViewportSize({ width: 1280, height: 720 });

  await address.fill('www.iom.int/mgi');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(part.text).toBeFocused();
  await expect(part.text.locator('a[href="https://www.iom.int/mgi"]')).toHaveText('portal');
  await expect(part.status).toHaveText('Saved');

  // Escape closes without a change; the toolbar's button opens the same dialog. The caret goes inside the link first.
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ControlOrMeta+k');
  await expect(address).toHaveValue('https://www.iom.int/mgi');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(part.text).toBeFocused();
  await expect(part.text.locator('a')).toHaveCount(1);

  await page.keyboard.press('Escape'); // to the toolbar
  const toolbar = part.root.getByRole('toolbar', { name: 'Formatting' });
  await page.keyboard.press('End');
  while (!(await toolbar.getByRole('button', { name: 'Link' }).evaluate((b) => b === document.activeElement))) await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Remove the link' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(part.text.locator('a')).toHaveCount(0);
  await expect(part.text).toHaveText('See the portal');
});

test('Tab and Shift+Tab leave a list as they leave text; Ctrl+] and Ctrl+[ or the toolbar indent', async ({ page, browser, baseURL }) => {
  const id = await draft(page, browser, baseURL!);
  await page.goto(`/assessments/${id}/sections/migrants_rights`);
  const part = editorOf(page, 'migrants_rights', 'strengths');
  const toolbar = part.root.getByRole('toolbar', { name: 'Formatting' });
  // The list buttons show icons only, so their names hold all of their visible text.
  for (const name of ['Bulleted list', 'Numbered list']) await expect(toolbar.getByRole('button', { name })).toHaveText('');

  await part.text.click();
  await page.keyboard.press('ControlOrMeta+Shift+8');
  await page.keyboard.type('One');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Two');
  await page.keyboard.press('ControlOrMeta+]');
  await expect(part.text.locator('ul ul li')).toHaveText('Two');
  await page.keyboard.press('ControlOrMeta+[');
  await expect(part.text.locator('ul ul')).toHaveCount(0);

  await page.keyboard.press('Shift+Tab');
  await expect(part.text).not.toBeFocused();
  await expect(part.text.locator('ul ul')).toHaveCount(0); // leaving did not outdent or indent
  await part.text.click();
  await page.keyboard.press('Tab');
  await expect(part.text).not.toBeFocused();
  await expect(part.text.locator('ul ul')).toHaveCount(0);

  // The toolbar's Indent button, reached with the keyboard.
  await part.text.click();
  await page.keyboard.press('End');
  await page.keyboard.press('Escape');
  while (!(await toolbar.getByRole('button', { name: 'Indent list item' }).evaluate((b) => b === document.activeElement))) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(part.text.locator('ul ul li')).toHaveText('Two');
  await expect(part.status).toHaveText('Saved');
  await page.screenshot({ path: 'test-results/screenshots/editor-indent-desktop.png' });
  await page.setViewportSize(phone);
  await page.screenshot({ path: 'test-results/screenshots/editor-indent-phone.png', fullPage: true });
});

test('the title saves itself when the writer pauses, says so, and refuses to be emptied', async ({ page, browser, baseURL }) => {
  const id = await draft(page, browser, baseURL!);
  await page.goto(`/assessments/${id}`);
  const title = page.getByLabel('Title', { exact: true });
  const status = page.getByTestId('title-status');
  await title.fill('');
  await expect(page.getByText('A profile needs a title')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save title' })).toBeDisabled();
  await title.pressSequentially('Migration Governance Profile: Keys');
  await expect(status).toHaveText('Saved');
  await page.screenshot({ path: 'test-results/screenshots/title-saved-desktop.png' });
  await page.setViewportSize(phone);
  await page.screenshot({ path: 'test-results/screenshots/title-saved-phone.png' });
  await page.reload();
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Migration Governance Profile: Keys');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Migration Governance Profile: Keys');
});

test('a refused submission keeps the note that was typed', async ({ page, browser, baseURL }) => {
  const id = await draft(page, browser, baseURL!);
  await page.goto(`/assessments/${id}`);
  const note = page.getByLabel('Note', { exact: true });
  await note.fill('First round: the rights part still needs sources.');
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.getByText('These parts are still empty')).toBeVisible();
  await expect(note).toHaveValue('First round: the rights part still needs sources.');
});



test('a reviewer selects a passage and comments on it with the keyboard alone; the text cannot be changed', async ({ page, browser, baseURL }) => {
  const id = await draft(page, browser, baseURL!);
  await fillAndSubmit(page.request, id, baseURL!, (section, part) => `The ${section} ${part} text.`);
  await loginAs(page, demo.focalLima);
  await page.goto(`/assessments/${id}/sections/migrants_rights`);
  const strengths = page.locator('section[aria-labelledby="part-strengths"]');
  const text = strengths.getByRole('document', { name: 'Text to comment on (read-only)' });
  await strengths.getByRole('button', { name: 'Comment on the selected passage' }).focus();
  await page.keyboard.press('Tab');
  await expect(text).toBeFocused();
  await page.keyboard.type('x');
  await page.keyboard.press('Backspace');
  await expect(text).toHaveText('The migrants_rights strengths text.');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < ' text'.length; i++) await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < 'strengths'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('ControlOrMeta+Alt+m');
  const composer = page.getByRole('form', { name: 'Your comment on this passage' });
  await expect(composer.locator('blockquote')).toHaveText('strengths');
  await expect(composer.getByLabel('Comment')).toBeFocused();
  // Escape closes it and puts the reader back in the text, the passage still selected, not at the top of the page.
  await page.keyboard.type('Not yet');
  await page.keyboard.press('Escape');
  await expect(composer).toHaveCount(0);
  await expect(text).toBeFocused();
  expect(await page.evaluate(() => document.getSelection()?.toString())).toBe('strengths');
  await page.keyboard.press('ControlOrMeta+Alt+m');
  await expect(composer.getByLabel('Comment')).toBeFocused();
  await page.keyboard.type('Which strengths? Name them.');
  await composer.getByRole('button', { name: 'Post comment' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('comment-panel').getByTestId('thread')).toContainText('Which strengths? Name them.');
  await expect(strengths.locator('.rendered-part [data-thread-id]')).toHaveText('strengths');
  await page.screenshot({ path: 'test-results/screenshots/keyboard-comment-desktop.png', fullPage: true });
  await page.setViewportSize(phone);
  await page.screenshot({ path: 'test-results/screenshots/keyboard-comment-phone.png', fullPage: true });
});
