import fs from 'node:fs';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './support/app-test';
import { demo, loginAs } from './support/auth';
import { freshJurisdiction } from './support/jurisdictions';
import { editorOf } from './support/profiles';

/*
 * Publishing as a newcomer meets it: what a round will publish as is said from
 * its start, publishing is confirmed on a preview of the public page and names
 * the edition it made, a correction keeps the original at its own address, the
 * portfolio names the newest edition, and every status sentence is true for
 * its reader. One jurisdiction of this spec's own.
 */

const slots = [
  ['introduction', 'body'],
  ...['migrants_rights', 'whole_of_government', 'partnerships', 'well_being', 'mobility_crises', 'safe_orderly_regular'].flatMap((d) => [
    [d, 'strengths'],
    [d, 'potential'],
  ]),
];
const domains = ['migrants_rights', 'whole_of_government', 'partnerships', 'well_being', 'mobility_crises', 'safe_orderly_regular'];
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const TYPO = 'La municipalidad tiene un plan de movilidda humana.';
const FIXED = 'La municipalidad tiene un plan de movilidad humana.';

const bullets = (text: string) => ({
  type: 'doc',
  content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }] }],
});

async function fillAll(request: APIRequestContext, id: string, origin: string, intro: string) {
  const profile = await (await request.get(`/api/v1/assessments/${id}`)).json();
  for (const [section, part] of slots) {
    const text = section === 'introduction' ? intro : `${section} ${part}: texto de la ronda.`;
    const response = await request.put(`/api/v1/assessments/${id}/sections/${section}/${part}`, {
      data: { doc: bullets(text), baseRevision: profile.sections[section][part].revision },
      headers: { origin },
    });
    expect(response.status()).toBe(200);
  }
}

async function step(request: APIRequestContext, id: string, origin: string, action: string) {
  const response = await request.post(`/api/v1/assessments/${id}/transitions`, { data: { action }, headers: { origin } });
  expect(response.status(), action).toBe(200);
}

async function review(focal: Page, id: string, origin: string) {
  for (const domain of domains) {
    const r = await focal.request.post(`/api/v1/assessments/${id}/domains/${domain}/review`, { data: { decision: 'accept' }, headers: { origin } });
    expect(r.status()).toBe(200);
  }
  await step(focal.request, id, origin, 'approve');
}

