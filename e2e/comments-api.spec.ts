import { expect, test } from './support/app-test';
import { apiTokens, demo, loginViaApi } from './support/auth';
import { openProfile } from './support/profiles';

const para = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

test('the comments API: threads on passages, replies, resolve; clear refusals that change nothing', async ({ request, baseURL }) => {
  await loginViaApi(request, demo.consultant);
  const id = await openProfile(request, 'huaquillas', 'es', baseURL!);
  const origin = { origin: baseURL! };
  const part = (await (await request.get(`/api/v1/assessments/${id}`)).json()).sections.well_being.potential;
  const saved = await request.put(`/api/v1/assessments/${id}/sections/well_being/potential`, {
    data: { doc: para('Ampliar la cobertura de salud. Ampliar la cobertura educativa.'), baseRevision: part.revision },
    headers: origin,
  });
  expect(saved.status()).toBe(200);
  const { revision } = await saved.json();
  const url = `/api/v1/assessments/${id}/comments`;

  const created = await request.post(url, {
    data: { domain: 'well_being', part: 'potential', quote: 'Ampliar la cobertura', occurrence: 1, baseRevision: revision, body: '¿Qué nivel educativo?' },
    headers: origin,
  });
  expect(created.status()).toBe(201);
  const { thread, revision: marked } = await created.json();
  expect(marked).toBe(revision + 1);
  expect(thread).toMatchObject({ domain: 'well_being', part: 'potential', quote: 'Ampliar la cobertura', status: 'open', anchored: true });

  const reply = await request.post(url, { data: { threadId: thread.id, body: 'Secundaria.' }, headers: origin });
  expect(reply.status()).toBe(201);
  const resolved = await request.patch(`${url}/${thread.id}`, { data: { status: 'resolved' }, headers: origin });
  expect(await resolved.json()).toEqual({ id: thread.id, status: 'resolved' });

  const listed = (await (await request.get(url)).json()).threads.find((t: { id: string }) => t.id === thread.id);
  expect(listed.status).toBe('resolved');
  expect(listed.comments.map((c: { body: string }) => c.body)).toEqual(['¿Qué nivel educativo?', 'Secundaria.']);
  const stored = (await (await request.get(`/api/v1/assessments/${id}`)).json()).sections.well_being.potential;
  const marks = stored.doc.content[0].content.filter((n: { marks?: unknown[] }) => n.marks);
  expect(marks).toEqual([{ type: 'text', text: 'Ampliar la cobertura', marks: [{ type: 'comment', attrs: { threadId: thread.id } }] }]);
  expect(stored.doc.content[0].content[1].text).toBe('Ampliar la cobertura');

  const refusals: Array<[string, () => Promise<{ status(): number; json(): Promise<{ error: { code: string; message: string } }> }>, number, string]> = [
    ['a passage not in the text', () => request.post(url, { data: { domain: 'well_being', part: 'potential', quote: 'no existe', body: 'x' }, headers: origin }), 400, 'passage_not_found'],
    ['a part the section does not have', () => request.post(url, { data: { domain: 'introduction', part: 'strengths', quote: 'x', body: 'x' }, headers: origin }), 400, 'unknown_part'],
    ['an unknown domain', () => request.post(url, { data: { domain: 'health', part: 'potential', quote: 'x', body: 'x' }, headers: origin }), 400, 'invalid_body'],
    ['an empty comment', () => request.post(url, { data: { domain: 'well_being', part: 'potential', quote: 'Ampliar', body: '   ' }, headers: origin }), 400, 'comment_empty'],
    ['a stale revision', () => request.post(url, { data: { domain: 'well_being', part: 'potential', quote: 'Ampliar', body: 'x', baseRevision: revision }, headers: origin }), 409, 'revision_conflict'],
    ['a reply to a thread that is not there', () => request.post(url, { data: { threadId: '0b3c1e5e-2f4d-4a5b-9c6d-7e8f9a0b1c2d', body: 'x' }, headers: origin }), 404, 'not_found'],
    ['a reply naming no thread id', () => request.post(url, { data: { threadId: 'abc', body: 'x' }, headers: origin }), 400, 'invalid_body'],
    ['a body that is a list', () => request.post(url, { data: [1, 2], headers: origin }), 400, 'invalid_body'],
    // A "__proto__" key was lost on the way (it became the body's prototype) and the comment was made.
    [
      'an unknown "__proto__" key',
      () => request.post(url, { data: Buffer.from(`{"threadId":"${thread.id}","body":"x","__proto__":{"x":1}}`), headers: { ...origin, 'content-type': 'application/json' } }),
      400,
      'invalid_body',
    ],
    [
      'a thread id only in "__proto__"',
      () => request.post(url, { data: Buffer.from(`{"body":"x","__proto__":{"threadId":"${thread.id}"}}`), headers: { ...origin, 'content-type': 'application/json' } }),
      400,
      'invalid_body',
    ],
    ['broken JSON', () => request.post(url, { data: Buffer.from('{"body":'), headers: { ...origin, 'content-type': 'application/json' } }), 400, 'invalid_json'],
    ['another content type', () => request.post(url, { data: 'body=x', headers: { ...origin, 'content-type': 'text/plain' } }), 415, 'unsupported_media_type'],
    ['a foreign origin', () => request.post(url, { data: { threadId: thread.id, body: 'x' }, headers: { origin: 'https://evil.example' } }), 403, 'cross_origin'],
    ['a status that does not exist', () => request.patch(`${url}/${thread.id}`, { data: { status: 'deleted' }, headers: origin }), 400, 'invalid_body'],
  ];
  for (const [what, send, status, code] of refusals) {
    const answer = await send();
    expect(answer.status(), what).toBe(status);
    const body = await answer.json();
    expect(body.error.code, what).toBe(code);
    expect(body.error.message.length, what).toBeGreaterThan(10);
  }
  const after = (await (await request.get(url)).json()).threads;
  expect(after).toHaveLength(1);
  expect(after[0].comments).toHaveLength(2);
  expect((await (await request.get(`/api/v1/assessments/${id}`)).json()).sections.well_being.potential.revision).toBe(marked);

  // Strangers get 404; an admin without a role on the jurisdiction reads but does not comment.
  const tokens = apiTokens();
  const sonora = { authorization: `Bearer ${tokens.focalSonora}` };
  expect((await request.get(url, { headers: sonora })).status()).toBe(404);
  expect((await request.post(url, { data: { threadId: thread.id, body: 'x' }, headers: sonora })).status()).toBe(404);
  const admin = { authorization: `Bearer ${tokens.admin}` };
  expect((await request.get(url, { headers: admin })).status()).toBe(200);
  expect((await request.post(url, { data: { threadId: thread.id, body: 'x' }, headers: admin })).status()).toBe(403);
  expect((await (await request.get('/api/v1/openapi.json')).json()).paths).toHaveProperty(['/api/v1/assessments/{id}/comments']);
});
