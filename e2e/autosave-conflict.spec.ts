import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './support/app-test';
import { demo, loginAs } from './support/auth';
import { ownJurisdiction } from './support/jurisdictions';
import { editorOf, openProfile } from './support/profiles';

/**
 * Saves from outside the editor (the API) on the live-editing engine: a stale
 * base is still a conflict over the wire; an accepted save reaches the open
 * editor and merges with it; text left in the browser (IndexedDB) comes back
 * merged, never doubled and never as a conflict.
 */

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

/** The stored text, once the server has stored what the editor shows (it stores when typing pauses). */
async function storedOnce(request: APIRequestContext, id: string, section: string, part: string, text: string) {
  await expect.poll(async () => textOf((await stored(request, id, section, part)).doc), { timeout: 30_000 }).toBe(text);
  return stored(request, id, section, part);
}

test('an API save on a stale base is refused with who saved; an accepted one reaches the open editor live', async ({ browser, baseURL }) => {
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
  const base = (await storedOnce(amina.request, id, section, part, 'La unidad médica atiende en el Cercado.')).revision;

  // Amina saves meanwhile, through the API: Carlos sees it at once, without a conflict.
  const saved = await amina.request.put(url, { data: { doc: para('La unidad móvil atiende en el Cercado de Lima.'), baseRevision: base }, headers: { origin: baseURL! } });
  expect(saved.status()).toBe(200);
  await expect(editor.text).toHaveText('La unidad móvil atiende en el Cercado de Lima.');
  await expect(editor.root.getByTestId('conflict-panel')).toHaveCount(0);
  // Over the wire, a stale save gets the current text, who saved it and when.
  const stale = await amina.request.put(url, { data: { doc: para('otra cosa'), baseRevision: base }, headers: { origin: baseURL! } });
  expect(stale.status()).toBe(409);
  const conflictBody = await stale.json();
  expect(conflictBody).toMatchObject({ error: { code: 'revision_conflict' }, revision: base + 1, savedBy: { name: 'Amina Admin' } });
  expect(textOf(conflictBody.doc)).toBe('La unidad móvil atiende en el Cercado de Lima.');
  expect(Number.isNaN(Date.parse(conflictBody.savedAt))).toBe(false);

  // Carlos types on, in Amina's text.
  await editor.text.click();
  await carlos.keyboard.press('ControlOrMeta+End');
  await carlos.keyboard.type(' Más.');
  await expect(editor.status).toHaveText('Saved');
  await storedOnce(amina.request, id, section, part, 'La unidad móvil atiende en el Cercado de Lima. Más.');
  await carlos.context().close();
  await amina.context().close();
});

test('text left in the browser comes back merged: never doubled, never a conflict, even after an API save meanwhile', async ({ page, browser, baseURL }) => {
  await loginAs(page, demo.consultant);
  const id = await openProfile(page.request, jurisdiction, 'fr', baseURL!);
  const [section, part] = ['well_being', 'strengths'];
  await page.goto(`/assessments/${id}/sections/${section}`);
  let editor = editorOf(page, section, part);
  await editor.text.click();
  await page.keyboard.type('Première phrase.');
  await expect(editor.status).toHaveText('Saved');
  const first = await storedOnce(page.request, id, section, part, 'Première phrase.');

  // This browser's copy and the server's are one history: reopening shows the text once.
  await page.reload();
  await expect(editor.text).toHaveText('Première phrase.');
  await expect(editor.status).toHaveText('Saved');

  // Typed offline, then the tab is closed: the words stay in this browser.
  await page.context().setOffline(true);
  await expect(editor.status).toContainText('Offline');
  await editor.text.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(' Deuxième.');
  await page.close();
  await page.context().setOffline(false);

  // Someone saves through the API meanwhile.
  const amina = await browser.newContext();
  const aminaPage = await amina.newPage();
  await loginAs(aminaPage, demo.admin);
  const theirs = await aminaPage.request.put(`/api/v1/assessments/${id}/sections/${section}/${part}`, {
    data: { doc: para('Le texte d’Amina.'), baseRevision: first.revision },
    headers: { origin: baseURL! },
  });
  expect(theirs.status()).toBe(200);
  await amina.close();

  // Back on the part: both are there, merged, and the server gets them.
  const again = await page.context().newPage();
  await again.goto(`/assessments/${id}/sections/${section}`);
  editor = editorOf(again, section, part);
  await expect(editor.text).toHaveText('Le texte d’Amina. Deuxième.');
  await expect(editor.status).toHaveText('Saved');
  await expect(editor.root.getByTestId('conflict-panel')).toHaveCount(0);
  await storedOnce(again.request, id, section, part, 'Le texte d’Amina. Deuxième.');
});

test('typed offline and closed at once while IndexedDB is slow to commit: the words are still there', async ({ page, baseURL }) => {
  // IndexedDB commits each change a moment after it is written, and a closing page aborts what it has
  // not committed (the last letters were lost in CI). Here every read-write transaction is kept open
  // for seconds, so the close always comes first: only the copy made on pagehide can keep the words.
  await page.addInitScript(() => {
    const open = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
      const tx = open.apply(this, args);
      if ((window as { slowIndexedDb?: boolean }).slowIndexedDb && args[1] === 'readwrite') {
        const names = args[0];
        const store = tx.objectStore(typeof names === 'string' ? names : [...names][0]);
        const until = Date.now() + 5000;
        const keepOpen = () => {
          if (Date.now() < until) store.count().onsuccess = keepOpen;
        };
        keepOpen();
      }
      return tx;
    } as IDBDatabase['transaction'];
  });
  await loginAs(page, demo.consultant);
  const id = await openProfile(page.request, jurisdiction, 'fr', baseURL!);
  const [section, part] = ['migrants_rights', 'potential'];
  await page.goto(`/assessments/${id}/sections/${section}`);
  let editor = editorOf(page, section, part);
  await editor.text.click();
  await page.keyboard.type('Premier mot.');
  await expect(editor.status).toHaveText('Saved');
  await storedOnce(page.request, id, section, part, 'Premier mot.');

  await page.context().setOffline(true);
  await expect(editor.status).toContainText('Offline');
  await page.evaluate(() => ((window as { slowIndexedDb?: boolean }).slowIndexedDb = true));
  await editor.text.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(' Gardé.');
  await page.close();
  await page.context().setOffline(false);

  const again = await page.context().newPage();
  await again.goto(`/assessments/${id}/sections/${section}`);
  editor = editorOf(again, section, part);
  await expect(editor.text).toHaveText('Premier mot. Gardé.');
  await expect(editor.status).toHaveText('Saved');
  await storedOnce(again.request, id, section, part, 'Premier mot. Gardé.');
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
  await storedOnce(page.request, id, section, part, 'Bell and tab null pasted text');
});
