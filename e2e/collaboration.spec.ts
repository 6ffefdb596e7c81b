import { expect, test } from './support/app-test';
import { apiTokens, demo, loginAs, loginViaApi } from './support/auth';
import { editorOf, openProfile } from './support/profiles';

const para = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

test('20 parallel API saves on one base revision: one succeeds, 19 get the current text', async ({ request, baseURL }) => {
  await loginViaApi(request, demo.consultant);
  const id = await openProfile(request, 'huaquillas', 'en', baseURL!);
  const current = await (await request.get(`/api/v1/assessments/${id}`)).json();
  const base = current.sections.partnerships.strengths.revision;
  const url = `/api/v1/assessments/${id}/sections/partnerships/strengths`;
  const answers = await Promise.all(
    Array.from({ length: 20 }, (_, i) => request.put(url, { data: { doc: para(`writer ${i}`), baseRevision: base }, headers: { origin: baseURL! } })),
  );
  const statuses = answers.map((a) => a.status()).sort();
  expect(statuses.filter((s) => s === 200)).toHaveLength(1);
  expect(statuses.filter((s) => s === 409)).toHaveLength(19);
  const conflict = await answers.find((a) => a.status() === 409)!.json();
  expect(conflict).toMatchObject({ error: { code: 'revision_conflict' }, revision: base + 1 });
  expect(conflict.doc.content[0].content[0].text).toMatch(/^writer \d+$/);
});

test('the API refuses bad documents and foreign origins, and answers 404 to strangers', async ({ request, baseURL }) => {
  await loginViaApi(request, demo.consultant);
  const id = await openProfile(request, 'huaquillas', 'en', baseURL!);
  const url = `/api/v1/assessments/${id}/sections/introduction/body`;
  const evil = await request.put(url, {
    data: { doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] }, baseRevision: 0 },
    headers: { origin: baseURL! },
  });
  expect(evil.status()).toBe(400);
  expect((await evil.json()).error.message).toMatch(/link target "javascript:alert\(1\)" is not allowed/);
  const foreign = await request.put(url, { data: { doc: para('x'), baseRevision: 0 }, headers: { origin: 'https://evil.example' } });
  expect(foreign.status()).toBe(403);
  const badPart = await request.put(`/api/v1/assessments/${id}/sections/introduction/strengths`, {
    data: { doc: para('x'), baseRevision: 0 },
    headers: { origin: baseURL! },
  });
  expect(badPart.status()).toBe(404);
  const notJson = await request.put(url, { data: 'doc=1', headers: { origin: baseURL!, 'content-type': 'text/plain' } });
  expect(notJson.status()).toBe(415);

  const sonora = apiTokens().focalSonora;
  const stranger = await request.put(url, { data: { doc: para('x'), baseRevision: 0 }, headers: { authorization: `Bearer ${sonora}` } });
  expect(stranger.status()).toBe(404);
  const openapi = await request.get('/api/v1/openapi.json');
  expect((await openapi.json()).paths).toHaveProperty(['/api/v1/assessments/{id}/sections/{domain}/{part}']);
});

test('people see who else has a part open', async ({ browser, baseURL }) => {
  // A second consultant on Huaquillas, set up by the admin.
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await loginAs(adminPage, demo.admin);
  const suffix = Math.random().toString(36).slice(2, 7);
  await adminPage.goto('/admin/users');
  const invite = adminPage.getByRole('region', { name: 'Invite a user' });
  await invite.getByLabel('Name').fill(`Paula ${suffix}`);
  await invite.getByLabel('Email').fill(`paula.${suffix}@example.org`);
  await invite.getByRole('button', { name: 'Invite' }).click();
  const link = (await adminPage.getByTestId('one-time-link').textContent())!;
  await adminPage.getByRole('link', { name: `Manage: Paula ${suffix}` }).click();
  // The list page's invitation form has a Jurisdiction field too: choose only once Paula's page is there.
  await expect(adminPage.getByRole('heading', { level: 1, name: `Paula ${suffix}` })).toBeVisible();
  await adminPage.getByLabel('Jurisdiction').selectOption({ label: 'Cantón Huaquillas' });
  await adminPage.getByLabel('Role', { exact: true }).selectOption({ label: 'Consultant' });
  await adminPage.getByRole('button', { name: 'Give role' }).click();
  await expect(adminPage.getByText('Roles saved.')).toBeVisible();
  await admin.close();

  const paula = await browser.newContext();
  const pp = await paula.newPage();
  await pp.goto(link);
  await pp.getByLabel('New password').fill('paula long password');
  await pp.getByLabel('Repeat the password').fill('paula long password');
  await pp.getByRole('button', { name: 'Save password' }).click();
  await expect(pp.getByText('Your password is set.')).toBeVisible();
  await loginViaApi(pp.request, `paula.${suffix}@example.org`, 'paula long password');

  const carlos = await browser.newContext();
  const cp = await carlos.newPage();
  await loginAs(cp, demo.consultant);
  const id = await openProfile(cp.request, 'huaquillas', 'en', baseURL!);
  await cp.goto(`/assessments/${id}/sections/mobility_crises`);
  await pp.goto(`/assessments/${id}/sections/mobility_crises`);
  // Whoever comes first, each sees the other without waiting for a heartbeat (every 15 s) and without
  // reloading: a newcomer whose marker is stored says so live, and the others ask the server again.
  await expect(editorOf(pp, 'mobility_crises', 'strengths').root.getByTestId('presence')).toContainText('Carlos Consultant');
  await expect(editorOf(cp, 'mobility_crises', 'strengths').root.getByTestId('presence')).toContainText(`Paula ${suffix}`);
  await paula.close();
  await carlos.close();
});
