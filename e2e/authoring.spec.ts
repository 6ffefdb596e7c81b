import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './support/app-test';
import { demo, loginAs } from './support/auth';
import { editorOf, openProfile } from './support/profiles';

/** Types in a part while the browser is offline: the badge says Offline, then Saved once the network is back, and a reload shows the text. */
async function typeOfflineThenBack(page: Page, context: BrowserContext, id: string, [section, part]: [string, string], words: string) {
  await page.goto(`/assessments/${id}/sections/${section}`);
  const editor = editorOf(page, section, part);
  await editor.text.click();
  await context.setOffline(true);
  await page.keyboard.type(words);
  await expect(editor.status).toContainText('Offline');
  await context.setOffline(false);
  await expect(editor.status).toHaveText('Saved', { timeout: 30_000 });
  await page.reload();
  await expect(editorOf(page, section, part).text).toContainText(words);
}

test.describe('drafting a profile', () => {
  test('a consultant starts a profile, types, sees Saved, and finds the text after a reload', async ({ page }) => {
    await loginAs(page, demo.consultant);
    await page.goto('/jurisdictions/huaquillas');
    const start = page.getByRole('region', { name: 'Start a profile' });
    await start.getByLabel('Content language').selectOption('es');
    await start.getByRole('button', { name: 'Start' }).click();
    await expect(page.getByRole('heading', { name: 'Perfil de Gobernanza de la Migración: Cantón Huaquillas (Ecuador)' })).toBeVisible();
    await expect(page.getByTestId('overview-migrants_rights')).toContainText('Empty');
    await page.screenshot({ path: 'test-results/screenshots/profile-overview-empty.png', fullPage: true });

    // A second profile in the same language is refused with a link to the open one.
    await page.goto('/jurisdictions/huaquillas');
    await page.getByRole('region', { name: 'Start a profile' }).getByLabel('Content language').selectOption('es');
    await page.getByRole('region', { name: 'Start a profile' }).getByRole('button', { name: 'Start' }).click();
    await expect(page.getByText('A profile in this language is already open.')).toBeVisible();
    await page.getByRole('link', { name: 'Continue it' }).click();

    await page.getByRole('link', { name: "Migrants' rights" }).click();
    const strengths = editorOf(page, 'migrants_rights', 'strengths');
    await strengths.text.click();
    await page.keyboard.type('Desde 2022 la Dirección de Promoción Social colabora con la Unidad Médica Móvil.');
    await expect(strengths.status).toHaveText('Saved');
    const potential = editorOf(page, 'migrants_rights', 'potential');
    await potential.text.click();
    await page.keyboard.type('Proporcionar servicios legales a las personas migrantes.');
    await expect(potential.status).toHaveText('Saved');
    await page.screenshot({ path: 'test-results/screenshots/editor.png', fullPage: true });

    await page.reload();
    await expect(editorOf(page, 'migrants_rights', 'strengths').text).toContainText('Unidad Médica Móvil');
    await page.getByRole('link', { name: 'Back to the overview' }).click();
    await expect(page.getByTestId('overview-migrants_rights')).toContainText('Complete');
    await expect(page.getByTestId('overview-migrants_rights')).toContainText('Changed by Carlos Consultant');
    await expect(page.getByTestId('progress')).toHaveText('1 of 6 domains complete');
    await page.screenshot({ path: 'test-results/screenshots/profile-overview.png', fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(page.url().replace(/\/?$/, '/sections/partnerships'));
    await expect(page.getByRole('toolbar').first()).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/editor-phone.png', fullPage: true });
  });

  test('text typed offline is kept and saved when the connection returns', async ({ page, context, baseURL }) => {
    await loginAs(page, demo.consultant);
    await typeOfflineThenBack(page, context, await openProfile(page.request, 'lima', 'es', baseURL!), ['partnerships', 'strengths'], 'Escrito sin conexión.');
  });

  test('offline while the socket is slow to close: the badge says Offline at once, and the text is saved when the network is back', async ({ page, context, baseURL }) => {
    // As Chromium may do on a loaded machine: the socket's close reaches the page only seconds after
    // the network went (here 5 s), and meanwhile the socket counts as open.
    await page.addInitScript(() => {
      const wrappers = new WeakMap<object, { wrapper: (event: Event) => void; stop: () => void }>();
      const add = WebSocket.prototype.addEventListener;
      const remove = WebSocket.prototype.removeEventListener;
      WebSocket.prototype.addEventListener = function (this: WebSocket, type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) {
        if (type !== 'close' || typeof listener !== 'function') return add.call(this, type, listener, options);
        let live = true;
        const wrapper = (event: Event) => void setTimeout(() => live && listener.call(this, event), 5_000);
        wrappers.set(listener, { wrapper, stop: () => (live = false) });
        add.call(this, type, wrapper, options);
      } as typeof add;
      WebSocket.prototype.removeEventListener = function (this: WebSocket, type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions) {
        const wrapped = type === 'close' ? wrappers.get(listener) : undefined;
        wrapped?.stop();
        remove.call(this, type, wrapped?.wrapper ?? listener, options);
      } as typeof remove;
    });
    await loginAs(page, demo.consultant);
    await typeOfflineThenBack(page, context, await openProfile(page.request, 'lima', 'fr', baseURL!), ['well_being', 'potential'], 'Écrit pendant la coupure.');
  });

  test('two people on one part: each sees the other typing, and both texts are kept', async ({ browser, baseURL }) => {
    const a = await browser.newContext();
    const b = await browser.newContext();
    const pageA = await a.newPage();
    const pageB = await b.newPage();
    await loginAs(pageA, demo.consultant);
    await loginAs(pageB, demo.consultant);
    const id = await openProfile(pageA.request, 'lima', 'es', baseURL!);
    await pageA.goto(`/assessments/${id}/sections/well_being`);
    await pageB.goto(`/assessments/${id}/sections/well_being`);
    const partA = editorOf(pageA, 'well_being', 'potential');
    const partB = editorOf(pageB, 'well_being', 'potential');

    await partA.text.click();
    await pageA.keyboard.press('ControlOrMeta+End');
    await pageA.keyboard.type('Texto de la persona A.');
    await expect(partA.status).toHaveText('Saved');
    await expect(partB.text).toContainText('Texto de la persona A.');

    await partB.text.click();
    await pageB.keyboard.press('ControlOrMeta+End');
    await pageB.keyboard.type(' Texto de la persona B.');
    await expect(partB.status).toHaveText('Saved');
    await expect(partA.text).toContainText('Texto de la persona A. Texto de la persona B.');
    await expect(partB.root.getByTestId('conflict-panel')).toHaveCount(0);
    await pageB.screenshot({ path: 'test-results/screenshots/editor-two-people.png', fullPage: true });

    await pageA.reload();
    await expect(editorOf(pageA, 'well_being', 'potential').text).toContainText('Texto de la persona A. Texto de la persona B.');
    await a.close();
    await b.close();
  });

  test('a focal point reads but cannot edit, in the page or through the API', async ({ page, browser, baseURL }) => {
    const consultant = await browser.newContext();
    const cp = await consultant.newPage();
    await loginAs(cp, demo.consultant);
    // Lima in English: the French round belongs to workflow.spec.ts, which publishes it.
    const id = await openProfile(cp.request, 'lima', 'en', baseURL!);
    await consultant.close();

    await loginAs(page, demo.focalLima);
    await page.goto(`/assessments/${id}/sections/migrants_rights`);
    await expect(page.getByText('You can read this profile')).toBeVisible();
    await expect(page.getByRole('textbox')).toHaveCount(0);
    const put = await page.request.put(`/api/v1/assessments/${id}/sections/migrants_rights/strengths`, {
      data: { doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }] }, baseRevision: 0 },
      headers: { origin: baseURL! },
    });
    expect(put.status()).toBe(403);

    await loginAs(page, demo.focalSonora);
    expect((await page.goto(`/assessments/${id}`))?.status()).toBe(404);
    expect((await page.request.get(`/api/v1/assessments/${id}`)).status()).toBe(404);
  });

  test('keyboard only: a bulleted list, bold, and the toolbar', async ({ page, baseURL }) => {
    await loginAs(page, demo.consultant);
    const id = await openProfile(page.request, 'huaquillas', 'fr', baseURL!);
    await page.goto(`/assessments/${id}/sections/mobility_crises`);
    const part = editorOf(page, 'mobility_crises', 'strengths');
    await part.text.focus();
    await page.keyboard.press('ControlOrMeta+Shift+8');
    await page.keyboard.type('Premier point');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ControlOrMeta+b');
    await page.keyboard.type('Deuxième point');
    await expect(part.text.locator('ul > li')).toHaveCount(2);
    await expect(part.text.locator('ul > li strong')).toHaveText('Deuxième point');
    await expect(part.status).toHaveText('Saved');

    // Escape leads to the toolbar (Tab indents in lists): arrows move, Enter presses.
    await page.keyboard.press('Escape');
    const toolbar = part.root.getByRole('toolbar', { name: 'Formatting' });
    await expect(toolbar.getByRole('button', { name: 'Bold' })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(toolbar.getByRole('button', { name: 'Italic' })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(toolbar.getByRole('button', { name: 'Numbered list' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(part.text.locator('ol > li')).toHaveCount(2); // the whole list turns numbered
    await expect(part.text.locator('ul')).toHaveCount(0);
    await expect(toolbar.getByRole('button', { name: 'Numbered list' })).toHaveAttribute('aria-pressed', 'true');
  });
});

test('history compares two revisions word by word and restores an old one as a new revision', async ({ page, baseURL }) => {
  await loginAs(page, demo.consultant);
  const id = await openProfile(page.request, 'lima', 'en', baseURL!);
  await page.goto(`/assessments/${id}/sections/safe_orderly_regular`);
  const part = editorOf(page, 'safe_orderly_regular', 'potential');
  await part.text.click();
  await page.keyboard.type('Train the local police every year.');
  await expect(part.status).toHaveText('Saved');
  // A revision is recorded when typing pauses: this one is stored before the next edit.
  const storedText = async () => {
    const body = await (await page.request.get(`/api/v1/assessments/${id}`)).json();
    return JSON.stringify(body.sections.safe_orderly_regular.potential.doc);
  };
  await expect.poll(storedText, { timeout: 30_000 }).toContain('every year.');
  await page.keyboard.press('End');
  for (let i = 0; i < 'every year.'.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('twice a year.');
  await expect(part.status).toHaveText('Saved');
  await expect.poll(storedText, { timeout: 30_000 }).toContain('twice a year.');

  await part.root.getByRole('link', { name: 'History' }).click();
  await expect(page.getByRole('heading', { name: /History of/ })).toBeVisible();
  const diff = page.getByTestId('diff');
  await expect(diff.locator('ins').first()).toContainText('twice');
  await expect(diff.locator('del').first()).toContainText('every');
  await page.screenshot({ path: 'test-results/screenshots/history.png', fullPage: true });

  const first = page.getByRole('listitem').filter({ hasText: /^Revision 1\b/ });
  await first.getByRole('button', { name: 'Restore this revision' }).click();
  await expect(page.getByText(/Revision 1 was restored as a new revision/)).toBeVisible();
  await page.reload();
  await expect(page.getByRole('listitem').filter({ hasText: 'restored from revision 1' })).toBeVisible();
  await page.goto(`/assessments/${id}/sections/safe_orderly_regular`);
  await expect(editorOf(page, 'safe_orderly_regular', 'potential').text).toHaveText('Train the local police every year.');
});
