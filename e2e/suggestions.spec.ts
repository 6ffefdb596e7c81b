import fs from 'node:fs';
import { expect, test } from './support/app-test';
import { demo, loginAs } from './support/auth';
import { freshJurisdiction } from './support/jurisdictions';
import { editorOf, fillAndSubmit, openProfile, selectText } from './support/profiles';

const PASSAGE = 'La ventanilla única atiende a personas migrantes.';

test('a focal point suggests replacing a phrase; approval waits; the consultant accepts it and the decision is recorded', async ({ browser, baseURL }) => {
  test.slow(); // two people, live editing, a dozen pages
  const { slug } = await freshJurisdiction(browser, 'Sugerencia');
  const consultant = await browser.newContext();
  // Lima's time zone, not UTC: the times she reads are in it.
  const focal = await browser.newContext({ timezoneId: 'America/Lima' });
  const cp = await consultant.newPage();
  const fp = await focal.newPage();
  await loginAs(cp, demo.consultant);
  await loginAs(fp, demo.focalLima);
  const id = await openProfile(cp.request, slug, 'es', baseURL!);
  await fillAndSubmit(cp.request, id, baseURL!, (section, part) => (section === 'migrants_rights' && part === 'strengths' ? PASSAGE : `Texto de ${section} ${part}.`));

  // The consultant follows the profile in review, read-only: the text live, suggestions inline as they come.
  await cp.goto(`/assessments/${id}/sections/migrants_rights`);
  const watched = cp.locator('section.part-editor:has(#part-strengths)');
  await expect(watched).toContainText(PASSAGE);

  // The focal point reads the domain, then chooses to suggest: the editor opens in Suggesting mode.
  await fp.goto(`/assessments/${id}/sections/migrants_rights`);
  await fp.getByTestId('start-suggesting').click();
  const part = editorOf(fp, 'migrants_rights', 'strengths');
  await expect(part.text).toContainText(PASSAGE);
  const modes = part.root.getByTestId('editor-mode');
  await expect(modes.getByRole('radio', { name: 'Suggesting' })).toBeChecked();
  await expect(modes.getByRole('radio', { name: 'Editing' })).toHaveCount(0);

  // Replacing a phrase: the old words struck through, the new ones marked, both under their name.
  await selectText(fp, part.text, 'ventanilla única');
  await fp.keyboard.type('oficina de atención');
  await expect(part.root.locator('del.suggestion')).toHaveText('ventanilla única');
  await expect(part.root.locator('ins.suggestion')).toHaveText('oficina de atención');
  await expect(part.root.locator('ins.suggestion')).toHaveAttribute('title', /Lucía Focal/);
  await expect(watched.locator('del.suggestion')).toHaveText('ventanilla única');
  await expect(watched.locator('ins.suggestion')).toHaveText('oficina de atención');
  await expect(watched.locator('ins.suggestion')).toHaveAttribute('title', /Lucía Focal/);
  const list = part.root.getByTestId('suggestions-migrants_rights-strengths');
  await expect(list.getByTestId('suggestion')).toHaveText(/Replace “ventanilla única” with “oficina de atención”/);
  // Hovering the suggestion in the text tells its time as the list does (interface language, her time zone).
  const listed = await list.getByTestId('suggestion').locator('time').textContent();
  await expect(part.root.locator('ins.suggestion')).toHaveAttribute('title', `Lucía Focal (Lima) · ${listed}`);
  await expect(list.getByRole('button', { name: /Accept/ })).toHaveCount(0); // a focal point does not decide
  // Formatting cannot be suggested: the editor says so and changes nothing.
  await selectText(fp, part.text, 'personas');
  await fp.keyboard.press('Control+b');
  await expect(part.root.getByTestId('suggest-refusal')).toHaveText(/Formatting cannot be suggested/);
  await expect(part.text.locator('strong')).toHaveCount(0);
  await expect(part.status).toHaveText('Saved');
  // Nor structure: Enter at the end of the passage makes no new paragraph or bullet, and says why.
  const blocks = await part.text.locator('p, li').count();
  await selectText(fp, part.text, 'migrantes.');
  await fp.keyboard.press('End');
  await fp.keyboard.press('Enter');
  await expect(part.root.getByTestId('suggest-refusal')).toHaveText(/Only words can be suggested/);
  await expect(part.text.locator('p, li')).toHaveCount(blocks);

  // The domain cannot be accepted, nor the profile approved, while the suggestion is open.
  await fp.getByRole('button', { name: 'Accept this domain' }).click();
  // The refusal names the part as people read it, not by its key.
  await expect(fp.getByText("1 suggestion is still open: Migrants' rights — Examples of well-developed areas (1).", { exact: false })).toBeVisible();
  for (const domain of ['whole_of_government', 'partnerships', 'well_being', 'mobility_crises', 'safe_orderly_regular']) {
    const accepted = await fp.request.post(`/api/v1/assessments/${id}/domains/${domain}/review`, { data: { decision: 'accept' }, headers: { origin: baseURL! } });
    expect(accepted.status()).toBe(200);
  }
  const approve = await fp.request.post(`/api/v1/assessments/${id}/transitions`, { data: { action: 'approve' }, headers: { origin: baseURL! } });
  expect(approve.status()).toBe(400); // migrants_rights is not accepted yet: that is said first
  const open = await (await fp.request.get(`/api/v1/assessments/${id}/suggestions`)).json();
  expect(open.suggestions).toEqual([
    expect.objectContaining({ domain: 'migrants_rights', part: 'strengths', kind: 'replace', inserted: 'oficina de atención', deleted: 'ventanilla única', author: expect.objectContaining({ name: 'Lucía Focal (Lima)' }) }),
  ]);
  // Stored (live edits are stored when typing pauses) before a comment is anchored in the stored text.
  await expect
    .poll(async () => JSON.stringify((await (await fp.request.get(`/api/v1/assessments/${id}`)).json()).sections.migrants_rights.strengths))
    .toContain('oficina de atención');
  // A comment beside it, then changes are requested: the profile goes back to the consultant.
  const thread = await fp.request.post(`/api/v1/assessments/${id}/comments`, {
    data: { domain: 'migrants_rights', part: 'strengths', quote: 'personas migrantes', body: '¿Incluye a solicitantes de asilo?' },
    headers: { origin: baseURL! },
  });
  expect(thread.status()).toBe(201);
  const back = await fp.request.post(`/api/v1/assessments/${id}/transitions`, { data: { action: 'request_changes', note: 'Ver la sugerencia.' }, headers: { origin: baseURL! } });
  expect(back.status()).toBe(200);

  // The consultant sees the suggestion in place and in the list, with the comment beside.
  await cp.goto(`/assessments/${id}/sections/migrants_rights`);
  const mine = editorOf(cp, 'migrants_rights', 'strengths');
  await expect(mine.text).toContainText('oficina de atención');
  const decide = mine.root.getByTestId('suggestions-migrants_rights-strengths');
  await expect(decide.getByTestId('suggestion')).toContainText('Lucía Focal (Lima)');
  await expect(cp.getByTestId('comment-panel').getByTestId('thread')).toContainText('¿Incluye a solicitantes de asilo?');
  fs.mkdirSync('test-results/screenshots', { recursive: true });
  await cp.screenshot({ path: 'test-results/screenshots/suggestions-part.png', fullPage: true });
  await cp.setViewportSize({ width: 390, height: 844 });
  await cp.screenshot({ path: 'test-results/screenshots/suggestions-part-phone.png', fullPage: true });
  await cp.setViewportSize({ width: 1280, height: 720 });

  // Suggesting right beside someone else's suggestion makes a suggestion of one's own (it used to be refused).
  await mine.root.getByTestId('editor-mode').getByRole('radio', { name: 'Suggesting' }).check();
  await selectText(cp, mine.text, 'atención');
  await cp.keyboard.press('ArrowRight');
  await cp.keyboard.type(' pública');
  await expect(mine.text).toContainText('oficina de atención pública');
  await expect(mine.root.locator('ins.suggestion').filter({ hasText: 'pública' })).toHaveAttribute('title', /Carlos Consultant/);
  await expect(mine.root.locator('ins.suggestion').filter({ hasText: 'oficina de atención' }).first()).toHaveAttribute('title', /Lucía Focal/);
  await expect(decide.getByTestId('suggestion')).toHaveCount(2);
  // Decided from the keyboard: the card goes, and the focus lands on the list's heading, not the top of the page.
  await decide.getByRole('button', { name: /^Reject: Insert “ ?pública”/ }).focus();
  await cp.keyboard.press('Enter');
  await expect(decide.getByTestId('suggestion')).toHaveCount(1);
  await expect(decide.getByRole('heading', { name: /Suggestions/ })).toBeFocused();
  await mine.root.getByTestId('editor-mode').getByRole('radio', { name: 'Editing' }).check();

  await decide.getByRole('button', { name: /^Accept: Replace/ }).click();
  await expect(mine.text).toContainText('La oficina de atención atiende a personas migrantes.');
  await expect(mine.root.locator('del.suggestion, ins.suggestion')).toHaveCount(0);
  await expect(decide.getByTestId('suggestion')).toHaveCount(0);

  expect((await (await cp.request.get(`/api/v1/assessments/${id}/suggestions`)).json()).suggestions).toEqual([]);

  // The part's history says who suggested and who accepted. Its revision numbers have a gap (the
  // comment anchored above moved the number on without storing a revision): the page still opens.
  await cp.goto(`/assessments/${id}/sections/migrants_rights/strengths/history`);
  const decisions = cp.getByTestId('suggestion-decisions');
  await expect(decisions).toContainText('Accepted by Carlos Consultant: suggested by Lucía Focal (Lima)');
  await expect(decisions).toContainText('oficina de atención');
  await expect(cp.getByTestId('diff')).toContainText('oficina de atención');
  // The focal point's revision only suggested: it says the words did not change; the acceptance did change them.
  const revisions = cp.getByRole('region', { name: 'History' }).getByRole('listitem');
  await expect(revisions.filter({ hasText: 'Lucía Focal' }).first()).toContainText('words unchanged (suggestions only)');
  await expect(revisions.first()).toContainText('Carlos Consultant');
  await expect(revisions.first()).not.toContainText('words unchanged');

  await consultant.close();
  await focal.close();
});
