import fs from 'node:fs';
import { expect, test } from './support/app-test';
import { loginAs } from './support/auth';
import { reviewRoundPeople, uniqueId } from './support/jurisdictions';
import { editorOf, fillAndSubmit, openProfile, selectText } from './support/profiles';

const PASSAGE = 'La ventanilla única atiende a personas migrantes.';

test('a reviewer suggests several times; the consultant’s inbox shows one digest entry with the count, and its link opens the domain', async ({ browser, baseURL }) => {
  test.slow(); // three people, live editing, a busy machine
  const { name: jurisdiction, slug, cp, fp, rp } = await reviewRoundPeople(browser, 'Resumen');
  const id = await openProfile(cp.request, slug, 'es', baseURL!);
  await fillAndSubmit(cp.request, id, baseURL!, (section, part) => (section === 'migrants_rights' && part === 'strengths' ? PASSAGE : `Texto de ${section} ${part}.`));

  // The focal point invites a ministry reviewer (the API hands back the one-time link without SMTP).
  const email = `ana.${uniqueId()}@interior.example.org`;
  const invited = await fp.request.post(`/api/v1/jurisdictions/${slug}/reviewers`, {
    data: { email, name: 'Ana Ministerio', organisation: 'Ministerio del Interior', language: 'en' },
    headers: { origin: baseURL! },
  });
  expect(invited.status()).toBe(201);
  await rp.goto((await invited.json()).link);
  await rp.getByLabel('New password').fill('a ministry passphrase');
  await rp.getByLabel('Repeat the password').fill('a ministry passphrase');
  await rp.getByRole('button', { name: 'Save password' }).click();
  await expect(rp.getByText('Your password is set.')).toBeVisible();
  await loginAs(rp, email, 'a ministry passphrase');

  // The reviewer suggests three changes, each stored on its own as typing pauses.
  await rp.goto(`/assessments/${id}/sections/migrants_rights`);
  await rp.getByTestId('start-suggesting').click();
  const part = editorOf(rp, 'migrants_rights', 'strengths');
  await expect(part.text).toContainText(PASSAGE);
  const list = part.root.getByTestId('suggestions-migrants_rights-strengths');
  const changes: Array<[string, string]> = [
    ['ventanilla única', 'oficina'],
    ['atiende', 'recibe'],
    ['migrantes', 'extranjeras'],
  ];
  for (const [i, [before, after]] of changes.entries()) {
    await selectText(rp, part.text, before);
    await rp.keyboard.type(after);
    await expect(list.getByTestId('suggestion')).toHaveCount(i + 1);
    await expect(part.status).toHaveText('Saved');
  }

  // The consultant finds ONE entry for them, with the count, however many times the text was stored.
  await cp.goto('/inbox');
  const entries = cp.getByTestId('notification').filter({ hasText: jurisdiction });
  await expect(async () => {
    await cp.reload();
    await expect(entries).toHaveCount(1);
    await expect(entries).toContainText("Ana Ministerio suggested 3 changes in Migrants' rights", { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expect(entries).toHaveClass(/inbox__item--unread/);

  fs.mkdirSync('test-results/screenshots', { recursive: true });
  await cp.screenshot({ path: 'test-results/screenshots/inbox-digest.png', fullPage: true });
  await cp.setViewportSize({ width: 390, height: 844 });
  await cp.screenshot({ path: 'test-results/screenshots/inbox-digest-phone.png', fullPage: true });
  await cp.setViewportSize({ width: 1280, height: 720 });

  // Its link opens the domain, where the suggestions are shown in place; the entry is read then.
  await entries.getByRole('link').click();
  await expect(cp).toHaveURL(new RegExp(`/assessments/${id}/sections/migrants_rights$`));
  await expect(cp.locator('section.part-editor:has(#part-strengths)').locator('ins.suggestion')).toHaveCount(3);
  await cp.goto('/inbox');
  await expect(entries).toHaveCount(1);
  await expect(entries).not.toHaveClass(/inbox__item--unread/);
  // Nobody tells the reviewer of her own suggestions.
  await rp.goto('/inbox');
  await expect(rp.getByTestId('notification').filter({ hasText: 'suggested' })).toHaveCount(0);

  for (const page of [cp, fp, rp]) await page.context().close();
});
