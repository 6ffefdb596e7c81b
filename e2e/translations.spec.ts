import type { Page } from '@playwright/test';
import { expect, test } from './support/app-test';
import { demo, loginAs } from './support/auth';
import { freshJurisdiction } from './support/jurisdictions';
import { editorOf, fillAllParts, openProfile } from './support/profiles';

const desktop = { width: 1280, height: 900 };
const phone = { width: 390, height: 844 };

async function shoot(page: Page, name: string) {
  await page.setViewportSize(desktop);
  await page.screenshot({ path: `test-results/screenshots/${name}-desktop.png`, fullPage: true });
  await page.setViewportSize(phone);
  await page.screenshot({ path: `test-results/screenshots/${name}-phone.png`, fullPage: true });
  await page.setViewportSize(desktop);
}

test('an English translation of a Spanish draft: written beside its source, flagged when the source changes, marked up to date, submitted', async ({ browser, page, baseURL }) => {
  test.slow(); // a jurisdiction of its own, a profile filled over the API and several pages on a busy machine
  const origin = baseURL!;
  const { slug } = await freshJurisdiction(browser, 'Traduccion');
  await page.setViewportSize(desktop);
  await loginAs(page, demo.consultant);
  const sourceId = await openProfile(page.request, slug, 'es', origin);
  await fillAllParts(page.request, sourceId, origin, (section, part) => `Texto original de ${section} ${part}.`);

  // From the Spanish profile's page, start the English translation.
  await page.goto(`/assessments/${sourceId}`);
  const start = page.getByTestId('start-translation');
  await start.getByLabel('Into').selectOption('en');
  await start.getByRole('button', { name: 'Start translation' }).click();
  await expect(page.getByTestId('translation-of')).toContainText('Translation of');
  const translationId = page.url().split('/assessments/')[1];
  expect(translationId).not.toBe(sourceId);
  await expect(page.getByTestId('stale-total')).toHaveText('Every part is up to date with the source.');
  // Its parts start as copies of the Spanish: the page says none is translated yet.
  await expect(page.getByTestId('untranslated-total')).toHaveText('13 parts still read word for word as the source: not translated yet.');

  // A second English translation is refused with the open one's id.
  const again = await page.request.post(`/api/v1/assessments/${sourceId}/translations`, { data: { language: 'en' }, headers: { origin } });
  expect(again.status()).toBe(409);
  expect((await again.json()).id).toBe(translationId);

  // Translate two parts over the copied Spanish text, with the source beside them.
  await page.goto(`/assessments/${translationId}/sections/migrants_rights`);
  await expect(page.getByTestId('source-migrants_rights-strengths')).toContainText('Texto original de migrants_rights strengths.');
  for (const [part, text] of [
    ['strengths', 'Original text of the strengths.'],
    ['potential', 'Original text of the potential.'],
  ] as const) {
    const editor = editorOf(page, 'migrants_rights', part);
    await expect(editor.text).toContainText('Texto original');
    await editor.text.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(text);
    await expect(editor.status).toHaveText('Saved');
  }

  // The Spanish strengths change (as another editor would save them).
  const source = await (await page.request.get(`/api/v1/assessments/${sourceId}`)).json();
  const changed = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Texto revisado de migrants_rights strengths con un plan nuevo.' }] }] };
  const saved = await page.request.put(`/api/v1/assessments/${sourceId}/sections/migrants_rights/strengths`, {
    data: { doc: changed, baseRevision: source.sections.migrants_rights.strengths.revision },
    headers: { origin },
  });
  expect(saved.status()).toBe(200);

  // The API says which part is stale.
  const translation = await (await page.request.get(`/api/v1/assessments/${translationId}`)).json();
  expect(translation.sourceId).toBe(sourceId);
  expect(translation.sections.migrants_rights.strengths).toMatchObject({ stale: true, sourceRevision: 1 });
  expect(translation.sections.migrants_rights.potential).toMatchObject({ stale: false, sourceRevision: 1 });

  // The overview counts it under its domain.
  await page.goto(`/assessments/${translationId}`);
  await expect(page.getByTestId('overview-migrants_rights').getByTestId('stale-count')).toHaveText('1 part: source changed');
  await expect(page.getByTestId('overview-partnerships').getByTestId('stale-count')).toHaveCount(0);
  await expect(page.getByTestId('stale-total')).toContainText('1 part has a source that changed');
  await shoot(page, 'translation-overview-stale');

  // Submitting is refused, naming the part.
  const workflow = page.getByTestId('workflow');
  await workflow.getByRole('button', { name: 'Submit for review' }).click();
  await expect(workflow.getByRole('alert')).toContainText("The source of these parts changed since they were translated: Migrants' rights — ");

  // In the editor: the flag and the word-level diff of the source since.
  await page.goto(`/assessments/${translationId}/sections/migrants_rights`);
  const flag = page.getByTestId('stale-migrants_rights-strengths');
  await expect(flag).toContainText('Source changed');
  const diff = page.getByTestId('source-diff-migrants_rights-strengths');
  await expect(diff.locator('del').first()).toContainText('original');
  await expect(diff.locator('ins').first()).toContainText('revisado');
  await expect(page.getByTestId('source-migrants_rights-strengths')).toContainText('con un plan nuevo');
  await expect(page.getByTestId('current-migrants_rights-potential')).toBeVisible();
  await expect(editorOf(page, 'migrants_rights', 'strengths').text).toContainText('Original text of the strengths.');
  await shoot(page, 'translation-editor-stale');

  // Fix the translation, then mark it up to date.
  const strengths = editorOf(page, 'migrants_rights', 'strengths');
  await strengths.text.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Revised text of the strengths with a new plan.');
  await expect(strengths.status).toHaveText('Saved');
  await flag.getByRole('button', { name: 'Mark up to date' }).click();
  // The page comes back with the flag replaced by the part's standing; a reload shows it is stored.
  await expect(page.getByTestId('current-migrants_rights-strengths')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('current-migrants_rights-strengths')).toBeVisible();
  await expect(page.getByTestId('stale-migrants_rights-strengths')).toHaveCount(0);

  // Submit.
  await page.goto(`/assessments/${translationId}`);
  await expect(page.getByTestId('stale-total')).toHaveText('Every part is up to date with the source.');
  await page.getByTestId('workflow').getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.getByTestId('workflow').getByText('Submitted for review.')).toBeVisible();

  // A focal point of another jurisdiction does not see the translation at all.
  const stranger = await browser.newContext();
  try {
    const sp = await stranger.newPage();
    await loginAs(sp, demo.focalSonora);
    expect((await sp.request.get(`/api/v1/assessments/${translationId}`)).status()).toBe(404);
    expect((await sp.request.post(`/api/v1/assessments/${sourceId}/translations`, { data: { language: 'fr' }, headers: { origin } })).status()).toBe(404);
  } finally {
    await stranger.close();
  }
});
