import fs from 'node:fs';
import { expect, test } from './support/app-test';
import { acceptInvitation } from './support/auth';
import { reviewRoundPeople, uniqueId } from './support/jurisdictions';
import { commentOnPassage, fillAndSubmit, openProfile } from './support/profiles';

const PASSAGE = 'La ventanilla única atiende a personas migrantes.';
const nextYear = new Date().getUTCFullYear() + 1;

test('a focal point invites a ministry reviewer, who reads and comments on the profile in review, cannot edit, and is gone once removed', async ({ browser, baseURL }) => {
  test.slow(); // three people, a dozen pages: a busy machine must not fail it
  const { name: jurisdiction, slug, cp, fp, rp } = await reviewRoundPeople(browser, 'Consulta');

  const id = await openProfile(cp.request, slug, 'es', baseURL!);
  await fillAndSubmit(cp.request, id, baseURL!, (section, part) => (section === 'migrants_rights' && part === 'strengths' ? PASSAGE : `Texto de ${section} ${part}.`));

  // The focal point invites someone from a ministry, until the end of March next year.
  const email = `ana.${uniqueId()}@interior.example.org`;
  await fp.goto(`/jurisdictions/${slug}`);
  const section = fp.getByRole('region', { name: 'Consultation reviewers' });
  await expect(section.getByText('No reviewer invited yet.')).toBeVisible();
  await section.getByLabel('Name').fill('Ana Interior');
  await section.getByLabel('Email').fill(email);
  await section.getByLabel('Ministry or organisation (optional)').fill('Ministry of the Interior');
  await section.getByLabel('Access ends after (optional)').fill(`${nextYear}-03-31`);
  await section.getByLabel('Language of the invitation').selectOption({ label: 'English' });
  await section.getByRole('button', { name: 'Invite reviewer' }).click();
  await expect(section.getByText(`Invitation ready for ${email}.`)).toBeVisible();
  const link = (await section.getByTestId('one-time-link').textContent())!;
  expect(link).toMatch(/\/set-password\?token=/);
  const listed = section.getByTestId('reviewer');
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText('Ana Interior');
  await expect(listed).toContainText('Ministry of the Interior');
  await expect(listed).toContainText(`until March 31, ${nextYear}`);
  await expect(listed).toContainText('Invited');

  fs.mkdirSync('test-results/screenshots', { recursive: true });
  await section.scrollIntoViewIfNeeded();
  await fp.screenshot({ path: 'test-results/screenshots/reviewers-section.png', fullPage: true });
  await fp.setViewportSize({ width: 390, height: 844 });
  await fp.screenshot({ path: 'test-results/screenshots/reviewers-section-phone.png', fullPage: true });
  await fp.setViewportSize({ width: 1280, height: 720 });

  // The reviewer sets a password with the one-time link, then signs in.
  await acceptInvitation(rp, link, email, 'a ministry passphrase');

  // Their dashboard and the jurisdiction list the profile in review.
  await rp.goto('/');
  await expect(rp.getByTestId('queue-toReview').getByRole('link', { name: jurisdiction })).toBeVisible();
  await rp.goto(`/assessments/${id}`);
  await expect(rp.getByTestId('workflow').getByRole('button')).toHaveCount(0); // no request changes, no approve

  // They comment on a passage; they cannot edit.
  await rp.goto(`/assessments/${id}/sections/migrants_rights`);
  const strengths = rp.locator('section[aria-labelledby="part-strengths"]');
  await expect(strengths.locator('.rendered-part')).toContainText(PASSAGE);
  await expect(rp.locator('[role="textbox"][contenteditable="true"]')).toHaveCount(0);
  await expect(rp.getByRole('button', { name: 'Accept this domain' })).toHaveCount(0);
  await commentOnPassage(rp, strengths, 'ventanilla única', 'El ministerio sugiere citar la ordenanza de 2023.');
  const put = await rp.request.put(`/api/v1/assessments/${id}/sections/migrants_rights/strengths`, {
    data: { doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Cambiado.' }] }] }, baseRevision: 1 },
    headers: { origin: baseURL! },
  });
  expect(put.status()).toBe(403);
  // Not a manager: no reviewers section, and the API says so.
  await rp.goto(`/jurisdictions/${slug}`);
  await expect(rp.getByRole('region', { name: 'Consultation reviewers' })).toHaveCount(0);
  expect((await rp.request.get(`/api/v1/jurisdictions/${slug}/reviewers`)).status()).toBe(403);

  // The focal point removes them: from then on the profile does not exist for them.
  await fp.goto(`/jurisdictions/${slug}`);
  await section.getByTestId('reviewer').getByRole('button', { name: 'Remove' }).click();
  await fp.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
  // The row goes away with its button (the page is revalidated), for good.
  await expect(section.getByTestId('reviewer')).toHaveCount(0);
  await fp.reload();
  await expect(section.getByText('No reviewer invited yet.')).toBeVisible();
  expect((await rp.goto(`/assessments/${id}`))!.status()).toBe(404);
  expect((await rp.request.get(`/api/v1/assessments/${id}`)).status()).toBe(404);

  for (const page of [cp, fp, rp]) await page.context().close();
});
