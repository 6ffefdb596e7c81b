import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './support/app-test';
import { demo, loginAs } from './support/auth';
import { openProfile } from './support/profiles';

/*
 * Malformed requests to every API endpoint: each gets a 4xx whose message says
 * what is wrong, and none changes anything (the profile and its comments read
 * the same before and after the whole run).
 */

type Case = {
  name: string;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH';
  /** Relative to /api/v1; `{id}` and `{thread}` are filled in. */
  path: string;
  body?: unknown;
  /** A raw body, sent as is. */
  raw?: string | Buffer;
  headers?: Record<string, string>;
  status: number;
  message: RegExp;
};

const para = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const save = (doc: unknown, baseRevision: unknown = 1) => ({ doc, baseRevision });
const SAVE = '/assessments/{id}/sections/partnerships/strengths';
const deep = (n: number): unknown => (n === 0 ? { type: 'paragraph' } : { type: 'bulletList', content: [{ type: 'listItem', content: [deep(n - 1)] }] });

const cases: Case[] = [
  // Saving a part
  { name: 'broken JSON', method: 'PUT', path: SAVE, raw: '{"doc": {', status: 400, message: /not valid JSON/ },
  { name: 'empty body', method: 'PUT', path: SAVE, raw: '', status: 400, message: /not valid JSON/ },
  { name: 'JSON null', method: 'PUT', path: SAVE, raw: 'null', status: 400, message: /body/ },
  { name: 'JSON array', method: 'PUT', path: SAVE, raw: '[]', status: 400, message: /body/ },
  { name: 'text/plain body', method: 'PUT', path: SAVE, raw: JSON.stringify(save(para('x'))), headers: { 'content-type': 'text/plain' }, status: 415, message: /Content-Type: application\/json/ },
  { name: 'form body', method: 'PUT', path: SAVE, raw: 'doc=x', headers: { 'content-type': 'application/x-www-form-urlencoded' }, status: 415, message: /JSON/ },
  { name: 'no content type', method: 'PUT', path: SAVE, raw: JSON.stringify(save(para('x'))), headers: { 'content-type': '' }, status: 415, message: /JSON/ },
  { name: 'body over 300 KB', method: 'PUT', path: SAVE, raw: JSON.stringify(save(para('x'.repeat(400_000)))), status: 413, message: /larger than 300 KB/ },
  { name: 'missing doc', method: 'PUT', path: SAVE, body: { baseRevision: 1 }, status: 400, message: /doc/ },
  { name: 'missing baseRevision', method: 'PUT', path: SAVE, body: { doc: para('x') }, status: 400, message: /baseRevision/ },
  { name: 'baseRevision as a string', method: 'PUT', path: SAVE, body: save(para('x'), '1'), status: 400, message: /baseRevision/ },
  { name: 'negative baseRevision', method: 'PUT', path: SAVE, body: save(para('x'), -1), status: 400, message: /baseRevision/ },
  { name: 'fractional baseRevision', method: 'PUT', path: SAVE, body: save(para('x'), 1.5), status: 400, message: /baseRevision/ },
  { name: 'baseRevision beyond integers', method: 'PUT', path: SAVE, body: save(para('x'), 1e20), status: 400, message: /baseRevision/ },
  { name: 'an unknown field', method: 'PUT', path: SAVE, body: { ...save(para('x')), extra: true }, status: 400, message: /extra/ },
  { name: 'doc as a string', method: 'PUT', path: SAVE, body: save('<p>hello</p>'), status: 400, message: /doc/ },
  { name: 'doc as null', method: 'PUT', path: SAVE, body: save(null), status: 400, message: /doc/ },
  { name: 'doc of another type', method: 'PUT', path: SAVE, body: save({ type: 'paragraph' }), status: 400, message: /doc/ },
  { name: 'a script node', method: 'PUT', path: SAVE, body: save({ type: 'doc', content: [{ type: 'script', text: 'alert(1)' }] }), status: 400, message: /"script" is not allowed/ },
  { name: 'an image node', method: 'PUT', path: SAVE, body: save({ type: 'doc', content: [{ type: 'image', attrs: { src: 'x' } }] }), status: 400, message: /"image" is not allowed/ },
  { name: 'a javascript: link', method: 'PUT', path: SAVE, body: save({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] }), status: 400, message: /link target .* is not allowed/ },
  { name: 'a data: link', method: 'PUT', path: SAVE, body: save({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'data:text/html,<script>' } }] }] }] }), status: 400, message: /not allowed/ },
  { name: 'an unknown mark', method: 'PUT', path: SAVE, body: save({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'strike' }] }] }] }), status: 400, message: /mark type "strike" is not allowed/ },
  { name: 'an onclick attribute', method: 'PUT', path: SAVE, body: save({ type: 'doc', content: [{ type: 'paragraph', attrs: { onclick: 'x' } }] }), status: 400, message: /attribute "onclick" is not allowed/ },
  { name: 'empty text node', method: 'PUT', path: SAVE, body: save({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '' }] }] }), status: 400, message: /non-empty string/ },
  { name: 'a NUL character', method: 'PUT', path: SAVE, body: save(para('a\u0000b')), status: 400, message: /control characters/ },
  { name: 'a bell character', method: 'PUT', path: SAVE, body: save(para('a\u0007b')), status: 400, message: /control characters/ },
  { name: 'a lone surrogate', method: 'PUT', path: SAVE, raw: '{"doc":{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"a\\ud800b"}]}]},"baseRevision":1}', status: 400, message: /not valid Unicode/ },
  { name: 'text straight in the doc', method: 'PUT', path: SAVE, body: save({ type: 'doc', content: [{ type: 'text', text: 'loose' }] }), status: 400, message: /profile structure/ },
  { name: 'lists nested 60 deep', method: 'PUT', path: SAVE, body: save({ type: 'doc', content: [deep(30)] }), status: 400, message: /nested too deeply/ },
  { name: '6,000 paragraphs', method: 'PUT', path: SAVE, body: save({ type: 'doc', content: Array.from({ length: 6000 }, () => ({ type: 'paragraph' })) }), status: 400, message: /more than 5000 nodes/ },
  { name: 'an unknown domain', method: 'PUT', path: '/assessments/{id}/sections/tourism/strengths', body: save(para('x')), status: 404, message: /"tourism\/strengths" is not a part/ },
  { name: 'an unknown part', method: 'PUT', path: '/assessments/{id}/sections/partnerships/weaknesses', body: save(para('x')), status: 404, message: /not a part of a profile/ },
  { name: 'introduction/strengths', method: 'PUT', path: '/assessments/{id}/sections/introduction/strengths', body: save(para('x')), status: 404, message: /introduction\/body/ },
  { name: 'a profile id that is not a UUID', method: 'PUT', path: '/assessments/42/sections/partnerships/strengths', body: save(para('x')), status: 404, message: /No such profile/ },
  { name: 'a profile that does not exist', method: 'PUT', path: '/assessments/00000000-0000-4000-8000-000000000000/sections/partnerships/strengths', body: save(para('x')), status: 404, message: /No such/ },
  { name: 'a stale base revision', method: 'PUT', path: SAVE, body: save(para('x'), 0), status: 409, message: /saved this part meanwhile/ },
  { name: 'a base revision from the future', method: 'PUT', path: SAVE, body: save(para('x'), 999), status: 409, message: /saved this part meanwhile/ },

  // Starting a profile
  { name: 'start: missing jurisdiction', method: 'POST', path: '/assessments', body: { language: 'es' }, status: 400, message: /jurisdiction/ },
  { name: 'start: unknown language', method: 'POST', path: '/assessments', body: { jurisdiction: 'huaquillas', language: 'de' }, status: 400, message: /language/ },
  { name: 'start: jurisdiction as a number', method: 'POST', path: '/assessments', body: { jurisdiction: 7, language: 'es' }, status: 400, message: /jurisdiction/ },
  { name: 'start: a slug with accents', method: 'POST', path: '/assessments', body: { jurisdiction: 'cantón', language: 'es' }, status: 400, message: /jurisdiction/ },
  { name: 'start: an unknown jurisdiction', method: 'POST', path: '/assessments', body: { jurisdiction: 'atlantis', language: 'es' }, status: 404, message: /No such jurisdiction/ },
  { name: 'start: an extra field', method: 'POST', path: '/assessments', body: { jurisdiction: 'huaquillas', language: 'es', state: 'published' }, status: 400, message: /state/ },

  // Workflow
  { name: 'transition: unknown action', method: 'POST', path: '/assessments/{id}/transitions', body: { action: 'delete' }, status: 400, message: /action/ },
  { name: 'transition: missing action', method: 'POST', path: '/assessments/{id}/transitions', body: {}, status: 400, message: /action/ },
  { name: 'transition: note as a number', method: 'POST', path: '/assessments/{id}/transitions', body: { action: 'submit', note: 5 }, status: 400, message: /note/ },
  { name: 'transition: note too long', method: 'POST', path: '/assessments/{id}/transitions', body: { action: 'submit', note: 'x'.repeat(20_000) }, status: 400, message: /note/ },
  { name: 'transition: a consultant approving', method: 'POST', path: '/assessments/{id}/transitions', body: { action: 'approve' }, status: 403, message: /not allowed|focal/i },
  { name: 'review: unknown decision', method: 'POST', path: '/assessments/{id}/domains/partnerships/review', body: { decision: 'maybe' }, status: 400, message: /decision/ },
  { name: 'review: unknown domain', method: 'POST', path: '/assessments/{id}/domains/tourism/review', body: { decision: 'accept' }, status: 404, message: /domain/i },

  // Comments
  { name: 'comment: missing quote', method: 'POST', path: '/assessments/{id}/comments', body: { domain: 'partnerships', part: 'strengths', body: 'x' }, status: 400, message: /quote/ },
  { name: 'comment: empty body', method: 'POST', path: '/assessments/{id}/comments', body: { domain: 'partnerships', part: 'strengths', quote: 'Texte', body: '' }, status: 400, message: /body/ },
  { name: 'comment: body too long', method: 'POST', path: '/assessments/{id}/comments', body: { domain: 'partnerships', part: 'strengths', quote: 'Texte', body: 'x'.repeat(20_000) }, status: 400, message: /body/ },
  { name: 'comment: unknown domain', method: 'POST', path: '/assessments/{id}/comments', body: { domain: 'tourism', part: 'strengths', quote: 'Texte', body: 'x' }, status: 400, message: /domain/ },
  { name: 'comment: a part the introduction lacks', method: 'POST', path: '/assessments/{id}/comments', body: { domain: 'introduction', part: 'strengths', quote: 'Texte', body: 'x' }, status: 400, message: /part/ },
  { name: 'comment: negative occurrence', method: 'POST', path: '/assessments/{id}/comments', body: { domain: 'partnerships', part: 'strengths', quote: 'Texte', occurrence: -1, body: 'x' }, status: 400, message: /occurrence/ },
  { name: 'comment: words not in the text', method: 'POST', path: '/assessments/{id}/comments', body: { domain: 'partnerships', part: 'strengths', quote: 'nowhere to be found', body: 'x' }, status: 400, message: /is not in this part of the text/ },
  { name: 'reply: thread id not a UUID', method: 'POST', path: '/assessments/{id}/comments', body: { threadId: 'abc', body: 'x' }, status: 400, message: /threadId/ },
  { name: 'reply: unknown thread', method: 'POST', path: '/assessments/{id}/comments', body: { threadId: '00000000-0000-4000-8000-000000000000', body: 'x' }, status: 404, message: /No such/ },
  { name: 'thread status: unknown value', method: 'PATCH', path: '/assessments/{id}/comments/{thread}', body: { status: 'closed' }, status: 400, message: /status/ },
  { name: 'thread status: missing', method: 'PATCH', path: '/assessments/{id}/comments/{thread}', body: {}, status: 400, message: /status/ },
  { name: 'thread status: id not a UUID', method: 'PATCH', path: '/assessments/{id}/comments/zzz', body: { status: 'resolved' }, status: 404, message: /No such/ },

  // Presence
  { name: 'presence: unknown section', method: 'POST', path: '/assessments/{id}/presence', body: { section: 'tourism', part: 'strengths' }, status: 404, message: /No such part/ },
  { name: 'presence: leaving as a string', method: 'POST', path: '/assessments/{id}/presence', body: { section: 'partnerships', part: 'strengths', leaving: 'yes' }, status: 400, message: /leaving/ },

  // Bodies nested deeper than any request needs: refused before anything recursive meets them (a stack overflow was a 500).
  { name: 'a body nested 100,000 deep', method: 'PUT', path: SAVE, raw: `{"doc":${'['.repeat(100_000)}${']'.repeat(100_000)},"baseRevision":1}`, status: 400, message: /nested too deeply/ },
  { name: 'a doc nested 8,000 nodes deep', method: 'PUT', path: SAVE, raw: `{"doc":{"type":"doc","content":[${'{"type":"paragraph","content":['.repeat(8_000)}${']}'.repeat(8_000)}]},"baseRevision":1}`, status: 400, message: /nested too deeply/ },
  { name: 'a comment nested 100,000 deep', method: 'POST', path: '/assessments/{id}/comments', raw: `{"threadId":${'['.repeat(100_000)}${']'.repeat(100_000)}}`, status: 400, message: /nested too deeply/ },
  { name: 'a transition note nested 100,000 deep', method: 'POST', path: '/assessments/{id}/transitions', raw: `{"action":"submit","note":${'{"a":'.repeat(30_000)}1${'}'.repeat(30_000)}}`, status: 400, message: /nested too deeply/ },

  // U+0000 cannot be stored by PostgreSQL: every text field refuses it with a message (it was a 500).
  { name: 'NUL in a transition note', method: 'POST', path: '/assessments/{id}/transitions', body: { action: 'request_changes', note: 'a\u0000b' }, status: 400, message: /body\.note holds the character U\+0000/ },
  { name: 'NUL in a review note', method: 'POST', path: '/assessments/{id}/domains/partnerships/review', body: { decision: 'request_changes', note: '\u0000' }, status: 400, message: /body\.note holds the character U\+0000/ },
  { name: 'NUL in a comment', method: 'POST', path: '/assessments/{id}/comments', body: { domain: 'partnerships', part: 'strengths', quote: 'Texte', body: 'Hola\u0000' }, status: 400, message: /body\.body holds the character U\+0000/ },
  { name: 'NUL in a quoted passage', method: 'POST', path: '/assessments/{id}/comments', body: { domain: 'partnerships', part: 'strengths', quote: 'Tex\u0000te', body: 'x' }, status: 400, message: /body\.quote holds the character U\+0000/ },
  { name: 'NUL in a reply', method: 'POST', path: '/assessments/{id}/comments', body: { threadId: '{thread}', body: '\u0000' }, status: 400, message: /U\+0000/ },
  { name: 'NUL in a field name', method: 'POST', path: '/assessments/{id}/comments', body: { ['bo\u0000dy']: 'x' }, status: 400, message: /U\+0000/ },
  { name: 'NUL in a jurisdiction slug', method: 'POST', path: '/assessments', body: { jurisdiction: 'huaquillas\u0000', language: 'es' }, status: 400, message: /U\+0000/ },

  // Reading
  { name: 'edition: month 13', path: '/editions/lima/2022-13', status: 404, message: /edition|month|No such/i },
  { name: 'edition: not a date', path: '/editions/lima/latest-ish', status: 404, message: /edition|No such|yyyy-mm/i },
  { name: 'edition: unknown content language', path: '/editions/lima/2022-08?lang=xx', status: 400, message: /lang/ },
  { name: 'jurisdiction: a slug with a slash', path: '/jurisdictions/lima%2Fperu', status: 404, message: /No such/ },
  { name: 'a malformed bearer token', path: '/me', headers: { authorization: 'Bearer not-a-token' }, status: 401, message: /Log in|token/i },
  { name: 'a Basic authorization', path: '/me', headers: { authorization: 'Basic YWRtaW46YWRtaW4=' }, status: 401, message: /Log in|token/i },
];

