import type { Page } from '@playwright/test';
import { expect, test } from './support/app-test';
import { demo, loginAs } from './support/auth';
import { shots } from './support/screenshots';
import { reviewRoundPeople, uniqueId } from './support/jurisdictions';
import { editorOf, fillAllParts, openProfile, selectText } from './support/profiles';

/*
 * The consultation round of issue 16, with three people in three browsers:
 * the focal point suggests replacing a phrase and deleting a bullet, a
 * reviewer from a ministry suggests an insertion in the same part at the same
 * time; after changes are requested the consultant sees the three, accepts two
 * and rejects one; the history says who suggested and who decided; approval
 * waits while one is open; the edition's sign-off counts them.
 */

const PASSAGE = 'La ventanilla única atiende a personas migrantes.';
const BULLETS = ['Primer punto: registro.', 'Segundo punto: salud.', 'Tercer punto: empleo.'];
const DOMAINS = ['migrants_rights', 'whole_of_government', 'partnerships', 'well_being', 'mobility_crises', 'safe_orderly_regular'];

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const PART = {
  type: 'doc',
  content: [paragraph(PASSAGE), { type: 'bulletList', content: BULLETS.map((b) => ({ type: 'listItem', content: [paragraph(b)] })) }],
};

/** Types as a person does: a key at a time, not all at once. */
const typeLikeAPerson = (page: Page, text: string) => page.keyboard.type(text, { delay: 35 + Math.round(Math.random() * 40) });


