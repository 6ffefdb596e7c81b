import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, BrowserContext, Page } from '@playwright/test';
import { expect, test } from './support/app-test';
import { demo, loginAs } from './support/auth';
import { freshJurisdiction } from './support/jurisdictions';
import { editorOf, openProfile } from './support/profiles';
import { titleMarker, xssPayloads } from './support/xss-payloads';

/*
 * The XSS corpus, entered every way text gets into the app — the editor (typed
 * and pasted HTML), the API, comments, workflow and review notes, titles,
 * jurisdiction and user names, imported files — then every page that shows it
 * opened in Chromium. Nothing may run: no dialog opens, the content security
 * policy reports no violation (an injected script or handler would trigger
 * one), and no javascript: URL is in the DOM.
 */

const payloads = [...xssPayloads, titleMarker];
const chunk = <T,>(items: T[], size: number) => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));
const paragraphs = (texts: string[]) => ({ type: 'doc', content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });
const bullets = (texts: string[]) => ({
  type: 'doc',
  content: [{ type: 'bulletList', content: texts.map((text) => ({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })) }],
});
const pick = (i: number) => payloads[i % payloads.length];

type Findings = { dialogs: string[]; problems: string[] };

async function watched(context: BrowserContext, findings: Findings) {
  await context.addInitScript(() => {
    (window as unknown as { __violations: string[] }).__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __violations: string[] }).__violations.push(`${e.violatedDirective}: ${e.sample || e.blockedURI}`);
    });
  });
  context.on('page', (p) => p.on('dialog', (d) => (findings.dialogs.push(`${p.url()}: ${d.type()} ${d.message()}`), void d.dismiss())));
}

/** Opens a page and records anything that ran or could run. */
async function inspect(page: Page, url: string, findings: Findings, options: { print?: boolean } = {}) {
  const response = await page.goto(url);
  expect(response?.status(), url).toBeLessThan(400);
  if (options.print) await page.emulateMedia({ media: 'print' });
  await collect(page, url, findings);
  if (options.print) await page.emulateMedia({ media: 'screen' });
}

async function collect(page: Page, url: string, findings: Findings) {
  await page.waitForLoadState('networkidle');
  // Give handlers that wait for focus, animation or load a moment to fire.
  await page.mouse.move(200, 300);
  await page.mouse.move(400, 500);
  await page.waitForTimeout(300);
  const seen = await page.evaluate(() => {
    const urlAttributes = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'poster', 'background'];
    const jsUrls: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const name of urlAttributes) {
        const value = el.getAttribute(name);
        if (value && /^\s*(javascript|vbscript|data:text\/html)/i.test(value.replace(/[\u0000-\u0020\u200b]/g, ''))) jsUrls.push(`${el.tagName} ${name}=${value}`);
      }
      for (const attr of Array.from(el.attributes)) if (/^on/i.test(attr.name)) jsUrls.push(`${el.tagName} ${attr.name}=${attr.value}`);
    }
    return { jsUrls, violations: (window as unknown as { __violations: string[] }).__violations, title: document.title };
  });
  for (const v of seen.violations) findings.problems.push(`${url}: policy violation ${v}`);
  for (const j of seen.jsUrls) findings.problems.push(`${url}: ${j}`);
  if (seen.title === 'XSS') findings.problems.push(`${url}: a payload renamed the page`);
}

async function api(request: APIRequestContext, baseURL: string, method: 'POST' | 'PUT' | 'PATCH', url: string, data: unknown) {
  const response = await request.fetch(url, { method, data, headers: { origin: baseURL } });
  expect(response.status(), `${method} ${url}: ${await response.text()}`).toBeLessThan(300);
  return response.json();
}

