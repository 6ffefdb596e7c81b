import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../db/client';
import { editions, users } from '../../db/schema';
import { loadActor } from '../../lib/data/actor';
import { unsafeCreateApiToken } from '../../lib/data/api-tokens';
import { reviewDomain } from '../../lib/data/domain-reviews';
import { savePart } from '../../lib/data/parts';
import { setUserActive } from '../../lib/data/users';
import { approveProfile, submitForReview } from '../../lib/data/workflow';
import { domainKeys, profileSlots } from '../../lib/domain/profile';
import { freshSeededDatabase, sessionCookie, startInstances } from './support';

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

async function actorOf(email: string) {
  const db = await getDb();
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return (await loadActor(u.id, 'session'))!;
}

// Two production instances on one PostgreSQL: nothing either keeps in memory may matter to the other.
describe.skipIf(!process.env.DATABASE_URL)('two instances on one database', () => {
  let db: Awaited<ReturnType<typeof freshSeededDatabase>>;
  let origins: string[] = [];
  let stop: () => Promise<unknown> = async () => {};
  const on = (i: number) => origins[i % 2];

  beforeAll(async () => {
    db = await freshSeededDatabase();
    ({ origins, stop } = await startInstances(2, db.url));
  }, 180_000);

  afterAll(async () => {
    await stop();
    await db.drop();
  });

  const api = (i: number, path: string, token: string, init: RequestInit = {}) =>
    fetch(`${on(i)}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } });

  it('20 parallel saves of one part, split across both: one succeeds, 19 conflict', async () => {
    const started = await api(0, '/api/v1/assessments', db.tokens.consultant, { method: 'POST', body: JSON.stringify({ jurisdiction: 'huaquillas', language: 'es' }) });
    const { id } = (await started.json()) as { id: string };
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api(i, `/api/v1/assessments/${id}/sections/partnerships/strengths`, db.tokens.consultant, {
          method: 'PUT',
          body: JSON.stringify({ doc: doc(`Version ${i}`), baseRevision: 0 }),
        }).then((r) => r.status),
      ),
    );
    expect(answers.filter((s) => s === 200)).toHaveLength(1);
    expect(answers.filter((s) => s === 409)).toHaveLength(19);
  });

  it('20 parallel publishes, split across both, make one edition', async () => {
    const consultant = await actorOf('consultant@example.org');
    const focal = await actorOf('focal.lima@example.org');
    const started = await api(1, '/api/v1/assessments', db.tokens.consultant, { method: 'POST', body: JSON.stringify({ jurisdiction: 'lima', language: 'fr' }) });
    const { id } = (await started.json()) as { id: string };
    for (const slot of profileSlots) await savePart(consultant, { assessmentId: id, ...slot }, { doc: doc(`${slot.section} ${slot.part}`), baseRevision: 0 });
    await submitForReview(consultant, id);
    for (const d of domainKeys) await reviewDomain(focal, id, d, 'accept', null);
    await approveProfile(focal, id);

    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api(i, `/api/v1/assessments/${id}/transitions`, db.tokens.admin, { method: 'POST', body: JSON.stringify({ action: 'publish' }) }).then((r) => r.status),
      ),
    );
    expect(answers.filter((s) => s === 200)).toHaveLength(1);
    expect(answers.filter((s) => s === 409)).toHaveLength(19);
    const [{ n }] = await (await getDb()).select({ n: count() }).from(editions).where(eq(editions.assessmentId, id));
    expect(n).toBe(1);
  });

  it('login throttling counts the failures made on both', async () => {
    const attempt = async (i: number, password: string) => {
      const csrf = await fetch(`${on(i)}/api/auth/csrf`);
      const jar = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const r = await fetch(`${on(i)}/api/auth/callback/credentials`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar },
        body: new URLSearchParams({ csrfToken, email: 'focal.sonora@example.org', password, json: 'true', callbackUrl: '/' }),
      });
      const location = r.headers.get('location') ?? ((await r.json().catch(() => ({}))) as { url?: string }).url ?? '';
      return decodeURIComponent(location);
    };
    for (let i = 0; i < 10; i++) expect(await attempt(i, `wrong password ${i}`)).toContain('invalid_credentials');
    // Five failures on each instance: either one now refuses even the right password.
    expect(await attempt(0, 'demo-password-2024')).toMatch(/throttled:\d+/);
    expect(await attempt(1, 'demo-password-2024')).toMatch(/throttled:\d+/);
  });

  it('a deactivation is honoured by both instances on the next request', async () => {
    const cookies = [await sessionCookie(on(0), 'focal.lima@example.org'), await sessionCookie(on(1), 'focal.lima@example.org')];
    const me = (i: number) => fetch(`${on(i)}/api/v1/me`, { headers: { cookie: cookies[i] } }).then((r) => r.status);
    expect([await me(0), await me(1)]).toEqual([200, 200]);
    const admin = await actorOf('admin@example.org');
    const focal = await actorOf('focal.lima@example.org');
    await setUserActive(admin, focal.userId, false);
    expect([await me(0), await me(1)]).toEqual([401, 401]);
  });

  it('people editing one part on different instances see each other', async () => {
    const started = await api(0, '/api/v1/assessments', db.tokens.consultant, { method: 'POST', body: JSON.stringify({ jurisdiction: 'huaquillas', language: 'en' }) });
    const { id } = (await started.json()) as { id: string };
    const admin = (await unsafeCreateApiToken('admin@example.org', 'presence')).token;
    const beat = (i: number, token: string) =>
      api(i, `/api/v1/assessments/${id}/presence`, token, { method: 'POST', body: JSON.stringify({ section: 'partnerships', part: 'strengths' }) }).then(
        (r) => r.json() as Promise<{ others: Array<{ name: string }> }>,
      );
    expect((await beat(0, db.tokens.consultant)).others).toEqual([]);
    expect((await beat(1, admin)).others.map((o) => o.name)).toEqual(['Carlos Consultant']);
    expect((await beat(0, db.tokens.consultant)).others.map((o) => o.name)).toEqual(['Amina Admin']);
  });
});
