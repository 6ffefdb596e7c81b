import type { Page } from '@playwright/test';
import { expect, test } from './support/app-test';
import { acceptInvitation, demo, loginAs } from './support/auth';
import { freshJurisdiction, reviewRoundPeople, uniqueId } from './support/jurisdictions';
import { editorOf, fillAllParts, fillAndSubmit, openProfile, selectText } from './support/profiles';

/*
 * Rights on the live text, as people meet them: a focal point watches a draft
 * being written, live but read-only, and can comment on what was just typed;
 * the moment the profile is submitted, the consultant's open editor stops
 * taking text, without a reload.
 */

const shots = async (page: Page, name: string) => {
  await page.screenshot({ path: `test-results/screenshots/${name}-desktop.png`, fullPage: true });
  const { width, height } = page.viewportSize()!;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `test-results/screenshots/${name}-phone.png`, fullPage: true });
  await page.setViewportSize({ width, height });
};

test('a focal point watches the consultant type, read-only; once the profile is submitted the consultant\'s editor is read-only at once', async ({ browser, baseURL }) => {
  test.slow();
  const { slug } = await freshJurisdiction(browser, 'Rights');
  const consultant = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const focal = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const cp = await consultant.newPage();
  const fp = await focal.newPage();
  await loginAs(cp, demo.consultant);
  await loginAs(fp, demo.focalLima);
  const id = await openProfile(cp.request, slug, 'es', baseURL!);
  await fillAllParts(cp.request, id, baseURL!, (section, part) => `Texto de ${section} ${part}.`);

  await cp.goto(`/assessments/${id}/sections/migrants_rights`);
  await fp.goto(`/assessments/${id}/sections/migrants_rights`);
  const editor = editorOf(cp, 'migrants_rights', 'strengths');
  const watched = fp.locator('section[aria-labelledby="part-strengths"] .rendered-part');
  await expect(watched).toHaveText('Texto de migrants_rights strengths.');

  // The consultant types; the focal point sees each word arrive, with no reload and no way to type.
  const words = `ventanilla ${uniqueId()}`;
  await editor.text.click();
  await cp.keyboard.press('End');
  await cp.keyboard.type(` Una ${words}.`);
  await expect(watched).toHaveText(`Texto de migrants_rights strengths. Una ${words}.`);
  await watched.click();
  await fp.keyboard.type('x');
  await expect(watched).toHaveText(`Texto de migrants_rights strengths. Una ${words}.`);
  await expect(fp.getByTestId('editor-migrants_rights-strengths')).toHaveCount(0);

  await expect(editor.status).toHaveText('Saved');
  await shots(fp, 'live-read-only');

  // Submitted (here over the API, as from another tab): the open editor turns read-only without a reload.
  const submitted = await cp.request.post(`/api/v1/assessments/${id}/transitions`, { data: { action: 'submit' }, headers: { origin: baseURL! } });
  expect(submitted.status()).toBe(200);
  const textbox = editor.root.locator('[role="textbox"]');
  await expect(textbox).toHaveAttribute('aria-readonly', 'true');
  await expect(textbox).toHaveAttribute('contenteditable', 'false');
  await expect(editor.root.getByTestId('read-only-now')).toBeVisible();
  await expect(editor.root.getByRole('toolbar')).toHaveCount(0);
  await textbox.click();
  await cp.keyboard.type('tarde');
  await expect(textbox).not.toContainText('tarde');
  await shots(cp, 'editor-turned-read-only');

  // Nothing of it reached the server or the focal point.
  const stored = await (await cp.request.get(`/api/v1/assessments/${id}`)).json();
  expect(JSON.stringify(stored.sections.migrants_rights.strengths.doc)).not.toContain('tarde');
  await expect(watched).toHaveText(`Texto de migrants_rights strengths. Una ${words}.`);

  // In review the consultant still comments, from the read-only editor.
  await selectText(cp, textbox, words);
  await editor.root.getByRole('button', { name: 'Comment on the selected passage' }).click();
  await cp.getByRole('textbox', { name: 'Comment', exact: true }).fill('Which one?');
  await cp.getByRole('button', { name: 'Post comment' }).click();
  await expect(cp.getByTestId('comment-panel').getByTestId('thread')).toContainText('Which one?');
  // The highlight reaches both screens (the consultant's page, refreshed by the comment, now shows the reader's view).
  await expect(watched.locator('[data-thread-id]')).toHaveText(words);
  await expect(cp.locator('section[aria-labelledby="part-strengths"] [data-thread-id]')).toHaveText(words);
  await consultant.close();
  await focal.close();
});

test('a reviewer suggesting when the round ends is told at once, and what they typed offline meanwhile is said to be lost', async ({ browser, baseURL }) => {
  test.slow();
  const origin = { origin: baseURL! };
  const { slug, cp, fp, rp } = await reviewRoundPeople(browser, 'Cierre');
  const id = await openProfile(cp.request, slug, 'es', baseURL!);
  await fillAndSubmit(cp.request, id, baseURL!, (section, part) => `Texto de ${section} ${part}.`);
  const email = `rev.${uniqueId()}@interior.example.org`;
  const invited = await fp.request.post(`/api/v1/jurisdictions/${slug}/reviewers`, { data: { email, name: 'Rev Interior', organisation: 'Ministerio', language: 'en' }, headers: origin });
  expect(invited.status()).toBe(201);
  await acceptInvitation(rp, (await invited.json()).link, email, 'a ministry passphrase');

  await rp.goto(`/assessments/${id}/sections/migrants_rights`);
  await rp.getByTestId('start-suggesting').click();
  const strengths = editorOf(rp, 'migrants_rights', 'strengths');
  const potential = editorOf(rp, 'migrants_rights', 'potential');
  await expect(strengths.text).toContainText('Texto de migrants_rights strengths.');
  await expect(potential.status).toBeVisible();

  // Offline, the reviewer suggests words; meanwhile the focal point sends the profile back to the consultant.
  await rp.context().setOffline(true);
  await selectText(rp, strengths.text, 'strengths.');
  await rp.keyboard.press('End');
  await rp.keyboard.type(' sin red');
  await expect(strengths.status).toHaveText(/Offline/);
  expect((await fp.request.post(`/api/v1/assessments/${id}/transitions`, { data: { action: 'request_changes', note: 'Otra ronda.' }, headers: origin })).status()).toBe(200);
  await rp.context().setOffline(false);

  // Back online, the server no longer lets them open the draft: each part says so, and no badge says "Saving…".
  await expect(strengths.root.getByTestId('access-ended')).toHaveText(/no longer have access.*could not be kept/);
  await expect(potential.root.getByTestId('access-ended')).toHaveText(/no longer have access/);
  await expect(potential.root.getByTestId('access-ended')).not.toHaveText(/could not be kept/);
  await expect(strengths.status).toHaveCount(0);
  await expect(strengths.root.getByTestId('editor-mode')).toHaveCount(0);
  await shots(rp, 'editor-access-ended');
  const stored = await (await cp.request.get(`/api/v1/assessments/${id}`)).json();
  expect(JSON.stringify(stored.sections.migrants_rights.strengths.doc)).not.toContain('sin red');
});