async function shots(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `test-results/screenshots/${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `test-results/screenshots/${name}-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('a round is published after a preview, then corrected; the original stays readable and every sentence is true', async ({ browser, baseURL }) => {
  test.slow();
  const origin = baseURL!;
  const { name, slug } = await freshJurisdiction(browser, 'Correcta');
  const consultant = await (await browser.newContext()).newPage();
  const focal = await (await browser.newContext()).newPage();
  const admin = await (await browser.newContext()).newPage();
  await loginAs(consultant, demo.consultant);
  await loginAs(focal, demo.focalLima);
  await loginAs(admin, demo.admin);
  const now = new Date();
  const label = `${now.getUTCFullYear()} ${months[now.getUTCMonth()]}`;
  const month = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;

  // A first round: nothing published yet, so no choice to make.
  await consultant.goto(`/jurisdictions/${slug}`);
  await expect(consultant.getByTestId('no-profile')).toHaveText('No profile yet.');
  await expect(consultant.getByTestId('publish-as')).toHaveCount(0);
  await consultant.getByLabel('Content language').selectOption('es');
  await consultant.getByRole('button', { name: 'Start' }).click();
  await expect(consultant).toHaveURL(/\/assessments\/[0-9a-f-]{36}$/);
  const first = consultant.url().split('/').pop()!;
  // From the start of the round, what it will publish as.
  await expect(consultant.getByTestId('publication-plan')).toHaveText(`This round will publish as a new edition, labelled with the month it is published in: ${label} if published this month.`);
  await fillAll(consultant.request, first, origin, TYPO);
  await step(consultant.request, first, origin, 'submit');
  await consultant.reload();
  // The consultant is told what is happening, not what focal points must do.
  await expect(consultant.getByTestId('workflow-idle')).toHaveText('Submitted: the focal points are reviewing it. You can still reply to comments.');
  await expect(consultant.getByTestId('workflow')).not.toContainText('focal point must approve');
  await review(focal, first, origin);

  // The admin publishes from a preview of the public page, and is told which edition it became.
  await admin.goto(`/assessments/${first}`);
  await expect(admin.getByTestId('workflow').getByRole('button', { name: 'Publish' })).toHaveCount(0);
  await admin.getByTestId('review-and-publish').click();
  await expect(admin).toHaveURL(new RegExp(`/assessments/${first}/publish$`));
  await expect(admin.getByTestId('publish-plan')).toHaveText(`Publishing now makes the ${label} edition.`);
  const preview = admin.getByTestId('publish-preview');
  await expect(preview.getByTestId('edition-label')).toHaveText(label);
  await expect(preview.locator('.edition__intro')).toContainText(TYPO);
  await expect(preview.getByTestId('findings-partnerships-strengths')).toContainText('partnerships strengths: texto de la ronda.');
  expect((await (await admin.request.get(`/api/v1/editions?jurisdiction=${slug}`)).json()).editions).toHaveLength(0); // a preview publishes nothing
  await shots(admin, 'publish-preview');
  await admin.getByRole('button', { name: `Publish the ${label} edition` }).click();
  await expect(admin.getByTestId('published-as')).toContainText(`Published as the ${label} edition.`);
  await shots(admin, 'published-as');
  await admin.getByTestId('published-as').getByRole('link', { name: 'Read it on the public site' }).click();
  await expect(admin).toHaveURL(new RegExp(`/profiles/${slug}/${month}\\?lang=es$`));
  await expect(admin.getByTestId('edition-label')).toHaveText(label);

  // The portfolio names the newest edition, and sorts by it.
  await admin.goto(`/admin/portfolio?q=${encodeURIComponent(name)}`);
  const row = admin.getByTestId('portfolio').locator('tbody tr', { hasText: name });
  await expect(row.getByTestId('latest-edition')).toHaveText(label);
  // Lima's editions were imported (the demo data and e2e/support/start-server.ts).
  await admin.goto('/admin/portfolio?q=lima');
  const lima = (await (await admin.request.get('/api/v1/editions?jurisdiction=lima&locale=en')).json()).editions[0];
  const limaRow = admin.getByTestId('portfolio').locator('tbody tr').filter({ has: admin.getByRole('link', { name: 'Lima', exact: true }) });
  await expect(limaRow.first().getByTestId('latest-edition')).toHaveText(lima.label);
  await admin.goto('/admin/portfolio');
  await admin.getByTestId('portfolio').getByRole('link', { name: 'Latest edition' }).click();
  await expect(admin.getByTestId('portfolio').getByRole('columnheader', { name: /Latest edition/ })).toHaveAttribute('aria-sort', 'ascending');
  await shots(admin, 'portfolio-latest-edition');

  // The jurisdiction page lists the edition; a new round this month is proposed as a correction of it.
  await consultant.goto(`/jurisdictions/${slug}`);
  await expect(consultant.getByTestId('jurisdiction-editions').getByRole('link', { name: label })).toBeVisible();
  await expect(consultant.getByText('No profile yet.')).toHaveCount(0);
  const choice = consultant.getByTestId('publish-as');
  await expect(choice.getByLabel(`A correction of ${label}`)).toBeChecked();
  await shots(consultant, 'start-correction');
  await consultant.getByRole('button', { name: 'Start' }).click();
  await expect(consultant).toHaveURL(/\/assessments\/[0-9a-f-]{36}$/);
  const second = consultant.url().split('/').pop()!;
  await expect(consultant.getByTestId('publication-plan')).toHaveText(
    `This round will publish as a correction of the ${label} edition (version 2); the original stays readable at its own address.`,
  );
  // Copied parts say where they come from, beside their green "Complete".
  const partnerships = consultant.getByTestId('overview-partnerships');
  await expect(partnerships).toContainText(`Copied from the ${label} edition, unchanged`);
  await expect(partnerships).toContainText('Complete');
  await expect(consultant.getByText('Not written yet')).toHaveCount(0);
  await shots(consultant, 'round-correction-overview');

  // The consultant fixes the typo in the editor; after a reload the part says it is saved, the others that they are unchanged.
  await consultant.goto(`/assessments/${second}/sections/introduction`);
  const intro = editorOf(consultant, 'introduction', 'body');
  await expect(intro.status).toHaveText('Unchanged in this round');
  await intro.text.getByText('movilidda').click();
  await consultant.keyboard.press('End');
  await consultant.keyboard.type(' Corregido.');
  await expect(intro.status).toHaveText('Saved');
  await consultant.reload();
  await expect(intro.status).toHaveText('Saved');
  await consultant.goto(`/assessments/${second}/sections/partnerships`);
  await expect(editorOf(consultant, 'partnerships', 'strengths').status).toHaveText('Unchanged in this round');
  await fillAll(consultant.request, second, origin, FIXED);
  await step(consultant.request, second, origin, 'submit');
  await review(focal, second, origin);

  // The correction is published with a note saying what changed; a correction needs one.
  await admin.goto(`/assessments/${second}/publish`);
  await expect(admin.getByTestId('publish-plan')).toContainText(`Publishing now makes version 2 of the ${label} edition`);
  await expect(admin.getByTestId('publish-preview').locator('.edition__intro')).toContainText(FIXED);
  await expect(admin.getByLabel('What was corrected (published with the correction and its date)')).toHaveAttribute('required', '');
  await admin.getByLabel('What was corrected (published with the correction and its date)').fill('Typo in the introduction (“movilidda”).');
  await shots(admin, 'publish-correction-preview');
  await admin.getByRole('button', { name: `Publish the correction of ${label}` }).click();
  await expect(admin.getByTestId('published-as')).toContainText(`Published as a correction of the ${label} edition (version 2).`);

  // The public: the dated address shows the correction with its dated note; the original keeps its own address.
  const reader = await (await browser.newContext({ locale: 'en-US' })).newPage();
  await reader.goto(`/profiles/${slug}/${month}`);
  await expect(reader.getByTestId('edition-label')).toHaveText(label);
  await expect(reader.locator('.edition__intro')).toContainText(FIXED);
  const note = reader.getByTestId('correction-note');
  const today = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(now);
  await expect(note).toContainText(`Corrected on ${today}: Typo in the introduction (“movilidda”).`);
  await expect(reader.getByTestId('superseded')).toHaveCount(0);
  await expect(reader.getByTestId('edition-list')).toContainText(`${label} (corrected)`);
  await shots(reader, 'public-corrected');
  await note.getByRole('link', { name: /^Original/ }).click();
  await expect(reader).toHaveURL(new RegExp(`/profiles/${slug}/${month}-v1`));
  await expect(reader.locator('.edition__intro')).toContainText(TYPO);
  await expect(reader.getByTestId('correction-note')).toContainText(`This is the ${label} edition as published on ${today}. It was corrected on ${today}.`);
  await shots(reader, 'public-original');
  await reader.getByTestId('correction-note').getByRole('link', { name: 'Read the corrected edition' }).click();
  await expect(reader.locator('.edition__intro')).toContainText(FIXED);

  // The corrected edition's PDF still downloads; the original's PDF has its own address.
  const [download] = await Promise.all([reader.waitForEvent('download'), reader.getByRole('link', { name: 'Download PDF' }).click()]);
  expect(download.suggestedFilename()).toBe(`mgi-${slug}-${month}-v2-es.pdf`);
  expect(fs.readFileSync((await download.path())!).subarray(0, 5).toString()).toBe('%PDF-');
  for (const path of [`/profiles/${slug}/${month}/pdf`, `/profiles/${slug}/${month}-v1/pdf`]) {
    const pdf = await reader.request.get(path);
    expect(pdf.status(), path).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
  }

  // The API says the same, under fields it already had plus new ones.
  const api = await (await reader.request.get(`/api/v1/editions/${slug}/${month}?locale=en`)).json();
  expect(api).toMatchObject({ edition: month, label, version: 2, versionEdition: `${month}-v2`, corrected: true, correctedBy: null, note: 'Typo in the introduction (“movilidda”).' });
  expect(api.versions.map((v: { edition: string }) => v.edition)).toEqual([`${month}-v1`, `${month}-v2`]);
  const original = await (await reader.request.get(`/api/v1/editions/${slug}/${month}-v1?locale=en`)).json();
  expect(original).toMatchObject({ version: 1, corrected: false, correctedBy: `${month}-v2` });
  expect(JSON.stringify(original.content.introduction)).toContain(TYPO);
  expect((await (await reader.request.get(`/api/v1/editions?jurisdiction=${slug}`)).json()).editions).toHaveLength(1);
});
