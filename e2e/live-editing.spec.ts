import type { Browser, Page } from '@playwright/test';
import { expect, test } from './support/app-test';
import { demo, loginAs } from './support/auth';
import { ownJurisdiction } from './support/jurisdictions';
import { editorOf, openProfile } from './support/profiles';

/**
 * Two people in one part at once, on the live-editing engine (Yjs through the
 * app's /collab WebSocket): no conflict panel, every keystroke of both kept,
 * the same text on both screens and in the database, offline included.
 */

let jurisdiction = '';

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  // Two consultants of its own: the demo consultant and the admin, each their own person.
  jurisdiction = await ownJurisdiction(browser, ['Carlos Consultant', 'Amina Admin']);
});

/** The text a person reads in a part: its paragraphs, without the other people's carets (name labels). */
const paragraphs = (page: Page, section: string, part: string) =>
  editorOf(page, section, part).text.evaluate((el) =>
    Array.from(el.querySelectorAll('p'), (p) => {
      const copy = p.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.ProseMirror-yjs-cursor').forEach((c) => c.remove());
      return copy.textContent;
    })
      .join('\n')
      .replace(/[\u00a0]/g, ' ')
      .replace(/\u2060/g, ''),
  );

async function twoPeople(browser: Browser, baseURL: string, section: string) {
  const contexts = [await browser.newContext(), await browser.newContext()];
  const [a, b] = await Promise.all(contexts.map((c) => c.newPage()));
  await loginAs(a, demo.consultant);
  await loginAs(b, demo.admin);
  const id = await openProfile(a.request, jurisdiction, 'es', baseURL);
  await a.goto(`/assessments/${id}/sections/${section}`);
  await b.goto(`/assessments/${id}/sections/${section}`);
  return { contexts, a, b, id };
}

async function storedText(page: Page, id: string, section: string, part: string): Promise<string> {
  const response = await page.request.get(`/api/v1/assessments/${id}`);
  const body = (await response.json()) as { sections: Record<string, Record<string, { doc: { content?: Array<{ content?: Array<{ text?: string }> }> } }>> };
  return (body.sections[section][part].doc.content ?? []).map((p) => (p.content ?? []).map((t) => t.text ?? '').join('')).join('\n');
}

test('two people type in the same paragraph at once: both screens and the database hold both inputs', async ({ browser, baseURL }) => {
  const { contexts, a, b, id } = await twoPeople(browser, baseURL!, 'migrants_rights');
  const partA = editorOf(a, 'migrants_rights', 'strengths');
  const partB = editorOf(b, 'migrants_rights', 'strengths');
  await partA.text.click();
  await a.keyboard.type('Inicio final.');
  await expect.poll(() => paragraphs(b, 'migrants_rights', 'strengths')).toBe('Inicio final.');
  // Both put the caret in the middle of the same sentence and type at the same moment.
  for (const page of [a, b]) {
    await editorOf(page, 'migrants_rights', 'strengths').text.click();
    await page.keyboard.press('End');
    for (let i = 0; i < 'final.'.length; i++) await page.keyboard.press('ArrowLeft');
  }
  await Promise.all([a.keyboard.type('uno dos tres ', { delay: 40 }), b.keyboard.type('UNO DOS TRES ', { delay: 35 })]);
  await expect(partA.status).toHaveText('Saved');
  await expect(partB.status).toHaveText('Saved');
  const seenA = await paragraphs(a, 'migrants_rights', 'strengths');
  await expect.poll(() => paragraphs(b, 'migrants_rights', 'strengths')).toBe(seenA);
  // Every character of both, in the order each typed them.
  for (const typed of ['uno dos tres', 'UNO DOS TRES']) {
    let at = -1;
    for (const ch of typed.replace(/ /g, '')) {
      at = seenA.indexOf(ch, at + 1);
      expect(at, `"${typed}" is in ${JSON.stringify(seenA)} in order`).toBeGreaterThanOrEqual(0);
    }
  }
  expect(seenA.startsWith('Inicio ')).toBe(true);
  expect(seenA.endsWith('final.')).toBe(true);
  expect(seenA.length).toBe('Inicio final.'.length + 'uno dos tres '.length * 2);
  await expect(partA.root.locator('.conflict-panel')).toHaveCount(0);
  // The other person's caret is there, named.
  await expect(partA.root.locator('.ProseMirror-yjs-cursor')).toContainText('Amina Admin');
  await a.screenshot({ path: 'test-results/screenshots/live-editing.png', fullPage: true });
  await a.setViewportSize({ width: 390, height: 844 });
  await a.screenshot({ path: 'test-results/screenshots/live-editing-phone.png', fullPage: true });
  // The database ends with the same text (stored when typing pauses).
  await expect.poll(() => storedText(a, id, 'migrants_rights', 'strengths'), { timeout: 30_000 }).toBe(seenA);
  for (const c of contexts) await c.close();
});

test('one goes offline, both keep typing, it comes back: everything merges', async ({ browser, baseURL }) => {
  const { contexts, a, b, id } = await twoPeople(browser, baseURL!, 'partnerships');
  const partA = editorOf(a, 'partnerships', 'potential');
  const partB = editorOf(b, 'partnerships', 'potential');
  await partA.text.click();
  await a.keyboard.type('Base.');
  await expect.poll(() => paragraphs(b, 'partnerships', 'potential')).toBe('Base.');
  await expect(partA.status).toHaveText('Saved');

  await contexts[0].setOffline(true);
  await expect(partA.status).toContainText('Offline');
  await partA.text.click();
  await a.keyboard.press('End');
  await a.keyboard.type(' Sin red.');
  await partB.text.click();
  await b.keyboard.press('Home');
  await b.keyboard.type('En línea. ');
  await expect(partB.status).toHaveText('Saved');
  // A does not see B's words while offline, and keeps its own.
  await expect.poll(() => paragraphs(a, 'partnerships', 'potential')).toBe('Base. Sin red.');
  await a.screenshot({ path: 'test-results/screenshots/live-editing-offline.png', fullPage: true });

  await contexts[0].setOffline(false);
  await expect(partA.status).toHaveText('Saved', { timeout: 30_000 });
  await expect.poll(() => paragraphs(a, 'partnerships', 'potential'), { timeout: 30_000 }).toBe('En línea. Base. Sin red.');
  await expect.poll(() => paragraphs(b, 'partnerships', 'potential')).toBe('En línea. Base. Sin red.');
  await expect.poll(() => storedText(a, id, 'partnerships', 'potential'), { timeout: 30_000 }).toBe('En línea. Base. Sin red.');
  for (const c of contexts) await c.close();
});
