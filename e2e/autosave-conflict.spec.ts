import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { demo, loginAs } from './support/auth';
import { ownJurisdiction } from './support/jurisdictions';
import { editorOf, openProfile } from './support/profiles';

/** Conflicts that are real are explained; text that is already ours is never shown as someone else's. */

let jurisdiction = '';

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  // Two people who may write: the demo consultant and the admin (made a consultant here only).
  jurisdiction = await ownJurisdiction(browser, ['Carlos Consultant', 'Amina Admin']);
});

const para = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

async function stored(request: APIRequestContext, id: string, section: string, part: string) {
  const body = await (await request.get(`/api/v1/assessments/${id}`)).json();
  return body.sections[section][part] as { doc: unknown; revision: number };
}

const textOf = (doc: unknown) =>
  ((doc as { content?: Array<{ content?: Array<{ text?: string }> }> }).content ?? []).map((p) => (p.content ?? []).map((t) => t.text).join('')).join('\n');

async function leaveInBrowser(page: Page, key: string, value: unknown) {
  await page.evaluate(([k, v]) => window.localStorage.setItem(k as string, JSON.stringify(v)), [key, value] as const);
}

test('a real conflict names who saved and when, shows the differing words, and lets the person choose', async ({ browser, baseURL }) => {
  const carlos = await (await browser.newContext()).newPage();
  const amina = await (await browser.newContext()).newPage();
  await loginAs(carlos, demo.consultant);
  await loginAs(amina, demo.admin);
  const id = await openProfile(carlos.request, jurisdiction, 'es', baseURL!);
  const [section, part] = ['partnerships', 'potential'];
  const url = `/api/v1/assessments/${id}/sections/${section}/${part}`;

  await carlos.goto(`/assessments/${id}/sections/${section}`);
  const editor = editorOf(carlos, section, part);
  await editor.text.click();
  await carlos.keyboard.type('La unidad médica atiende en el Cercado.');
  await expect(editor.status).toHaveText('Saved');

  // Amina saves meanwhile, through the API.
  const base = (await stored(amina.request, id, section, part)).revision;
  const saved = await amina.request.put(url, { data: { doc: para('La unidad móvil atiende en el Cercado de Lima.'), baseRevision: base }, headers: { origin: baseURL! } });
  expect(saved.status()).toBe(200);
  // Over the wire, a stale save gets the current text, who saved it and when.
  const stale = await amina.request.put(url, { data: { doc: para('otra cosa'), baseRevision: base }, headers: { origin: baseURL! } });
  expect(stale.status()).toBe(409);
  const conflictBody = await stale.json();
  expect(conflictBody).toMatchObject({ error: { code: 'revision_conflict' }, revision: base + 1, savedBy: { name: 'Amina Admin' } });
  expect(textOf(conflictBody.doc)).toBe('La unidad móvil atiende en el Cercado de Lima.');
  expect(Number.isNaN(Date.parse(conflictBody.savedAt))).toBe(false);

  await carlos.keyboard.type(' Más.');
  await expect(editor.status).toHaveText(/Conflict/);
  const panel = editor.root.getByTestId('conflict-panel');
  await expect(panel.getByTestId('conflict-byline')).toContainText('Saved by Amina Admin on');
  await expect(panel.getByTestId('their-version').locator('del')).toContainText(['móvil']);
  await expect(panel.getByTestId('my-version').locator('ins')).toContainText(['médica']);
  await expect(editor.text).toContainText('La unidad médica atiende en el Cercado. Más.');
  await panel.scrollIntoViewIfNeeded();
  await carlos.screenshot({ path: 'test-results/screenshots/conflict-panel.png', fullPage: true });
  await carlos.setViewportSize({ width: 390, height: 844 });
  await panel.scrollIntoViewIfNeeded();
  await carlos.screenshot({ path: 'test-results/screenshots/conflict-panel-phone.png' });

  // Merging by hand: the comparison follows the editor.
  await editor.text.click();
  await carlos.keyboard.press('ControlOrMeta+End');
  await carlos.keyboard.type(' Lima');
  await expect(panel.getByTestId('my-version')).toContainText('Más. Lima');
  await panel.getByRole('button', { name: 'Save my version' }).click();
  await expect(editor.status).toHaveText('Saved');
  expect(textOf((await stored(amina.request, id, section, part)).doc)).toBe('La unidad médica atiende en el Cercado. Más. Lima');
  await carlos.context().close();
  await amina.context().close();
});