test('a consultation round: two people suggest at once, the consultant decides, approval waits for the last one, the edition counts them', async ({ browser, baseURL }) => {
  test.slow(); // four people, live editing, a publication
  const origin = { origin: baseURL! };
  const { slug, cp, fp, rp } = await reviewRoundPeople(browser, 'Ronda');

  // The profile of its own: every part filled, migrants_rights/strengths a passage and three bullets; in review.
  const id = await openProfile(cp.request, slug, 'es', baseURL!);
  await fillAllParts(cp.request, id, baseURL!, (section, part) => `Texto de ${section} ${part}.`);
  const stored = await (await cp.request.get(`/api/v1/assessments/${id}`)).json();
  const put = await cp.request.put(`/api/v1/assessments/${id}/sections/migrants_rights/strengths`, {
    data: { doc: PART, baseRevision: stored.sections.migrants_rights.strengths.revision },
    headers: origin,
  });
  expect(put.status()).toBe(200);
  expect((await cp.request.post(`/api/v1/assessments/${id}/transitions`, { data: { action: 'submit' }, headers: origin })).status()).toBe(200);

  // The focal point invites a reviewer from a ministry (the invitation form is reviewers.spec.ts's), who sets a password.
  const email = `ana.${uniqueId()}@interior.example.org`;
  const invited = await fp.request.post(`/api/v1/jurisdictions/${slug}/reviewers`, {
    data: { email, name: 'Ana Interior', organisation: 'Ministerio del Interior', language: 'en' },
    headers: origin,
  });
  expect(invited.status()).toBe(201);
  await rp.goto((await invited.json()).link);
  await rp.getByLabel('New password').fill('a ministry passphrase');
  await rp.getByLabel('Repeat the password').fill('a ministry passphrase');
  await rp.getByRole('button', { name: 'Save password' }).click();
  await expect(rp.getByText('Your password is set.')).toBeVisible();
  await loginAs(rp, email, 'a ministry passphrase');

  // Both open the domain and choose to suggest.
  const open = async (page: Page) => {
    await page.goto(`/assessments/${id}/sections/migrants_rights`);
    await page.getByTestId('start-suggesting').click();
    const part = editorOf(page, 'migrants_rights', 'strengths');
    await expect(part.text).toContainText(PASSAGE);
    await expect(part.root.getByTestId('editor-mode').getByRole('radio', { name: 'Suggesting' })).toBeChecked();
    return part;
  };
  const [fpart, rpart] = await Promise.all([open(fp), open(rp)]);

  // Each puts their selection where they will type, and the other sees it: both editors have taken it in. (A
  // selection the browser moved is read on `selectionchange`; the other's typing arriving before that read
  // would put the old one back, which a script racing a live editor meets and a person does not.)
  await selectText(fp, fpart.text, 'ventanilla única');
  await expect(rpart.root.locator('.ProseMirror-yjs-selection')).toHaveText('ventanilla única');
  await selectText(rp, rpart.text, 'migrantes');
  await rp.keyboard.press('ArrowRight');
  const reviewerCaretAfter = (words: string) =>
    fpart.root.evaluate((root, w) => {
      const caret = root.querySelector('.ProseMirror-yjs-cursor');
      return Boolean(caret?.previousSibling?.textContent?.endsWith(w)) && root.querySelector('.ProseMirror-yjs-selection') === null;
    }, words);
  await expect.poll(() => reviewerCaretAfter('migrantes')).toBe(true);

  // At the same moment: the focal point replaces the phrase, the reviewer adds words at the end of the sentence.
  await Promise.all([typeLikeAPerson(fp, 'oficina de atención'), typeLikeAPerson(rp, ' y refugiadas')]);
  for (const part of [fpart, rpart]) {
    await expect(part.root.locator('del.suggestion').first()).toHaveText('ventanilla única');
    await expect(part.root.locator('ins.suggestion').filter({ hasText: 'oficina de atención' })).toHaveAttribute('title', /Lucía Focal/);
    await expect(part.root.locator('ins.suggestion').filter({ hasText: 'y refugiadas' })).toHaveAttribute('title', /Ana Interior/);
  }

  // The focal point deletes the second bullet: from its start down to the next one, then Backspace.
  await selectText(fp, fpart.text, 'Segundo');
  await fp.keyboard.press('ArrowLeft');
  await fp.keyboard.press('Shift+ArrowDown');
  await fp.keyboard.press('Backspace');
  await expect(fpart.root.locator('del.suggestion').filter({ hasText: 'Segundo punto: salud.' })).toBeVisible();
  await expect(fpart.text.locator('li')).toHaveCount(3); // nothing gone until a consultant accepts it
  await expect(fpart.root.getByTestId('suggest-refusal')).toBeHidden();

  // They say why, on their own suggestion, with the keyboard; the reviewer sees it live, and cannot comment on it.
  const flist = fpart.root.getByTestId('suggestions-migrants_rights-strengths');
  await expect(flist.getByTestId('suggestion')).toHaveCount(3);
  await expect(flist.getByRole('button', { name: /^Add a comment: Insert/ })).toHaveCount(0); // the reviewer's
  await flist.getByRole('button', { name: 'Add a comment: Replace “ventanilla única” with “oficina de atención”' }).focus();
  await fp.keyboard.press('Enter');
  const note = flist.getByLabel('Comment on your suggestion (why, or a source)');
  await expect(note).toBeFocused();
  await typeLikeAPerson(fp, 'Nombre de la ordenanza 2023.');
  await expect(flist.getByText('28 of 280 characters')).toBeVisible();
  await shots(fp, 'consultation-round-comment-form');
  await expect(note).toBeFocused();
  await fp.keyboard.press('Tab');
  await fp.keyboard.press('Enter');
  await expect(flist.getByTestId('suggestion-comment')).toHaveText('Nombre de la ordenanza 2023.');
  await expect(flist.getByRole('button', { name: /^Edit the comment: Replace/ })).toBeFocused();
  const rlist = rpart.root.getByTestId('suggestions-migrants_rights-strengths');
  await expect(rlist.getByTestId('suggestion-comment')).toHaveText('Nombre de la ordenanza 2023.');
  await expect(rlist.getByRole('button', { name: /comment: Replace/ })).toHaveCount(0);
  await expect(rlist.getByRole('button', { name: /^Add a comment: Insert “ y refugiadas”/ })).toBeVisible();
  await expect(rpart.root.getByTestId('suggest-refusal')).toBeHidden();
  await expect(fpart.status).toHaveText('Saved');
  await expect(rpart.status).toHaveText('Saved');

  // A comment thread beside them, once the live text is stored: the API anchors it in the stored text, and
  // moves the live text on to that (what was typed live in the last seconds, not stored yet, would be lost).
  await expect
    .poll(async () => JSON.stringify((await (await rp.request.get(`/api/v1/assessments/${id}`)).json()).sections.migrants_rights.strengths))
    .toContain('Nombre de la ordenanza 2023.');
  const thread = await rp.request.post(`/api/v1/assessments/${id}/comments`, {
    data: { domain: 'migrants_rights', part: 'strengths', quote: 'personas', body: 'El ministerio propone incluir a las personas refugiadas.' },
    headers: origin,
  });
  expect(thread.status()).toBe(201);
  await shots(fp, 'consultation-round-focal');

  // The focal point requests changes: the profile goes back to the consultant.
  expect((await fp.request.post(`/api/v1/assessments/${id}/transitions`, { data: { action: 'request_changes', note: 'Ver las sugerencias.' }, headers: origin })).status()).toBe(200);

  // The consultant sees the three in place and in the list, the comment and the thread beside them.
  await cp.goto(`/assessments/${id}/sections/migrants_rights`);
  const mine = editorOf(cp, 'migrants_rights', 'strengths');
  await expect(mine.text).toContainText('oficina de atención');
  const decide = mine.root.getByTestId('suggestions-migrants_rights-strengths');
  await expect(decide.getByTestId('suggestion')).toHaveText([
    /Lucía Focal \(Lima\).*Replace “ventanilla única” with “oficina de atención”.*Nombre de la ordenanza 2023\./,
    /Ana Interior.*Insert “ y refugiadas”/,
    /Lucía Focal \(Lima\).*Delete “Segundo punto: salud\.”/,
  ]);
  await expect(cp.getByTestId('comment-panel').getByTestId('thread')).toContainText('El ministerio propone incluir');
  await shots(cp, 'consultation-round-consultant');

  // Accepts the focal point's two; the reviewer's stays open for now.
  await decide.getByRole('button', { name: 'Accept: Replace “ventanilla única” with “oficina de atención”' }).click();
  await expect(decide.getByTestId('suggestion')).toHaveCount(2);
  await decide.getByRole('button', { name: 'Accept: Delete “Segundo punto: salud.”' }).click();
  await expect(decide.getByTestId('suggestion')).toHaveCount(1);
  await expect(mine.text.locator('p').first()).toHaveText('La oficina de atención atiende a personas migrantes y refugiadas.');
  await expect(mine.text.locator('li')).toHaveText(['Primer punto: registro.', 'Tercer punto: empleo.']); // no empty bullet left

  // Back in review with one open: the domain cannot be accepted, so the profile cannot be approved.
  expect((await cp.request.post(`/api/v1/assessments/${id}/transitions`, { data: { action: 'submit' }, headers: origin })).status()).toBe(200);
  await fp.goto(`/assessments/${id}/sections/migrants_rights`);
  await fp.getByRole('button', { name: 'Accept this domain' }).click();
  await expect(fp.getByText("1 suggestion is still open: Migrants' rights — Examples of well-developed areas (1).", { exact: false })).toBeVisible();
  for (const d of DOMAINS.slice(1)) {
    expect((await fp.request.post(`/api/v1/assessments/${id}/domains/${d}/review`, { data: { decision: 'accept' }, headers: origin })).status()).toBe(200);
  }
  const refused = await fp.request.post(`/api/v1/assessments/${id}/transitions`, { data: { action: 'approve' }, headers: origin });
  expect(refused.status()).toBe(400);
  expect((await refused.json()).error.message).toContain('migrants_rights');
  expect((await (await fp.request.get(`/api/v1/assessments/${id}`)).json()).state).toBe('in_review');
  expect((await fp.request.post(`/api/v1/assessments/${id}/transitions`, { data: { action: 'request_changes', note: 'Falta decidir una.' }, headers: origin })).status()).toBe(200);

  // The consultant rejects the reviewer's: none is open any more.
  await cp.goto(`/assessments/${id}/sections/migrants_rights`);
  await decide.getByRole('button', { name: 'Reject: Insert “ y refugiadas”' }).click();
  await expect(decide.getByTestId('suggestion')).toHaveCount(0);
  await expect(mine.text.locator('p').first()).toHaveText('La oficina de atención atiende a personas migrantes.');
  expect((await (await cp.request.get(`/api/v1/assessments/${id}/suggestions`)).json()).suggestions).toEqual([]);

  // The part's history says who suggested and who decided each.
  await cp.goto(`/assessments/${id}/sections/migrants_rights/strengths/history`);
  const decisions = cp.getByTestId('suggestion-decisions');
  await expect(decisions).toContainText('Accepted by Carlos Consultant: suggested by Lucía Focal (Lima)');
  await expect(decisions).toContainText('Rejected by Carlos Consultant: suggested by Ana Interior');
  await expect(decisions).toContainText('Segundo punto: salud.');

  // Now approval goes through, and the published edition's sign-off counts the three.
  expect((await cp.request.post(`/api/v1/assessments/${id}/transitions`, { data: { action: 'submit' }, headers: origin })).status()).toBe(200);
  for (const d of DOMAINS) {
    expect((await fp.request.post(`/api/v1/assessments/${id}/domains/${d}/review`, { data: { decision: 'accept' }, headers: origin })).status()).toBe(200);
  }
  expect((await fp.request.post(`/api/v1/assessments/${id}/transitions`, { data: { action: 'approve' }, headers: origin })).status()).toBe(200);
  const admin = await browser.newContext();
  const ap = await admin.newPage();
  await loginAs(ap, demo.admin);
  expect((await ap.request.post(`/api/v1/assessments/${id}/transitions`, { data: { action: 'publish' }, headers: origin })).status()).toBe(200);
  const [edition] = (await (await ap.request.get(`/api/v1/editions?jurisdiction=${slug}`)).json()).editions;
  await ap.goto(String(edition.url).replace('/api/v1/editions/', '/profiles/'));
  const trail = ap.getByTestId('signoff-suggestions');
  await expect(trail.getByRole('listitem')).toHaveText([/2 accepted, 1 rejected, by Carlos Consultant/]);

  for (const context of [cp.context(), fp.context(), rp.context(), admin]) await context.close();
});
