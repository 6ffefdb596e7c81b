import fs from 'node:fs';
import { expect, test } from './support/app-test';
import { demo, loginAs } from './support/auth';
import { freshJurisdiction } from './support/jurisdictions';
import { editorOf, fillAndSubmit, openProfile, selectText } from './support/profiles';

const PASSAGE = 'La ventanilla única atiende a personas migrantes en el puerto.';

test('second round: the focal point sees only the domain the consultant changed, its word diff, and what became of their suggestions and comment', async ({ browser, baseURL }) => {
  test.slow(); // two people, live editing, two rounds
  const { slug } = await freshJurisdiction(browser, 'Ronda');
  const consultant = await browser.newContext();
  const focal = await browser.newContext();
  const cp = await consultant.newPage();
  const fp = await focal.newPage();
  await loginAs(cp, demo.consultant);
  await loginAs(fp, demo.focalLima);
  const id = await openProfile(cp.request, slug, 'es', baseURL!);
  await fillAndSubmit(cp.request, id, baseURL!, (section, part) => (section === 'migrants_rights' && part === 'strengths' ? PASSAGE : `Texto de ${section} ${part}.`));

  // A first round: nothing to compare with yet.
  await fp.goto(`/assessments/${id}`);
  await expect(fp.getByTestId('overview-migrants_rights')).toBeVisible();
  await expect(fp.getByTestId('since-review-notice')).toHaveCount(0);
  await expect(fp.getByTestId('changed-since-review')).toHaveCount(0);

  // The focal point suggests two changes in one part and comments on it.
  await fp.goto(`/assessments/${id}/sections/migrants_rights`);
  await expect(fp.getByTestId('since-review')).toHaveCount(0);
  await fp.getByTestId('start-suggesting').click();
  const part = editorOf(fp, 'migrants_rights', 'strengths');
  await expect(part.text).toContainText(PASSAGE);
  await selectText(fp, part.text, 'ventanilla única');
  await fp.keyboard.type('oficina de atención');
  await expect(part.root.locator('ins.suggestion')).toHaveText('oficina de atención');
  await selectText(fp, part.text, 'en el puerto');
  await fp.keyboard.press('Delete');
  await expect(part.root.locator('del.suggestion').filter({ hasText: 'en el puerto' })).toHaveCount(1);
  await expect(part.status).toHaveText('Saved');
  // Commented through the API at once, while the suggestions may not be stored yet: they stay (the mark is added to the live text).
  const comment = await fp.request.post(`/api/v1/assessments/${id}/comments`, {
    data: { domain: 'migrants_rights', part: 'strengths', quote: 'personas migrantes', body: '¿Incluye a solicitantes de asilo?' },
    headers: { origin: baseURL! },
  });
  expect(comment.status()).toBe(201);
  await fp.goto(`/assessments/${id}`);
  const fw = fp.getByTestId('workflow');
  await fw.getByLabel('Note').fill('Ver las sugerencias y el comentario.');
  await fw.getByRole('button', { name: 'Request changes' }).click();
  await expect(fw.getByText('Changes requested')).toBeVisible();

  // The consultant accepts one suggestion, rejects the other, answers the comment and resubmits.
  await cp.goto(`/assessments/${id}/sections/migrants_rights`);
  const mine = editorOf(cp, 'migrants_rights', 'strengths');
  const decide = mine.root.getByTestId('suggestions-migrants_rights-strengths');
  await expect(decide.getByTestId('suggestion')).toHaveCount(2);
  await decide.getByRole('button', { name: /^Accept: Replace/ }).click();
  await expect(decide.getByTestId('suggestion')).toHaveCount(1);
  await decide.getByRole('button', { name: /^Reject: Delete/ }).click();
  await expect(decide.getByTestId('suggestion')).toHaveCount(0);
  await expect(mine.text).toContainText('La oficina de atención atiende a personas migrantes en el puerto.');
  const thread = cp.getByTestId('comment-panel').getByTestId('thread');
  await thread.getByLabel('Your reply').fill('Sí, también a solicitantes de asilo.');
  await thread.getByRole('button', { name: 'Reply' }).click();
  await expect(thread).toContainText('Sí, también a solicitantes de asilo.');
  await cp.goto(`/assessments/${id}`);
  await cp.getByTestId('workflow').getByRole('button', { name: 'Submit for review' }).click();
  await expect(cp.getByTestId('workflow').getByText('Submitted for review.')).toBeVisible();

  // Back in review: the overview marks migrants_rights, and only it.
  await fp.goto(`/assessments/${id}`);
  await expect(fp.getByTestId('since-review-notice')).toContainText('1 section has changed since');
  await expect(fp.getByTestId('changed-since-review')).toHaveCount(1);
  await expect(fp.getByTestId('overview-migrants_rights').getByTestId('changed-since-review')).toHaveText('Changed since your review');
  fs.mkdirSync('test-results/screenshots', { recursive: true });
  await fp.screenshot({ path: 'test-results/screenshots/since-review-overview.png', fullPage: true });
  await fp.setViewportSize({ width: 390, height: 844 });
  await fp.screenshot({ path: 'test-results/screenshots/since-review-overview-phone.png', fullPage: true });
  await fp.setViewportSize({ width: 1280, height: 720 });

  // The mark leads to the domain's changes: the word diff, the decisions, the answer.
  await fp.getByTestId('overview-migrants_rights').getByTestId('changed-since-review').click();
  await expect(fp).toHaveURL(new RegExp(`/assessments/${id}/sections/migrants_rights#since-review$`));
  const since = fp.getByTestId('since-review');
  const strengths = since.getByTestId('since-review-migrants_rights-strengths');
  await expect(strengths.locator('summary')).toContainText('Changed');
  await expect(strengths.locator('del')).toHaveText('[removed: ventanilla única]');
  await expect(strengths.locator('ins')).toHaveText('[added: oficina de atención]');
  // Marked by more than colour: struck through and underlined.
  await expect(strengths.locator('del')).toHaveCSS('text-decoration-line', 'line-through');
  await expect(strengths.locator('ins')).toHaveCSS('text-decoration-line', 'underline');
  const suggestions = strengths.getByTestId('since-review-suggestions');
  await expect(suggestions.getByRole('listitem')).toHaveCount(2);
  await expect(suggestions).toContainText('Accepted by Carlos Consultant Replace “ventanilla única” with “oficina de atención”');
  await expect(suggestions).toContainText('Rejected by Carlos Consultant Delete “en el puerto”');
  await expect(strengths.getByTestId('since-review-threads')).toContainText('Answered by Carlos Consultant');
  await expect(strengths.getByTestId('since-review-threads')).toContainText('Sí, también a solicitantes de asilo.');
  const potential = since.getByTestId('since-review-migrants_rights-potential');
  await expect(potential.locator('summary')).toContainText('Unchanged');
  await expect(potential).not.toHaveAttribute('open');
  // Each part opens and closes from the keyboard.
  await strengths.locator('summary').focus();
  await fp.keyboard.press('Enter');
  await expect(strengths).not.toHaveAttribute('open');
  await fp.keyboard.press('Enter');
  await expect(strengths).toHaveAttribute('open');
  await fp.screenshot({ path: 'test-results/screenshots/since-review-section.png', fullPage: true });
  await fp.setViewportSize({ width: 390, height: 844 });
  await fp.screenshot({ path: 'test-results/screenshots/since-review-section-phone.png', fullPage: true });
  const box = await strengths.locator('summary').boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(44);
  await fp.setViewportSize({ width: 1280, height: 720 });

  // Another domain: unchanged, nothing of theirs there.
  await fp.goto(`/assessments/${id}/sections/partnerships`);
  await expect(fp.getByTestId('since-review').locator('summary')).toHaveText(['Examples of well-developed areas Unchanged', 'Areas with potential for further development Unchanged']);
  await expect(fp.getByTestId('since-review-suggestions')).toHaveCount(0);

  // The consultant, who wrote the changes, is not shown them as "since your review".
  await cp.goto(`/assessments/${id}`);
  await expect(cp.getByTestId('overview-migrants_rights')).toBeVisible();
  await expect(cp.getByTestId('changed-since-review')).toHaveCount(0);

  await consultant.close();
  await focal.close();
});