test('the XSS corpus, entered every way text gets in, runs nowhere', async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  expect(xssPayloads.length).toBeGreaterThanOrEqual(150);
  const findings: Findings = { dialogs: [], problems: [] };
  const contexts = { consultant: await browser.newContext(), focal: await browser.newContext(), admin: await browser.newContext(), reader: await browser.newContext({ locale: 'en-US' }) };
  for (const c of Object.values(contexts)) await watched(c, findings);
  const consultant = await contexts.consultant.newPage();
  const focal = await contexts.focal.newPage();
  const admin = await contexts.admin.newPage();
  const reader = await contexts.reader.newPage();
  // The detectors work: markup injected past the app is reported.
  const control: Findings = { dialogs: [], problems: [] };
  await reader.goto('/about');
  await reader.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), '<img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a>');
  await collect(reader, 'control', control);
  expect(control.problems.join('\n')).toMatch(/policy violation script-src/);
  expect(control.problems.join('\n')).toMatch(/A href=javascript:alert\(1\)/);
  expect(control.problems.join('\n')).toMatch(/IMG onerror=alert\(1\)/);

  await loginAs(consultant, demo.consultant);
  await loginAs(focal, demo.focalLima);
  await loginAs(admin, demo.admin);

  // Through the API: every part, as paragraphs and as bullets.
  // A jurisdiction of this spec's own: what it publishes and the state it leaves touch no other spec.
  const own = await freshJurisdiction(browser, 'Xss');
  const id = await openProfile(consultant.request, own.slug, 'es', baseURL!);
  const current = await (await consultant.request.get(`/api/v1/assessments/${id}`)).json();
  const base = `/api/v1/assessments/${id}`;
  await api(consultant.request, baseURL!, 'PUT', `${base}/sections/introduction/body`, { doc: paragraphs(payloads), baseRevision: current.sections.introduction.body.revision });
  const domains = ['migrants_rights', 'whole_of_government', 'partnerships', 'well_being', 'mobility_crises', 'safe_orderly_regular'];
  for (const [n, d] of domains.entries()) {
    for (const [k, part] of (['strengths', 'potential'] as const).entries()) {
      const texts = payloads.filter((_, i) => i % 12 === n * 2 + k);
      await api(consultant.request, baseURL!, 'PUT', `${base}/sections/${d}/${part}`, { doc: bullets(texts), baseRevision: current.sections[d][part].revision });
    }
  }

  // Typed into the editor, and pasted into it as HTML.
  await consultant.goto(`/assessments/${id}/sections/mobility_crises`);
  const typed = editorOf(consultant, 'mobility_crises', 'strengths');
  await typed.text.click();
  await consultant.keyboard.press('Control+End');
  for (const p of [pick(0), pick(20), pick(45)]) {
    await consultant.keyboard.press('Enter');
    await consultant.keyboard.type(p);
  }
  await expect(typed.status).toHaveText('Saved');
  const pasted = editorOf(consultant, 'mobility_crises', 'potential');
  await pasted.text.click();
  await consultant.keyboard.press('Control+End');
  await consultant.evaluate((html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', html);
    (document.activeElement as HTMLElement).dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, payloads.join('<br>'));
  await expect(pasted.status).toHaveText('Saved');
  await expect(pasted.text.locator('img, svg, iframe, script, object, embed, video, audio, form, input, style, math, [onerror], [onload]')).toHaveCount(0);

  // The title, through its form.
  await consultant.goto(`/assessments/${id}`);
  await consultant.getByLabel('Title', { exact: true }).fill(`Perfil ${pick(1)} ${pick(60)}`);
  await expect(consultant.getByTestId('title-status')).toHaveText('Saved'); // the title saves itself

  // Comment threads, five payloads to a comment; once in review, the focal point replies with more.
  const threads: string[] = [];
  for (const [i, bodyParts] of chunk(payloads, 5).entries()) {
    const { thread } = await api(consultant.request, baseURL!, 'POST', `${base}/comments`, { domain: 'introduction', part: 'body', quote: 'alert', occurrence: i, body: bodyParts.join('\n') });
    threads.push(thread.id);
  }

  // Workflow and review notes, through a whole round to publication.
  await api(consultant.request, baseURL!, 'POST', `${base}/transitions`, { action: 'submit', note: pick(2) });
  for (const [i, threadId] of threads.entries()) {
    if (i % 4 === 0) await api(focal.request, baseURL!, 'POST', `${base}/comments`, { threadId, body: [pick(i), pick(i + 50), pick(i + 100)].join(' ') });
  }
  await api(focal.request, baseURL!, 'POST', `${base}/domains/partnerships/review`, { decision: 'request_changes', note: pick(3) });
  await api(focal.request, baseURL!, 'POST', `${base}/transitions`, { action: 'request_changes', note: pick(4) });
  await api(consultant.request, baseURL!, 'POST', `${base}/transitions`, { action: 'submit', note: pick(5) });
  for (const d of domains) await api(focal.request, baseURL!, 'POST', `${base}/domains/${d}/review`, { decision: 'accept', note: pick(6) });
  await api(focal.request, baseURL!, 'POST', `${base}/transitions`, { action: 'approve', note: pick(7) });
  await api(admin.request, baseURL!, 'POST', `${base}/transitions`, { action: 'publish', note: pick(8) });

  // A jurisdiction and a user named with payloads, through the admin forms.
  await admin.goto('/admin/jurisdictions');
  const create = admin.getByRole('region', { name: 'New jurisdiction' });
  await create.getByLabel('Name').fill(`Villa ${pick(9)}`);
  await create.getByLabel('Slug').fill('xss-villa');
  await create.getByLabel('Country').selectOption({ label: 'Chile' });
  await create.getByRole('button', { name: 'Create jurisdiction' }).click();
  await expect(admin.getByRole('status').or(admin.locator('.notice--ok')).first()).toBeVisible();
  await admin.goto('/admin/users');
  const invite = admin.getByRole('region', { name: 'Invite a user' });
  await invite.getByLabel('Name').fill(`Eve ${pick(11)}`);
  await invite.getByLabel('Email').fill('eve.xss@example.org');
  await invite.getByRole('button', { name: 'Invite' }).click();
  await expect(admin.getByTestId('one-time-link')).toBeVisible();

  // Two imported editions of a jurisdiction whose name, title and bullets are payloads.
  const seed = fs.readFileSync(path.resolve('seeds/portal-pages/huaquillas-2024-06.fr-ui.es.txt'), 'utf8');
  let n = 0;
  const hostile = (label: string) =>
    seed
      .replace(/^ {2}• .*$/gm, () => `  • ${pick(n++)}`)
      .replace('2024 Juin', label)
      .replace(': Cantón Huaquillas (Ecuador)', `: Cantón Xssia ${pick(12)} (Ecuador)`);
  await admin.goto('/admin/import');
  await admin.getByLabel('Files saved from the portal').setInputFiles([
    { name: 'xss-2021-03.txt', mimeType: 'text/plain', buffer: Buffer.from(hostile('2021 Mars')) },
    { name: 'xss-2021-04.txt', mimeType: 'text/plain', buffer: Buffer.from(hostile('2021 Avril')) },
  ]);
  await expect(admin.getByRole('status')).toHaveText('2 ready to import, 0 already imported, 0 refused.');
  await admin.getByRole('button', { name: 'Import 2 files' }).click();
  await expect(admin.getByRole('status')).toHaveText('2 imported, 0 already imported, 0 refused.');
  await inspect(admin, '/admin/import', findings);
  const slug = (await admin.request.get('/api/v1/editions').then((r) => r.json())).editions.find((e: { title: string }) => e.title.includes('Xssia')).jurisdiction as string;

  // Every page that shows any of it.
  const month = new Date().toISOString().slice(0, 7);
  for (const url of [
    '/',
    `/assessments/${id}`,
    `/assessments/${id}/sections/introduction`,
    `/assessments/${id}/sections/partnerships`,
    `/assessments/${id}/sections/mobility_crises`,
    `/assessments/${id}/comments`,
    `/assessments/${id}/sections/introduction/body/history`,
    `/assessments/${id}/sections/mobility_crises/potential/history`,
    '/inbox',
  ]) {
    await inspect(consultant, url, findings);
  }
  for (const url of ['/', `/assessments/${id}/sections/partnerships`, `/assessments/${id}/comments`, '/inbox']) await inspect(focal, url, findings);
  for (const url of ['/admin', '/admin/users', '/admin/jurisdictions', '/admin/portfolio', '/admin/outbox', '/jurisdictions/xss-villa']) await inspect(admin, url, findings);
  for (const url of [
    '/profiles',
    `/profiles?q=${encodeURIComponent(pick(13))}`,
    `/profiles/${own.slug}/${month}?lang=es`,
    `/profiles/${slug}`,
    `/profiles/${slug}/2021-03`,
    `/profiles/${slug}/compare?from=2021-03&to=2021-04`,
  ]) {
    await inspect(reader, url, findings);
  }
  await inspect(reader, `/profiles/${own.slug}/${month}?lang=es`, findings, { print: true });

  // The payloads did arrive, as text.
  await reader.goto(`/profiles/${own.slug}/${month}?lang=es`);
  await expect(reader.getByText('<script>alert(1)</script>', { exact: true }).first()).toBeVisible();
  await reader.screenshot({ path: 'test-results/screenshots/xss-public-edition.png' });
  await consultant.goto(`/assessments/${id}/comments`);
  await expect(consultant.getByText('<svg onload=alert(1)>', { exact: false }).first()).toBeVisible();
  await consultant.screenshot({ path: 'test-results/screenshots/xss-comments.png' });

  expect(findings.dialogs).toEqual([]);
  expect(findings.problems).toEqual([]);
  for (const c of Object.values(contexts)) await c.close();
});
