import fs from 'node:fs';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './support/app-test';
import { demo, loginAs } from './support/auth';
import { editorOf, openProfile, selectText } from './support/profiles';
import { OLD_BULLET } from './support/editions';

const slots = [
  ['introduction', 'body'],
  ...['migrants_rights', 'whole_of_government', 'partnerships', 'well_being', 'mobility_crises', 'safe_orderly_regular'].flatMap((d) => [
    [d, 'strengths'],
    [d, 'potential'],
  ]),
];

const SENTENCE = 'La municipalité a adopté un plan local de mobilité humaine.';
const WEAK_SENTENCE = 'Le plan manque encore de budget.';

async function fillAll(request: APIRequestContext, id: string, origin: string) {
  const profile = await (await request.get(`/api/v1/assessments/${id}`)).json();
  for (const [section, part] of slots) {
    const revision = profile.sections[section][part].revision;
    const text = section === 'migrants_rights' && part === 'strengths' ? `${SENTENCE} ${WEAK_SENTENCE}` : `${section} ${part} text`;
    const doc = { type: 'doc', content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }] }] };
    const response = await request.put(`/api/v1/assessments/${id}/sections/${section}/${part}`, { data: { doc, baseRevision: revision }, headers: { origin } });
    expect(response.status()).toBe(200);
  }
}