async function fingerprint(request: APIRequestContext, id: string) {
  const profile = await (await request.get(`/api/v1/assessments/${id}`)).text();
  const comments = await (await request.get(`/api/v1/assessments/${id}/comments`)).text();
  return profile + comments;
}

test(`${cases.length} malformed requests get a 4xx that says what is wrong, and change nothing`, async ({ page, baseURL }) => {
  expect(cases.length).toBeGreaterThanOrEqual(60);
  await loginAs(page, demo.consultant);
  const request = page.request;
  const id = await openProfile(request, 'huaquillas', 'fr', baseURL!);
  const current = await (await request.get(`/api/v1/assessments/${id}`)).json();
  const revision = current.sections.partnerships.strengths.revision as number;
  const saved = await request.put(`/api/v1/assessments/${id}/sections/partnerships/strengths`, {
    data: save(para('Texte de départ.'), revision),
    headers: { origin: baseURL! },
  });
  expect(saved.status()).toBe(200);
  const base = (await saved.json()).revision as number;
  const thread = await request.post(`/api/v1/assessments/${id}/comments`, {
    data: { domain: 'partnerships', part: 'strengths', quote: 'Texte', body: 'Un fil pour les essais.' },
    headers: { origin: baseURL! },
  });
  expect(thread.status()).toBe(201);
  const threadId = (await thread.json()).thread.id as string;
  const before = await fingerprint(request, id);

  const failures: string[] = [];
  for (const c of cases) {
    const path = `/api/v1${c.path.replace('{id}', id).replace('{thread}', threadId)}`;
    const body = c.raw !== undefined ? c.raw : c.body !== undefined ? JSON.stringify(withBase(c.body, base)).replace('{thread}', threadId) : undefined;
    const response = await request.fetch(path, {
      method: c.method ?? 'GET',
      headers: { origin: baseURL!, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...c.headers },
      data: body === undefined ? undefined : Buffer.from(body),
      maxRedirects: 0,
    });
    const text = await response.text();
    let message = '';
    try {
      message = (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? '';
    } catch {
      message = '';
    }
    // Errors are personal answers too: no cache may keep them.
    if (response.headers()['cache-control'] !== 'private, no-store' && !c.path.startsWith('/editions')) failures.push(`${c.name}: Cache-Control ${response.headers()['cache-control']}`);
    if (response.status() !== c.status || !c.message.test(message)) failures.push(`${c.name}: ${response.status()} ${text.slice(0, 200)}`);
  }
  expect(failures).toEqual([]);
  expect(await fingerprint(request, id)).toBe(before);
});

/** Saves name the current revision, so that only what is malformed about them can be refused. */
function withBase(body: unknown, base: number): unknown {
  if (body && typeof body === 'object' && 'baseRevision' in body && (body as { baseRevision: unknown }).baseRevision === 1) return { ...body, baseRevision: base };
  return body;
}

test('sign-in with malformed or forged input: a clear answer, never an error page, and no way off the site', async ({ page, baseURL }) => {
  const request = page.request;
  const login = async (password: string, headers: Record<string, string>) => {
    const csrf = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const r = await request.post('/api/auth/callback/credentials', {
      form: { csrfToken: csrf.csrfToken, email: demo.consultant, password, json: 'true', callbackUrl: '/' },
      headers,
      maxRedirects: 0,
    });
    expect(r.status(), JSON.stringify(headers)).toBeLessThan(500);
    return decodeURIComponent(((await r.json().catch(() => ({}))) as { url?: string }).url ?? r.headers().location ?? '');
  };
  // Forged client-address headers are ignored, garbage included: a wrong password is a plain refusal, the right one logs in.
  const forged = { 'x-forwarded-for': 'not-an-ip, , [::1]:x, 999.1.1.1', 'x-mgi-peer-address': 'forged 203.0.113.5', 'x-real-ip': '203.0.113.6' };
  expect(await login('wrong password!!', forged)).toContain('error=invalid_credentials');
  expect(await login('demo-password-2024', forged)).not.toContain('error');
  expect((await request.get('/api/v1/me')).status()).toBe(200);

  // Hostile callbackUrl values for a signed-in person: always a path on this site.
  for (const callbackUrl of ['/.//evil.example', '/..//evil.example', '/%2e//evil.example', '/%2F%2Fevil.example', '/\\evil.example', '/\t/evil.example', 'javascript:alert(1)', '%00']) {
    const r = await request.get(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`, { maxRedirects: 0 });
    expect(r.status(), callbackUrl).toBe(307);
    const location = r.headers().location ?? '';
    expect(new URL(location, baseURL).origin, `${callbackUrl} → ${location}`).toBe(new URL(baseURL!).origin);
    expect(location, callbackUrl).not.toMatch(/evil|^\/\/|^\/\\/);
  }

  // A set-password link with a token far too long, or of control characters: the page says the link is not valid.
  for (const token of ['x'.repeat(5000), '%00%01', 'pw_%E2%80%AE']) {
    const r = await request.get(`/set-password?token=${token}`);
    expect(r.status(), token.slice(0, 20)).toBe(200);
    expect(await r.text()).toContain('This link has expired or was already used');
  }
});