test('text left in the browser that the server already has, or that my own saves moved on from, is not a conflict', async ({ page, browser, baseURL }) => {
  await loginAs(page, demo.consultant);
  const id = await openProfile(page.request, jurisdiction, 'fr', baseURL!);
  const [section, part] = ['well_being', 'strengths'];
  const key = `mgi:unsaved:${id}:${section}:${part}`;
  await page.goto(`/assessments/${id}/sections/${section}`);
  const editor = editorOf(page, section, part);
  await editor.text.click();
  await page.keyboard.type('Première phrase.');
  await expect(editor.status).toHaveText('Saved');
  const first = await stored(page.request, id, section, part);

  // A closed tab whose save got through but whose answer never came: same text, older base, keys in the database's order.
  await leaveInBrowser(page, key, { doc: first.doc, baseRevision: first.revision - 1 });
  await page.reload();
  await expect(editor.text).toHaveText('Première phrase.');
  await expect(editor.status).toHaveText('No changes');
  await expect(editor.root.getByTestId('conflict-panel')).toHaveCount(0);
  expect(await page.evaluate((k) => window.localStorage.getItem(k), key)).toBeNull();

  // A closed tab that typed on after its last save went out: the server's revision is that save, so it is ours.
  await leaveInBrowser(page, key, {
    doc: para('Première phrase. Deuxième.'),
    baseRevision: first.revision - 1,
    sent: [{ doc: first.doc, baseRevision: first.revision - 1 }],
  });
  await page.reload();
  await expect(editor.status).toHaveText('Saved');
  await expect(editor.root.getByTestId('conflict-panel')).toHaveCount(0);
  const second = await stored(page.request, id, section, part);
  expect(textOf(second.doc)).toBe('Première phrase. Deuxième.');
  expect(second.revision).toBe(first.revision + 1);

  // Text based on a revision after which someone else saved: that one is a conflict, and the person can take their text.
  const amina = await browser.newContext();
  const aminaPage = await amina.newPage();
  await loginAs(aminaPage, demo.admin);
  const theirs = await aminaPage.request.put(`/api/v1/assessments/${id}/sections/${section}/${part}`, {
    data: { doc: para('Le texte d’Amina.'), baseRevision: second.revision },
    headers: { origin: baseURL! },
  });
  expect(theirs.status()).toBe(200);
  await amina.close();
  await leaveInBrowser(page, key, { doc: para('Autre chose.'), baseRevision: second.revision });
  await page.reload();
  await expect(editor.status).toHaveText(/Conflict/);
  await expect(editor.root.getByTestId('conflict-byline')).toContainText('Saved by Amina Admin on');
  await editor.root.getByRole('button', { name: 'Use their version' }).click();
  await expect(editor.text).toHaveText('Le texte d’Amina.');
  await expect(editor.status).toHaveText('Saved');

  // Text based on an older revision, when only this person saved since (another tab): theirs, sent without a conflict.
  const mine = await page.request.put(`/api/v1/assessments/${id}/sections/${section}/${part}`, {
    data: { doc: para('Depuis un autre onglet.'), baseRevision: second.revision + 1 },
    headers: { origin: baseURL! },
  });
  expect(mine.status()).toBe(200);
  await leaveInBrowser(page, key, { doc: para('Le texte d’Amina. Suite.'), baseRevision: second.revision + 1 });
  await page.reload();
  await expect(editor.status).toHaveText('Saved');
  await expect(editor.root.getByTestId('conflict-panel')).toHaveCount(0);
  expect(textOf((await stored(page.request, id, section, part)).doc)).toBe('Le texte d’Amina. Suite.');
});

test('control characters typed or pasted are removed, and the text saves', async ({ page, baseURL }) => {
  await loginAs(page, demo.consultant);
  const id = await openProfile(page.request, jurisdiction, 'en', baseURL!);
  const [section, part] = ['mobility_crises', 'potential'];
  await page.goto(`/assessments/${id}/sections/${section}`);
  const editor = editorOf(page, section, part);
  await editor.text.click();
  await page.keyboard.insertText('Bell\u0007 and tab\u000b ');
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'null\u0000 pasted\u0001\u001b text');
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(editor.text).toHaveText('Bell and tab null pasted text');
  await expect(editor.status).toHaveText('Saved');
  expect(textOf((await stored(page.request, id, section, part)).doc)).toBe('Bell and tab null pasted text');
});
