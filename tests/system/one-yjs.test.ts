import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, stopAppServer } from '../../bench/app-server';
import { AUTH_SECRET, freePort, freshSeededDatabase } from './support';

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

/*
 * The production server (server/main.ts, with the Hocuspocus server) and Next's
 * route handlers run in one process. Both must use the one yjs module: a second
 * copy breaks Yjs's `instanceof` checks between them, and yjs says so on stderr
 * when it is evaluated (next.config.js lists yjs in serverExternalPackages).
 */
describe.skipIf(!process.env.DATABASE_URL)('one yjs in the production server', () => {
  let db: Awaited<ReturnType<typeof freshSeededDatabase>>;
  let app: ChildProcess | undefined;
  let origin = '';
  let stderr = '';

  beforeAll(async () => {
    db = await freshSeededDatabase();
    const port = await freePort();
    origin = `http://localhost:${port}`;
    app = await startAppServer(port, { DATABASE_URL: db.url, AUTH_SECRET }, { onStderr: (text) => (stderr += text) });
  }, 180_000);

  afterAll(async () => {
    if (app) await stopAppServer(app);
    await db?.drop();
  });

  it('an API save, which moves the live document on, loads yjs once', async () => {
    const api = (path: string, init: RequestInit) =>
      fetch(`${origin}${path}`, { ...init, headers: { authorization: `Bearer ${db.tokens.consultant}`, 'content-type': 'application/json' } });
    const started = await api('/api/v1/assessments', { method: 'POST', body: JSON.stringify({ jurisdiction: 'huaquillas', language: 'en' }) });
    const { id } = (await started.json()) as { id: string };
    const saved = await api(`/api/v1/assessments/${id}/sections/partnerships/strengths`, {
      method: 'PUT',
      body: JSON.stringify({ doc: doc('Saved through the API'), baseRevision: 0 }),
    });
    expect(saved.status).toBe(200);
    // Everything it wrote, up to its end: the warning is printed as the route's modules load.
    const closed = new Promise((resolve) => app!.once('close', resolve));
    await stopAppServer(app!);
    await closed;
    app = undefined;
    expect(stderr).not.toContain('Yjs was already imported');
  });
});