test('a round in three browsers: submit, request changes with a note, resubmit, approve, then the admin may publish', async ({ browser, baseURL }) => {
  test.slow(); // three browsers and dozens of pages: on a busy machine this takes minutes, not seconds
  const consultant = await browser.newContext();
  const focal = await browser.newContext();
  const admin = await browser.newContext();
  const cp = await consultant.newPage();
  const fp = await focal.newPage();
  const ap = await admin.newPage();
  await loginAs(cp, demo.consultant);
  await loginAs(fp, demo.focalLima);
  await loginAs(ap, demo.admin);

  // A new Lima round in French (other specs use the Spanish and English ones) starts as a copy of
  // the latest French edition (2022-08, seeded); the consultant empties the introduction.
  const id = await openProfile(cp.request, 'lima', 'fr', baseURL!);
  const copied = await (await cp.request.get(`/api/v1/assessments/${id}`)).json();
  expect(JSON.stringify(copied.sections.migrants_rights.strengths.doc)).toContain(OLD_BULLET);
  const emptied = await cp.request.put(`/api/v1/assessments/${id}/sections/introduction/body`, {
    data: { doc: { type: 'doc', content: [{ type: 'paragraph' }] }, baseRevision: copied.sections.introduction.body.revision },
    headers: { origin: baseURL! },
  });
  expect(emptied.status()).toBe(200);
  await cp.goto(`/assessments/${id}`);
  const workflow = cp.getByTestId('workflow');
  await workflow.getByRole('button', { name: 'Submit for review' }).click();
  await expect(workflow.getByRole('alert')).toContainText('These parts are still empty');

  await fillAll(cp.request, id, baseURL!);
  await cp.reload();
  await workflow.getByLabel('Note').fill('Première version complète.');
  await workflow.getByRole('button', { name: 'Submit for review' }).click();
  await expect(workflow.getByText('Submitted for review.')).toBeVisible();
  await expect(cp.getByText('In review').first()).toBeVisible();
  // The text cannot change now.
  await cp.goto(`/assessments/${id}/sections/partnerships`);
  await expect(cp.getByRole('textbox')).toHaveCount(0);

  // The focal point's dashboard lists it as awaiting review.
  await fp.goto('/');
  await expect(fp.getByTestId('queue-toReview').getByRole('link', { name: 'Lima' })).toBeVisible();
  await fp.getByTestId('queue-toReview').getByRole('link', { name: 'Lima' }).first().click();
  await expect(fp).toHaveURL(new RegExp(`/assessments/${id}$`));
  const fw = fp.getByTestId('workflow');
  await expect(fw.getByRole('button', { name: 'Submit for review' })).toHaveCount(0);

  // The focal point points at a sentence and says what is wrong with it.
  await fp.goto(`/assessments/${id}/sections/migrants_rights`);
  const strengths = fp.locator('section[aria-labelledby="part-strengths"]');
  // Without a selection the button says what to do first (it stays focusable, so it is aria-disabled).
  await expect(strengths.getByRole('button', { name: 'Comment on the selected passage' })).toHaveAttribute('aria-disabled', 'true');
  await strengths.getByRole('button', { name: 'Comment on the selected passage' }).click({ force: true });
  await expect(strengths.getByRole('status')).toHaveText('Select a passage in the text first.');
  await selectText(fp, strengths.locator('.rendered-part'), WEAK_SENTENCE);
  await strengths.getByRole('button', { name: 'Comment on the selected passage' }).click();
  const composer = fp.getByRole('form', { name: 'Your comment on this passage' });
  await expect(composer.locator('blockquote')).toHaveText(WEAK_SENTENCE);
  await composer.getByLabel('Comment').fill('Quel montant ? Citer la ligne budgétaire de 2024.');
  await composer.getByRole('button', { name: 'Post comment' }).click();
  const panel = fp.getByTestId('comment-panel');
  await expect(panel.getByTestId('thread')).toHaveCount(1);
  await expect(panel.getByTestId('thread')).toContainText('Quel montant ? Citer la ligne budgétaire de 2024.');
  await expect(panel).toContainText('1 open comment');
  const highlighted = strengths.locator('.rendered-part [data-thread-id]');
  await expect(highlighted).toHaveText(WEAK_SENTENCE);
  await expect(highlighted).toHaveCSS('background-color', 'rgb(255, 244, 204)');
  await fp.screenshot({ path: 'test-results/screenshots/comment-panel-review.png', fullPage: true });
  await fp.setViewportSize({ width: 390, height: 844 });
  await fp.screenshot({ path: 'test-results/screenshots/comment-panel-phone.png', fullPage: true });
  await fp.setViewportSize({ width: 1280, height: 720 });
  await fp.goto(`/assessments/${id}`);
  await expect(fp.getByTestId('overview-migrants_rights').getByTestId('comment-count')).toHaveText('1 open comment');
  await fw.getByRole('button', { name: 'Request changes' }).click();
  await expect(fw.getByRole('alert')).toContainText('a note is required');
  await fw.getByLabel('Note').fill('Ajouter le plan de contingence local.');
  await fw.getByRole('button', { name: 'Request changes' }).click();
  await expect(fw.getByText('Changes requested')).toBeVisible();

  await cp.goto('/');
  await expect(cp.getByTestId('queue-changesRequested').getByRole('link', { name: 'Lima' })).toBeVisible();
  await cp.screenshot({ path: 'test-results/screenshots/dashboard-consultant.png', fullPage: true });
  await cp.goto(`/assessments/${id}`);
  await expect(cp.getByTestId('workflow-history')).toContainText('Ajouter le plan de contingence local.');

  // The consultant sees the highlighted sentence in the editor, fixes it, replies and resolves.
  await cp.goto(`/assessments/${id}/sections/migrants_rights`);
  const editor = editorOf(cp, 'migrants_rights', 'strengths');
  const mark = editor.text.locator('[data-thread-id]');
  await expect(mark).toHaveText(WEAK_SENTENCE);
  await expect(mark).toHaveCSS('background-color', 'rgb(255, 244, 204)');
  await mark.click();
  await cp.keyboard.press('Control+End');
  await cp.keyboard.type(' Il dispose de 120 000 USD en 2024.');
  await expect(editor.status).toHaveText('Saved');
  const thread = cp.getByTestId('comment-panel').getByTestId('thread');
  await thread.getByLabel('Your reply').fill('Montant ajouté : 120 000 USD (ligne 4.2).');
  await thread.getByRole('button', { name: 'Reply' }).click();
  await expect(thread).toContainText('Montant ajouté : 120 000 USD (ligne 4.2).');
  await cp.screenshot({ path: 'test-results/screenshots/comment-panel-editor.png', fullPage: true });
  await thread.getByRole('button', { name: 'Resolve' }).click();
  await expect(cp.getByTestId('comment-panel')).toContainText('No open comments');
  await expect(cp.getByTestId('comment-panel').getByText('1 resolved comment')).toBeVisible();
  // Resolved: the passage is no longer highlighted.
  await expect(mark).not.toHaveCSS('background-color', 'rgb(255, 244, 204)');

  // The consultant can also start a thread from the editor's toolbar; the editor keeps saving without a conflict.
  await selectText(cp, editor.text, 'plan local');
  await editor.root.getByRole('button', { name: 'Comment', exact: true }).click();
  await cp.getByRole('form', { name: 'Your comment on this passage' }).getByLabel('Comment').fill('Vérifier le nom exact du plan.');
  await cp.getByRole('form', { name: 'Your comment on this passage' }).getByRole('button', { name: 'Post comment' }).click();
  await expect(editor.text.locator('[data-thread-id]')).toHaveCount(2);
  await expect(cp.getByTestId('comment-panel')).toContainText('1 open comment');
  await editor.text.click();
  await cp.keyboard.press('Control+End');
  await cp.keyboard.type(' Fin.');
  await expect(editor.status).toHaveText('Saved');
  const threads = await (await cp.request.get(`/api/v1/assessments/${id}/comments`)).json();
  expect(threads.threads.map((t: { quote: string; status: string; comments: unknown[] }) => [t.quote, t.status, t.comments.length])).toEqual([
    [WEAK_SENTENCE, 'resolved', 2],
    ['plan local', 'open', 1],
  ]);
  await cp.goto(`/assessments/${id}`);
  await cp.getByTestId('workflow').getByRole('button', { name: 'Submit for review' }).click();
  await expect(cp.getByText('Submitted for review.')).toBeVisible();

  // Domain by domain: approval waits until all six are accepted.
  await fp.goto(`/assessments/${id}`);
  await fp.getByTestId('workflow').getByRole('button', { name: 'Approve' }).click();
  await expect(fp.getByTestId('workflow').getByRole('alert')).toContainText('Accept every domain before approving');
  await fp.goto(`/assessments/${id}/sections/migrants_rights`);
  await fp.screenshot({ path: 'test-results/screenshots/domain-review.png', fullPage: true });
  await fp.getByTestId('domain-review').getByRole('button', { name: 'Accept this domain' }).click();
  await expect(fp.getByText('Your review is saved.')).toBeVisible();
  await expect(fp.getByTestId('domain-mark')).toContainText('Accepted by Lucía Focal (Lima)');
  for (const domain of ['whole_of_government', 'partnerships', 'well_being', 'mobility_crises', 'safe_orderly_regular']) {
    const r = await fp.request.post(`/api/v1/assessments/${id}/domains/${domain}/review`, { data: { decision: 'accept' }, headers: { origin: baseURL! } });
    expect(r.status()).toBe(200);
  }
  await fp.goto(`/assessments/${id}`);
  await expect(fp.getByTestId('accepted')).toHaveText('6 of 6 domains accepted');
  const profileJson = await (await fp.request.get(`/api/v1/assessments/${id}`)).json();
  expect(profileJson.sections.partnerships.review).toMatchObject({ decision: 'accepted', reviewer: 'Lucía Focal (Lima)' });
  await fp.getByTestId('workflow').getByRole('button', { name: 'Approve' }).click();
  await expect(fp.getByText('Approved.')).toBeVisible();
  await fp.screenshot({ path: 'test-results/screenshots/workflow-approved.png', fullPage: true });

  await ap.goto('/');
  await expect(ap.getByTestId('queue-toPublish').getByRole('link', { name: 'Lima' })).toBeVisible();
  await ap.screenshot({ path: 'test-results/screenshots/dashboard-admin.png', fullPage: true });
  // The admin is notified in the app, and the email waits in the outbox (no SMTP in tests).
  await expect(ap.getByTestId('inbox-link')).toContainText(/Inbox\s*\d+/);
  await ap.getByTestId('inbox-link').click();
  await expect(ap.getByTestId('inbox').getByRole('listitem').first()).toContainText('Lucía Focal (Lima) approved a profile');
  await ap.screenshot({ path: 'test-results/screenshots/inbox.png', fullPage: true });
  await ap.goto('/admin/outbox');
  await expect(ap.getByTestId('outbox')).toContainText('admin@example.org');
  // An email's text opens in place, as it was sent (a details element: no script needed).
  const email = ap.getByTestId('outbox').locator('tr', { hasText: 'admin@example.org' }).first();
  await email.getByText('Read the email').click();
  await expect(email.locator('pre')).toContainText('http');
  await ap.screenshot({ path: 'test-results/screenshots/outbox.png', fullPage: true });
  await ap.goto('/jurisdictions/lima');
  await ap.screenshot({ path: 'test-results/screenshots/jurisdiction.png', fullPage: true });
  await ap.goto(`/assessments/${id}`);
  // Where the round began (from the edition it copied), then its four steps.
  await expect(ap.getByTestId('workflow-history').getByRole('listitem')).toHaveCount(5);
  await expect(ap.getByTestId('workflow-history').getByRole('listitem').first()).toContainText(/^Started/);

  // The admin publishes after a preview: the profile becomes this month's edition, public at once.
  const now = new Date();
  const month = now.getUTCMonth();
  await ap.getByTestId('review-and-publish').click();
  await ap.getByRole('button', { name: /^Publish the \d{4} \w+ edition$/ }).click();
  await expect(ap.getByTestId('published-as')).toContainText(/Published as the \d{4} \w+ edition\./);
  const slug = `${now.getUTCFullYear()}-${String(month + 1).padStart(2, '0')}`;
  const names = {
    en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    fr: ['Janvier', 'Février', 'Mars', 'Avril', 'Mai', 'Juin', 'Juillet', 'Août', 'Septembre', 'Octobre', 'Novembre', 'Décembre'],
    es: ['Enero', 'Febrero', 'Marzo', 'Abril', 'Mayo', 'Junio', 'Julio', 'Agosto', 'Septiembre', 'Octubre', 'Noviembre', 'Diciembre'],
  };
  const reader = await browser.newContext({ locale: 'en-US' });
  const rp = await reader.newPage();
  const response = await rp.goto(`/profiles/lima/${slug}`);
  // A dated page changes when a newer edition appears (superseded notice): never immutable.
  expect(response?.headers()['cache-control']).toBe('private, no-cache');
  await expect(rp.getByTestId('edition-label')).toHaveText(`${now.getUTCFullYear()} ${names.en[month]}`);
  await expect(rp.getByRole('heading', { level: 1 })).toHaveText('Profil de gouvernance des migrations : Lima (Pérou)');
  await expect(rp.getByTestId('findings-migrants_rights-strengths')).toContainText(WEAK_SENTENCE);
  await expect(rp.locator('[data-thread-id]')).toHaveCount(0); // review comments are not published
  await rp.screenshot({ path: 'test-results/screenshots/public-edition-desktop.png', fullPage: true });
  for (const locale of ['fr', 'es', 'en'] as const) {
    await rp.locator('#locale-select').selectOption(locale);
    await expect(rp.getByTestId('edition-label')).toHaveText(`${now.getUTCFullYear()} ${names[locale][month]}`);
  }
  await rp.setViewportSize({ width: 390, height: 844 });
  await rp.screenshot({ path: 'test-results/screenshots/public-edition-phone.png', fullPage: true });
  // The earlier edition says it is superseded and links to the newest; the two compare domain by domain.
  await rp.setViewportSize({ width: 1280, height: 800 });
  await rp.goto('/profiles/lima/2022-08');
  await expect(rp.getByTestId('edition-label')).toHaveText('2022 August');
  await rp.getByTestId('superseded').getByRole('link').click();
  await expect(rp).toHaveURL(new RegExp(`/profiles/lima/${slug}$`));
  await rp.getByLabel('Older edition').selectOption('2022-08');
  await rp.getByRole('button', { name: 'Compare' }).click();
  const changed = rp.getByTestId('compare-migrants_rights');
  await expect(changed.locator('del', { hasText: 'prépare' })).toBeVisible();
  await expect(changed.locator('ins', { hasText: 'adopté' }).first()).toBeVisible();
  await rp.screenshot({ path: 'test-results/screenshots/public-compare.png', fullPage: true });
  // The PDF downloads and holds the title (PDF strings with accents are UTF-16).
  await rp.goto(`/profiles/lima/${slug}`);
  const [download] = await Promise.all([rp.waitForEvent('download'), rp.getByRole('link', { name: 'Download PDF' }).click()]);
  expect(download.suggestedFilename()).toBe(`mgi-lima-${slug}-fr.pdf`);
  const pdf = fs.readFileSync((await download.path())!);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const utf16 = (text: string) => Buffer.from(text, 'utf16le').swap16();
  expect(pdf.includes(utf16('Profil de gouvernance des migrations : Lima '))).toBe(true);
  // The public list finds it.
  await rp.goto('/profiles?q=lim');
  await expect(rp.getByTestId('published-profiles').getByRole('link', { name: 'Lima', exact: true })).toBeVisible();
  await rp.screenshot({ path: 'test-results/screenshots/public-list.png', fullPage: true });
  await reader.close();

  // Without JavaScript, each domain of the wheel leads to its findings.
  const noJs = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
  const np = await noJs.newPage();
  await np.goto(`/profiles/lima/${slug}`);
  const wheel = np.locator('.wheel__svg');
  for (const [key, name] of [
    ['migrants_rights', 'Droits des migrants'],
    ['whole_of_government', "Approche associant l'ensemble du gouvernement"],
    ['partnerships', 'Partenariats'],
    ['well_being', 'Bien-être des migrants'],
    ['mobility_crises', 'Aspects des crises relatifs à la mobilité'],
    ['safe_orderly_regular', 'Migrations sûres, ordonnées et régulières'],
  ]) {
    await wheel.getByRole('link', { name }).click();
    await expect(np).toHaveURL(new RegExp(`#domain-${key}$`));
    await expect(np.locator(`#domain-${key}`)).toBeInViewport();
    await expect(np.getByTestId(`findings-${key}-strengths`).locator('li').first()).toBeVisible();
  }
  await noJs.close();

  // The Sonora focal point never sees it, page or API.
  const sonora = await browser.newContext();
  const sp = await sonora.newPage();
  await loginAs(sp, demo.focalSonora);
  expect((await sp.goto(`/assessments/${id}`))?.status()).toBe(404);
  const api = await sp.request.post(`/api/v1/assessments/${id}/transitions`, { data: { action: 'approve' }, headers: { origin: baseURL! } });
  expect(api.status()).toBe(404);
  expect((await sp.request.get(`/api/v1/assessments/${id}/comments`)).status()).toBe(404);
  expect((await sp.goto(`/assessments/${id}/comments`))?.status()).toBe(404);
  await sp.goto('/');
  await expect(sp.getByRole('link', { name: 'Lima' })).toHaveCount(0);
  // The consultant has a role but not this right; approving an approved profile is a state conflict for the focal point.
  expect((await cp.request.post(`/api/v1/assessments/${id}/transitions`, { data: { action: 'approve' }, headers: { origin: baseURL! } })).status()).toBe(403);
  expect((await fp.request.post(`/api/v1/assessments/${id}/transitions`, { data: { action: 'approve' }, headers: { origin: baseURL! } })).status()).toBe(409);
  for (const c of [consultant, focal, admin, sonora]) await c.close();
});
