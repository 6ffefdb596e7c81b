import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/app-test';
import { demo, loginAs } from './support/auth';
import { grantRole, uniqueId } from './support/jurisdictions';
import { editorOf, openProfile } from './support/profiles';

const seed = fs.readFileSync(path.resolve('seeds/portal-pages/huaquillas-2024-06.fr-ui.es.txt'), 'utf8');
const phone = { width: 390, height: 844 };

test('compare refuses an edition against itself and shows only changed parts; history lists the starting copy', async ({ page, baseURL }) => {
  const id = uniqueId();
  const place = (label: string, bullet: string) =>
    seed
      .replace('2024 Juin', label)
      .replace(': Cantón Huaquillas (Ecuador)', `: Cantón Cmp${id} (Ecuador)`)
      .replace('  • Formular una Política Pública de Movilidad Humana local.', `  • ${bullet}`);
  await loginAs(page, demo.admin);
  await page.goto('/admin/import');
  await page.getByLabel('Files saved from the portal').setInputFiles([
    { name: `cmp-${id}-a.txt`, mimeType: 'text/plain', buffer: Buffer.from(place('2021 Mars', 'Formular una Política Pública de Movilidad Humana local.')) },
    { name: `cmp-${id}-b.txt`, mimeType: 'text/plain', buffer: Buffer.from(place('2021 Avril', 'Formular y aprobar una Política Pública de Movilidad Humana local.')) },
  ]);
  await expect(page.getByRole('status')).toHaveText('2 ready to import, 0 already imported, 0 refused.');
  await page.getByRole('button', { name: 'Import 2 files' }).click();
  await expect(page.getByRole('status')).toHaveText('2 imported, 0 already imported, 0 refused.');
  const slug = `cmp${id}`;

  // The bare compare address (a shortened link) offers the choice instead of a 404, the two newest chosen.
  const bare = await page.goto(`/profiles/${slug}/compare`);
  expect(bare?.status()).toBe(200);
  await expect(page.locator('main').getByRole('status')).toHaveText('Choose the two editions to compare.');
  await expect(page.getByLabel('Older edition')).toHaveValue('2021-03');
  await expect(page.getByLabel('Newer edition')).toHaveValue('2021-04');
  await page.screenshot({ path: 'test-results/screenshots/compare-choose-desktop.png', fullPage: true });
  await page.setViewportSize(phone);
  await page.screenshot({ path: 'test-results/screenshots/compare-choose-phone.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page).toHaveURL(/compare\?from=2021-03&to=2021-04/);
  await expect(page.locator('ins').filter({ hasText: 'y aprobar' })).toBeVisible();
  // An unreadable edition is the same question, not an error.
  await page.goto(`/profiles/${slug}/compare?from=yesterday`);
  await expect(page.locator('main').getByRole('status')).toHaveText('Choose the two editions to compare.');
  // A jurisdiction without editions is still not found.
  expect((await page.goto(`/profiles/nowhere-${id}/compare`))?.status()).toBe(404);

  await page.goto(`/profiles/${slug}/compare?from=2021-04&to=2021-04`);
  const refusal = page.locator('main').getByRole('alert');
  await expect(refusal).toContainText('You chose the');
  await expect(refusal).toContainText('Choose two different editions');
  await expect(page.locator('.diff')).toHaveCount(0);

  await page.goto(`/profiles/${slug}/compare?from=2021-03&to=2021-04`);
  await expect(page.getByText('No change in this part.').first()).toBeVisible();
  await page.getByLabel('Show only the parts that changed').check();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/changed=1/);
  await expect(page.getByText('No change in this part.')).toHaveCount(0);
  await expect(page.locator('section[data-testid^="compare-"]')).toHaveCount(1);
  await expect(page.locator('ins').filter({ hasText: 'y aprobar' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/compare-changed-only-desktop.png', fullPage: true });
  await page.setViewportSize(phone);
  await page.screenshot({ path: 'test-results/screenshots/compare-changed-only-phone.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  // A new round starts from the last edition: its history lists that copy, and a restore keeps the selects true.
  await grantRole(page, 'Carlos Consultant', `Cantón Cmp${id}`, 'Consultant');
  await loginAs(page, demo.consultant);
  const profile = await openProfile(page.request, slug, 'es', baseURL!);
  await page.goto(`/assessments/${profile}/sections/introduction`);
  const part = editorOf(page, 'introduction', 'body');
  await part.text.click();
  await page.keyboard.press('ControlOrMeta+End');
  // Live editing stores a revision when typing pauses: wait for each one, so there are two.
  const revision = async () => (await (await page.request.get(`/api/v1/assessments/${profile}`)).json()).sections.introduction.body.revision as number;
  await page.keyboard.type(' Primera frase.');
  await expect(part.status).toHaveText('Saved');
  await expect.poll(revision, { timeout: 30_000 }).toBe(1);
  await page.keyboard.type(' Segunda frase.');
  await expect(part.status).toHaveText('Saved');
  await expect.poll(revision, { timeout: 30_000 }).toBe(2);
  await page.goto(`/assessments/${profile}/sections/introduction/body/history`);
  await expect(page.getByTestId('revision-start')).toContainText('Starting copy of the');
  // Each revision's time is machine-readable too, and says the moment it was saved.
  const saved = await page.getByRole('listitem').filter({ hasText: /^Revision 2\b/ }).locator('time').getAttribute('datetime');
  expect(Math.abs(Date.now() - Date.parse(saved ?? ''))).toBeLessThan(10 * 60_000);
  await page.getByRole('combobox', { name: 'Older' }).selectOption({ index: 2 }); // revisions 2, 1, then the starting copy
  await page.getByRole('button', { name: 'Show changes' }).click();
  await expect(page.getByTestId('diff').getByRole('heading', { level: 2 }).first()).toContainText('Starting copy of the');
  await expect(page.getByTestId('diff').locator('ins').first()).toContainText('Primera');

  await page.goto(`/assessments/${profile}/sections/introduction/body/history`);
  await page.getByRole('listitem').filter({ hasText: /^Revision 1\b/ }).getByRole('button', { name: 'Restore this revision' }).click();
  await expect(page.getByText(/Revision 1 was restored as a new revision/)).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Newer' })).toHaveValue('3');
  await expect(page.getByRole('combobox', { name: 'Older' })).toHaveValue('2');
  await expect(page.getByTestId('diff').getByRole('heading', { level: 2 }).last()).toHaveText('Revision 3');
  await page.screenshot({ path: 'test-results/screenshots/history-start-desktop.png', fullPage: true });
  await page.setViewportSize(phone);
  await page.screenshot({ path: 'test-results/screenshots/history-start-phone.png', fullPage: true });
});
