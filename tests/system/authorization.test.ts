import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, stopAppServer } from '../../bench/app-server';
import { getDb } from '../../db/client';
import { assessmentParts, assessments, jurisdictions, memberships, users } from '../../db/schema';
import { loadActor } from '../../lib/data/actor';
import { unsafeCreateApiToken } from '../../lib/data/api-tokens';
import { startAssessment } from '../../lib/data/assessments';
import { startThread } from '../../lib/data/comments-anchor';
import { reviewDomain } from '../../lib/data/domain-reviews';
import { savePart } from '../../lib/data/parts';
import { rowsOf } from '../../lib/data/sql-rows';
import { approveProfile, publishProfile, submitForReview } from '../../lib/data/workflow';
import type { AssessmentState } from '../../lib/domain/workflow';
import { domainKeys, profileSlots } from '../../lib/domain/profile';
import {
  can,
  canManageReviewers,
  canSeeJurisdiction,
  judgeAssessment,
  judgeComment,
  judgeConsultation,
  judgeDomainReview,
  judgeStartTranslation,
  judgeTransition,
  transitionActions,
  type Actor,
  type Verdict,
} from '../../lib/policy';
import { AUTH_SECRET, freePort, freshSeededDatabase, sessionCookie } from './support';

/*
 * Authorization over the wire: every API endpoint that touches a profile, for
 * every kind of person, on a profile of their own jurisdiction and of another,
 * in every workflow state. The expected answer comes from the policy module
 * itself; a refused request must leave the database as it was, and be logged.
 * Server actions are called over raw HTTP too, with foreign origins.
 */

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const expectedStatus: Record<Verdict, number[]> = { allowed: [200, 201, 204], hidden: [404], denied: [403], wrong_state: [409] };

type Person = { key: string; email: string | null; token: string | null; actor: Actor | null };
type Profile = { id: string; jurisdictionId: string; slug: string; language: 'en' | 'fr' | 'es'; state: AssessmentState; threadId: string; revision: number };

async function userId(email: string) {
  const [u] = await (await getDb()).select({ id: users.id }).from(users).where(eq(users.email, email));
  return u.id;
}
const actorOf = async (email: string) => (await loadActor(await userId(email), 'token'))!;

/** A profile of `slug` brought to `state` by its own consultant, focal point and an admin; with one open comment thread. */
async function profileIn(slug: string, language: 'en' | 'fr' | 'es', state: AssessmentState, people: { consultant: string; focal: string }): Promise<Profile> {
  const consultant = await actorOf(people.consultant);
  const focal = await actorOf(people.focal);
  const admin = await actorOf('admin@example.org');
  const { id } = await startAssessment(consultant, { jurisdiction: slug, language });
  for (const slot of profileSlots) await savePart(consultant, { assessmentId: id, ...slot }, { doc: doc(`Texto de ${slot.section} ${slot.part}.`), baseRevision: 0 });
  const { thread } = await startThread(consultant, id, { section: 'partnerships', part: 'strengths', quote: 'Texto', body: 'Un hilo.' });
  if (state !== 'draft') await submitForReview(consultant, id);
  if (state === 'approved' || state === 'published') {
    for (const d of domainKeys) await reviewDomain(focal, id, d, 'accept', null);
    await approveProfile(focal, id);
  }
  if (state === 'published') await publishProfile(admin, id);
  const [row] = await (await getDb()).select({ jurisdictionId: assessments.jurisdictionId }).from(assessments).where(eq(assessments.id, id));
  const [part] = rowsOf<{ revision: number }>(
    await (await getDb()).execute(sql`select revision from assessment_parts where assessment_id = ${id} and section = 'partnerships' and part = 'strengths'`),
  );
  return { id, jurisdictionId: row.jurisdictionId, slug, language, state, threadId: thread.id, revision: part.revision };
}

/** Everything a refused request could have changed. */
async function fingerprint() {
  const [row] = rowsOf<{ f: string }>(
    await (await getDb()).execute(sql`select concat_ws('|',
      (select string_agg(id::text || state::text || title, ',' order by id) from assessments),
      (select sum(revision) from assessment_parts), (select count(*) from part_revisions),
      (select count(*) from assessment_transitions), (select count(*) from domain_reviews),
      (select string_agg(id::text || status::text, ',' order by id) from comment_threads), (select count(*) from comments),
      (select count(*) from editions), (select string_agg(slug || name, ',' order by slug) from jurisdictions),
      (select string_agg(user_id::text || jurisdiction_id::text || role::text, ',' order by 1) from memberships),
      (select string_agg(email || name || is_admin::text || active::text, ',' order by email) from users),
      (select count(*) from password_tokens), (select count(*) from notifications where read_at is not null)) as f`),
  );
  return row.f;
}

type Request = {
  label: string;
  method: string;
  path: string;
  body?: unknown;
  verdict: (actor: Actor | null, p: Profile) => Verdict;
  /** Before an allowed request, on the twin it is sent to: what it needs to find there. */
  prepare?: (p: Profile) => Promise<void>;
  /** What an allowed request answers, when not 2xx (a part marked up to date on a profile that translates nothing). */
  allowedStatus?: number[];
};

/** The suggestion an allowed decision finds: put in the twin's text by `prepare`, as a focal point's. */
const SUGGESTION_ID = crypto.randomUUID();
async function withSuggestion(p: Profile) {
  const suggested = {
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Texto de partnerships strengths.' },
          {
            type: 'text',
            text: ' Propuesta.',
            marks: [{ type: 'insertion', attrs: { id: SUGGESTION_ID, authorId: await userId('focal.lima@example.org'), authorName: 'Focal', at: new Date().toISOString(), comment: null } }],
          },
        ],
      },
    ],
  };
  await (await getDb())
    .update(assessmentParts)
    .set({ doc: suggested })
    .where(sql`${assessmentParts.assessmentId} = ${p.id} AND ${assessmentParts.section} = 'partnerships' AND ${assessmentParts.part} = 'strengths'`);
}

/** The jurisdiction's reviewers: 404 to whoever does not see it, 403 to its people who do not run the consultation. */
const reviewersVerdict = (a: Actor | null, p: Profile): Verdict =>
  !canSeeJurisdiction(a, p.jurisdictionId) ? 'hidden' : canManageReviewers(a, p.jurisdictionId) ? 'allowed' : 'denied';

let invitations = 0;

function requestsFor(p: Profile, reviewerId: string): Request[] {
  const subject = { jurisdictionId: p.jurisdictionId, state: p.state };
  return [
    { label: 'list reviewers', method: 'GET', path: `/api/v1/jurisdictions/${p.slug}/reviewers`, verdict: reviewersVerdict },
    {
      label: 'invite a reviewer',
      method: 'POST',
      path: `/api/v1/jurisdictions/${p.slug}/reviewers`,
      body: { email: `invited-${++invitations}@example.org`, name: 'Invited Reviewer', organisation: 'Ministerio', language: 'es' },
      verdict: reviewersVerdict,
    },
    // The reviewer of Lima holds the role on every twin too, so an allowed removal finds them there.
    { label: 'remove a reviewer', method: 'DELETE', path: `/api/v1/jurisdictions/${p.slug}/reviewers/${reviewerId}`, verdict: reviewersVerdict },
    { label: 'read', method: 'GET', path: `/api/v1/assessments/${p.id}`, verdict: (a) => judgeAssessment(a, 'view', subject) },
    {
      label: 'read its jurisdiction',
      method: 'GET',
      path: `/api/v1/jurisdictions/${p.slug}`,
      verdict: (a) => (canSeeJurisdiction(a, p.jurisdictionId) ? 'allowed' : 'hidden'),
    },
    {
      label: 'say one is editing a part',
      method: 'POST',
      path: `/api/v1/assessments/${p.id}/presence`,
      body: { section: 'partnerships', part: 'strengths' },
      verdict: (a) => judgeAssessment(a, 'view', subject),
    },
    {
      // Leaving is a call on the profile like any other: a stranger learns nothing from it.
      label: 'say one has left a part',
      method: 'POST',
      path: `/api/v1/assessments/${p.id}/presence`,
      body: { section: 'partnerships', part: 'strengths', leaving: true },
      verdict: (a) => judgeAssessment(a, 'view', subject),
    },
    {
      label: 'save a part',
      method: 'PUT',
      path: `/api/v1/assessments/${p.id}/sections/partnerships/strengths`,
      body: { doc: doc('Otro texto.'), baseRevision: p.revision },
      verdict: (a) => judgeAssessment(a, 'edit', subject),
    },
    ...transitionActions.map((action) => ({
      label: `transition ${action}`,
      method: 'POST',
      path: `/api/v1/assessments/${p.id}/transitions`,
      body: { action, note: 'Una nota.' },
      verdict: (a: Actor | null) => judgeTransition(a, action, { ...subject, actorEditedThisRound: false }),
    })),
    {
      label: 'start a translation',
      method: 'POST',
      path: `/api/v1/assessments/${p.id}/translations`,
      body: { language: p.language === 'fr' ? 'es' : 'fr' },
      verdict: (a) => judgeStartTranslation(a, subject),
    },
    {
      label: 'mark a part up to date with its source',
      method: 'POST',
      path: `/api/v1/assessments/${p.id}/sections/partnerships/strengths/up-to-date`,
      body: {},
      verdict: (a) => judgeAssessment(a, 'edit', subject),
      allowedStatus: [400], // allowed, and then: not a translation
    },
    { label: 'see who read, commented and suggested', method: 'GET', path: `/api/v1/assessments/${p.id}/consultation`, verdict: (a) => judgeConsultation(a, subject) },
    { label: 'list open suggestions', method: 'GET', path: `/api/v1/assessments/${p.id}/suggestions`, verdict: (a) => judgeAssessment(a, 'view', subject) },
    {
      label: 'decide a suggestion',
      method: 'POST',
      path: `/api/v1/assessments/${p.id}/suggestions/${SUGGESTION_ID}`,
      body: { decision: 'reject' },
      verdict: (a) => judgeAssessment(a, 'edit', subject),
      prepare: withSuggestion,
    },
    {
      label: 'decide every suggestion in a domain',
      method: 'POST',
      path: `/api/v1/assessments/${p.id}/suggestions`,
      body: { decision: 'reject', domain: 'partnerships' },
      verdict: (a) => judgeAssessment(a, 'edit', subject),
      prepare: withSuggestion,
    },
    {
      label: 'review a domain',
      method: 'POST',
      path: `/api/v1/assessments/${p.id}/domains/partnerships/review`,
      body: { decision: 'accept' },
      verdict: (a) => judgeDomainReview(a, subject),
    },
    {
      label: 'start a thread',
      method: 'POST',
      path: `/api/v1/assessments/${p.id}/comments`,
      body: { domain: 'partnerships', part: 'strengths', quote: 'Texto', body: 'Otro hilo.' },
      verdict: (a) => judgeComment(a, 'start', subject),
    },
    {
      label: 'reply',
      method: 'POST',
      path: `/api/v1/assessments/${p.id}/comments`,
      body: { threadId: p.threadId, body: 'Una respuesta.' },
      verdict: (a) => judgeComment(a, 'reply', subject),
    },
    {
      label: 'resolve a thread',
      method: 'PATCH',
      path: `/api/v1/assessments/${p.id}/comments/${p.threadId}`,
      body: { status: 'resolved' },
      verdict: (a) => judgeComment(a, 'resolve', subject),
    },
  ];
}

describe.skipIf(!process.env.DATABASE_URL)('authorization over the wire', () => {
  let db: Awaited<ReturnType<typeof freshSeededDatabase>>;
  let app: ChildProcess;
  let origin: string;
  let log = '';
  const people: Person[] = [];
  const fixtures: Array<{ own: 'lima' | 'sonora'; profile: Profile }> = [];
  let twins = 0;
  let reviewerId = '';

  beforeAll(async () => {
    db = await freshSeededDatabase();
    const dbh = await getDb();
    // Sonora gets a consultant of its own; someone holds no role at all.
    const [sonoraConsultant] = await dbh.insert(users).values({ email: 'consultant.sonora@example.org', name: 'Sonia Consultant' }).returning();
    const [sonora] = await dbh.select().from(jurisdictions).where(eq(jurisdictions.slug, 'sonora'));
    await dbh.insert(memberships).values({ userId: sonoraConsultant.id, jurisdictionId: sonora.id, role: 'consultant' });
    await dbh.insert(users).values({ email: 'nobody@example.org', name: 'No Role' });
    // A consultation reviewer of Lima: sees its profiles in review only, and comments.
    const [reviewer] = await dbh.insert(users).values({ email: 'reviewer.lima@example.org', name: 'Rita Reviewer' }).returning();
    const [lima] = await dbh.select().from(jurisdictions).where(eq(jurisdictions.slug, 'lima'));
    await dbh.insert(memberships).values({ userId: reviewer.id, jurisdictionId: lima.id, role: 'reviewer', organisation: 'Ministerio del Interior' });
    reviewerId = reviewer.id;
    for (const [key, email] of [
      ['admin', 'admin@example.org'],
      ['consultant of Lima', 'consultant@example.org'],
      ['focal point of Lima', 'focal.lima@example.org'],
      ['user without a role', 'nobody@example.org'],
      ['reviewer of Lima', 'reviewer.lima@example.org'],
    ] as const) {
      people.push({ key, email, token: (await unsafeCreateApiToken(email, 'authz')).token, actor: await actorOf(email) });
    }
    people.push({ key: 'anonymous', email: null, token: null, actor: null });

    // Each state, in the people's own jurisdiction (Lima) and in another (Sonora). Published first: then a new round in English.
    for (const [slug, consultant, focal] of [
      ['lima', 'consultant@example.org', 'focal.lima@example.org'],
      ['sonora', 'consultant.sonora@example.org', 'focal.sonora@example.org'],
    ] as const) {
      fixtures.push({ own: slug, profile: await profileIn(slug, 'en', 'published', { consultant, focal }) });
      fixtures.push({ own: slug, profile: await profileIn(slug, 'en', 'draft', { consultant, focal }) });
      fixtures.push({ own: slug, profile: await profileIn(slug, 'fr', 'in_review', { consultant, focal }) });
      fixtures.push({ own: slug, profile: await profileIn(slug, 'es', 'approved', { consultant, focal }) });
    }
    const port = await freePort();
    origin = `http://localhost:${port}`;
    app = await startAppServer(port, { DATABASE_URL: db.url, AUTH_SECRET }, { onStderr: (text) => (log += text) });
  }, 300_000);

  afterAll(async () => {
    await stopAppServer(app);
    await db.drop();
  });

  /** For an allowed request: the same profile state in a new jurisdiction of the same people, to change freely. */
  async function twinOf(p: Profile): Promise<Profile> {
    const dbh = await getDb();
    const slug = `authz-twin-${++twins}`;
    const [j] = await dbh.insert(jurisdictions).values({ slug, name: `Twin ${twins}`, level: 'municipality', country: 'Perú' }).returning();
    await dbh.insert(memberships).values([
      { userId: await userId('consultant@example.org'), jurisdictionId: j.id, role: 'consultant' },
      { userId: await userId('focal.lima@example.org'), jurisdictionId: j.id, role: 'focal_point' },
      { userId: reviewerId, jurisdictionId: j.id, role: 'reviewer' },
    ]);
    const twin = await profileIn(slug, 'en', p.state, { consultant: 'consultant@example.org', focal: 'focal.lima@example.org' });
    // In review, every domain accepted: approving then depends only on who asks.
    if (twin.state === 'in_review') for (const d of domainKeys) await reviewDomain(await actorOf('focal.lima@example.org'), twin.id, d, 'accept', null);
    return twin;
  }

  const send = (person: Person, r: { method: string; path: string; body?: unknown }, extra: Record<string, string> = {}) =>
    fetch(`${origin}${r.path}`, {
      method: r.method,
      headers: { ...(person.token ? { authorization: `Bearer ${person.token}` } : {}), 'content-type': 'application/json', ...extra },
      body: r.body === undefined ? undefined : JSON.stringify(r.body),
    });

  it('answers every endpoint, person, jurisdiction and state as the policy says; refusals change nothing and are logged', async () => {
    const mismatches: string[] = [];
    let refusals = 0;
    let allowed = 0;
    for (const { own, profile } of fixtures) {
      for (const person of people) {
        for (const r of requestsFor(profile, reviewerId)) {
          const verdict = r.verdict(person.actor, profile);
          const where = `${person.key} → ${r.label} on a ${profile.state} profile of ${own === 'lima' ? 'their own jurisdiction' : 'another jurisdiction'}`;
          const want = person.actor ? expectedStatus[verdict] : [401];
          if (person.actor && verdict === 'allowed') {
            // Refreshed each time: a twin's ids and revision.
            const twin = await twinOf(profile);
            const twinRequest = requestsFor(twin, reviewerId).find((x) => x.label === r.label)!;
            await twinRequest.prepare?.(twin);
            const answer = await send(person, twinRequest);
            allowed++;
            if (answer.headers.get('cache-control') !== 'private, no-store') mismatches.push(`${where}: Cache-Control ${answer.headers.get('cache-control')}`);
            if (!(r.allowedStatus ?? want).includes(answer.status)) mismatches.push(`${where}: ${answer.status}, policy allows (${(await answer.text()).slice(0, 120)})`);
            continue;
          }
          const before = await fingerprint();
          const answer = await send(person, r);
          refusals++;
          // A personal answer, refusals included: no cache may keep it.
          if (answer.headers.get('cache-control') !== 'private, no-store') mismatches.push(`${where}: Cache-Control ${answer.headers.get('cache-control')}`);
          if (!want.includes(answer.status)) mismatches.push(`${where}: ${answer.status}, policy says ${verdict} (${(await answer.text()).slice(0, 120)})`);
          else if ((await fingerprint()) !== before) mismatches.push(`${where}: refused, but the database changed`);
          // The same request claiming to be a middleware subrequest, or aimed past the proxy, is answered the same.
          if (r.method === 'GET' || !person.actor) {
            const sneaky = await send(person, r, { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware', 'x-nextjs-data': '1' });
            if (sneaky.status !== answer.status) mismatches.push(`${where}, as a middleware subrequest: ${sneaky.status} instead of ${answer.status}`);
          }
        }
      }
    }
    console.log(`Authorization over the wire: ${refusals} refused and ${allowed} allowed requests, each as the policy says.`);
    expect(mismatches).toEqual([]);
    expect(allowed).toBeGreaterThan(10);
    expect(refusals).toBeGreaterThan(300);
    // Every refusal left a line in the server's log.
    const logged = log.split('\n').filter((l) => l.includes('"event":"refused"')).length;
    expect(logged).toBeGreaterThanOrEqual(refusals);
  });

  it('server actions: the policy holds over raw HTTP, and foreign or null origins are refused', async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(process.env.MGI_DIST_DIR || '.next', 'server', 'server-reference-manifest.json'), 'utf8')) as {
      node: Record<string, { exportedName?: string }>;
    };
    const actionId = (name: string) => Object.entries(manifest.node).find(([, v]) => v.exportedName === name)![0];
    const transition = actionId('transitionAction');
    const startProfile = actionId('startAssessmentAction');
    // React's encoding of (previousState, formData): the arguments under "0", the form's fields under "_1_".
    // The approval that must go through below guards against this encoding changing under us.
    const call = async (cookie: string, page: string, id: string, fields: Record<string, string>, originHeader: string | null = origin) => {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.set(`_1_${k}`, v);
      form.set('0', '[null,"$K1"]'); // last: the server reads the parts as they stream in
      const r = await fetch(`${origin}${page}`, {
        method: 'POST',
        headers: { cookie, 'next-action': id, accept: 'text/x-component', ...(originHeader === null ? {} : { origin: originHeader }) },
        body: form,
        redirect: 'manual',
      });
      return { status: r.status, text: await r.text() };
    };
    const stateOf = async (id: string) => (await (await getDb()).select({ s: assessments.state }).from(assessments).where(eq(assessments.id, id)))[0].s;

    const focal = await sessionCookie(origin, 'focal.lima@example.org');
    const consultant = await sessionCookie(origin, 'consultant@example.org');
    const inReview = fixtures.find((f) => f.own === 'lima' && f.profile.state === 'in_review')!.profile;
    const twin = await twinOf(inReview);

    // A consultant may not approve: refused with a message, nothing changes.
    const before = await fingerprint();
    const refused = await call(consultant, `/assessments/${twin.id}`, transition, { id: twin.id, action: 'approve' });
    expect(refused.text).toContain('"ok":false');
    expect(refused.text).not.toMatch(/"fieldErrors":\{/); // refused for who asked, not for how
    expect(await fingerprint()).toBe(before);

    // The focal point's approval, from another site or from nowhere: refused by the framework, nothing changes.
    for (const foreign of ['https://evil.example', 'null']) {
      const attempt = await call(focal, `/assessments/${twin.id}`, transition, { id: twin.id, action: 'approve' }, foreign);
      expect(attempt.text, foreign).not.toContain('"ok":true');
      expect(await stateOf(twin.id), foreign).toBe('in_review');
    }
    // The same approval from this site goes through: the refusals above were about the origin.
    const approved = await call(focal, `/assessments/${twin.id}`, transition, { id: twin.id, action: 'approve' });
    expect(approved.text).toContain('"ok":true');
    expect(await stateOf(twin.id)).toBe('approved');

    // Starting a profile where one holds no role.
    const startBefore = await fingerprint();
    const start = await call(consultant, '/jurisdictions/sonora', startProfile, { jurisdiction: 'sonora', language: 'en' });
    expect(start.text).toContain('"ok":false');
    expect(start.text).not.toMatch(/"fieldErrors":\{/);
    expect(await fingerprint()).toBe(startBefore);
    expect(log).toMatch(/"event":"refused","at":"[^"]+","via":"action"/);
  });

  it('every server action, called over raw HTTP by each kind of person: refusals as the policy says, changing nothing; foreign origins refused', async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(process.env.MGI_DIST_DIR || '.next', 'server', 'server-reference-manifest.json'), 'utf8')) as {
      node: Record<string, { exportedName?: string; workers: Record<string, unknown> }>;
    };
    const draft = fixtures.find((f) => f.own === 'lima' && f.profile.state === 'draft')!.profile;
    const review = fixtures.find((f) => f.own === 'lima' && f.profile.state === 'in_review')!.profile;
    const lima = draft.jurisdictionId;
    const focalId = await userId('focal.lima@example.org');
    const seed = fs.readFileSync(path.resolve('seeds/portal-pages/huaquillas-2024-06.fr-ui.es.txt'), 'utf8');
    const admin = (a: Actor | null, action: 'manage_users' | 'manage_jurisdictions' | 'import_editions'): Verdict => (can(a, action) ? 'allowed' : 'hidden');
    // Each action: the fields it takes, and what the policy says of a person calling it.
    const table: Record<string, { fields: Record<string, string>; verdict: (a: Actor | null) => Verdict }> = {
      inviteUserAction: { fields: { email: 'mallory@example.org', name: 'Mallory' }, verdict: (a) => admin(a, 'manage_users') },
      resendLinkAction: { fields: { userId: focalId }, verdict: (a) => admin(a, 'manage_users') },
      setActiveAction: { fields: { userId: focalId, value: 'false' }, verdict: (a) => admin(a, 'manage_users') },
      setAdminAction: { fields: { userId: focalId, value: 'true' }, verdict: (a) => admin(a, 'manage_users') },
      grantRoleAction: { fields: { userId: focalId, jurisdictionId: lima, role: 'consultant' }, verdict: (a) => admin(a, 'manage_users') },
      revokeRoleAction: { fields: { userId: focalId, jurisdictionId: lima, role: 'focal_point' }, verdict: (a) => admin(a, 'manage_users') },
      createJurisdictionAction: { fields: { name: 'Atlantis', slug: 'atlantis', level: 'municipality', country: 'PE', parentId: '' }, verdict: (a) => admin(a, 'manage_jurisdictions') },
      updateJurisdictionAction: { fields: { id: lima, name: 'Renamed', slug: 'lima', level: 'municipality', country: 'PE', parentId: '' }, verdict: (a) => admin(a, 'manage_jurisdictions') },
      importFileAction: { fields: { name: 'h.txt', text: seed, dryRun: 'false' }, verdict: (a) => admin(a, 'import_editions') },
      updateTitleAction: { fields: { id: review.id, title: 'Otro título' }, verdict: (a) => judgeAssessment(a, 'edit', review) },
      transitionAction: { fields: { id: review.id, action: 'publish' }, verdict: (a) => judgeTransition(a, 'publish', { ...review, actorEditedThisRound: false }) },
      startThreadAction: {
        fields: { id: review.id, section: 'partnerships', part: 'strengths', quote: 'Texto', occurrence: '0', body: 'Hola' },
        verdict: (a) => judgeComment(a, 'start', review),
      },
      replyAction: { fields: { id: review.id, section: 'partnerships', threadId: review.threadId, body: 'Hola' }, verdict: (a) => judgeComment(a, 'reply', review) },
      threadStatusAction: {
        fields: { id: review.id, section: 'partnerships', threadId: review.threadId, status: 'resolved' },
        verdict: (a) => judgeComment(a, 'resolve', review),
      },
      reviewDomainAction: { fields: { id: review.id, domain: 'partnerships', decision: 'accept' }, verdict: (a) => judgeDomainReview(a, review) },
      restoreRevisionAction: {
        fields: { id: review.id, section: 'partnerships', part: 'strengths', revision: '1', baseRevision: String(review.revision) },
        verdict: (a) => judgeAssessment(a, 'edit', review),
      },
      startAssessmentAction: { fields: { jurisdiction: 'sonora', language: 'en' }, verdict: (a) => (a && a.memberships.some((m) => m.slug === 'sonora' && m.role === 'consultant') ? 'allowed' : 'denied') },
      markAllReadAction: { fields: {}, verdict: (a) => (a ? 'allowed' : 'hidden') },
      // Who may be mentioned: the people who may read the profile, told only to someone who may read it.
      mentionCandidatesAction: { fields: { id: review.id }, verdict: (a) => judgeAssessment(a, 'view', review) },
      inviteReviewerAction: {
        fields: { jurisdiction: 'lima', email: 'mallory.reviewer@example.org', name: 'Mallory', language: 'en' },
        verdict: (a) => reviewersVerdict(a, review),
      },
      removeReviewerAction: { fields: { jurisdiction: 'lima', userId: reviewerId }, verdict: (a) => reviewersVerdict(a, review) },
      startTranslationAction: { fields: { id: review.id, language: 'es' }, verdict: (a) => judgeStartTranslation(a, review) },
      markUpToDateAction: { fields: { id: review.id, section: 'partnerships', part: 'strengths', seen: '0' }, verdict: (a) => judgeAssessment(a, 'edit', review) },
      decideSuggestionAction: {
        fields: { id: review.id, section: 'partnerships', part: 'strengths', decision: 'reject' },
        verdict: (a) => judgeAssessment(a, 'edit', review),
      },
      decideAllSuggestionsAction: { fields: { id: review.id, section: 'partnerships', decision: 'reject' }, verdict: (a) => judgeAssessment(a, 'edit', review) },
    };
    // Not in the table, on purpose: setPasswordAction answers to its one-time token (e2e/admin-setup.spec.ts),
    // loginAction to a password (below, and tests/system/sign-in-and-accounts.test.ts),
    // and setLocaleAction only sets the reader's language cookie.
    // Next registers each 'use cache' function as a server reference too ($$RSC_SERVER_CACHE_n). Only
    // lib/editions/public-data.ts has them, and they return published editions, public anyway.
    const cacheFunctions = Object.values(manifest.node).filter((v) => v.exportedName?.startsWith('$$RSC_SERVER_CACHE_'));
    const publicDataSource = fs.readFileSync(path.resolve('lib/editions/public-data.ts'), 'utf8');
    expect(cacheFunctions.length).toBeLessThanOrEqual(publicDataSource.split("'use cache'").length - 1);
    const named = Object.entries(manifest.node).filter(
      ([, v]) => v.exportedName && !v.exportedName.startsWith('$$RSC_SERVER_CACHE_') && !['setPasswordAction', 'setLocaleAction', 'loginAction'].includes(v.exportedName),
    );
    expect(named.map(([, v]) => v.exportedName).sort()).toEqual(Object.keys(table).sort());

    const callers: Array<{ key: string; cookie: string | null; actor: Actor | null }> = [{ key: 'nobody logged in', cookie: null, actor: null }];
    for (const email of ['consultant@example.org', 'focal.lima@example.org', 'focal.sonora@example.org', 'admin@example.org']) {
      callers.push({ key: email, cookie: await sessionCookie(origin, email), actor: await actorOf(email) });
    }
    const pageOf = (worker: string) =>
      worker
        .replace(/^app/, '')
        .replace(/\/\([^)]+\)/g, '')
        .replace(/\/page$/, '')
        .replace('[id]', review.id)
        .replace('[section]', 'partnerships')
        .replace('[part]', 'strengths')
        .replace('[slug]', 'lima') || '/';
    const call = async (cookie: string | null, id: string, page: string, fields: Record<string, string>, originHeader = origin) => {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.set(`_1_${k}`, v);
      form.set('0', '[null,"$K1"]');
      const r = await fetch(`${origin}${page}`, {
        method: 'POST',
        headers: { ...(cookie ? { cookie } : {}), 'next-action': id, accept: 'text/x-component', origin: originHeader },
        body: form,
        redirect: 'manual',
      });
      return r.text();
    };

    const mismatches: string[] = [];
    let refused = 0;
    for (const [id, entry] of named) {
      const name = entry.exportedName!;
      const page = pageOf(Object.keys(entry.workers)[0]);
      const { fields, verdict } = table[name];
      for (const caller of callers) {
        const before = await fingerprint();
        const v = verdict(caller.actor);
        if (v === 'allowed') {
          // Allowed: from another site it must still be refused.
          const foreign = await call(caller.cookie, id, page, fields, 'https://evil.example');
          if (foreign.includes('"ok":true')) mismatches.push(`${name} by ${caller.key} from a foreign origin went through`);
          if ((await fingerprint()) !== before) mismatches.push(`${name} by ${caller.key} from a foreign origin changed the database`);
          continue;
        }
        const text = await call(caller.cookie, id, page, fields);
        refused++;
        if (!text.includes('"ok":false') || /"fieldErrors":\{/.test(text)) mismatches.push(`${name} by ${caller.key}: policy says ${v}, got ${text.slice(-200)}`);
        if ((await fingerprint()) !== before) mismatches.push(`${name} by ${caller.key}: refused, but the database changed`);
      }
    }
    console.log(`Server actions over raw HTTP: ${refused} refused as the policy says, out of ${named.length * callers.length} calls.`);
    expect(mismatches).toEqual([]);
    expect(refused).toBeGreaterThan(40);
  });
  it('sign-in and accounts: login only from this site; an admin cannot reset an admin or a focal point', async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(process.env.MGI_DIST_DIR || '.next', 'server', 'server-reference-manifest.json'), 'utf8')) as {
      node: Record<string, { exportedName?: string }>;
    };
    const actionId = (name: string) => Object.entries(manifest.node).find(([, v]) => v.exportedName === name)![0];
    const call = async (cookie: string | null, page: string, name: string, fields: Record<string, string>, originHeader = origin) => {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.set(`_1_${k}`, v);
      form.set('0', '[null,"$K1"]');
      const r = await fetch(`${origin}${page}`, {
        method: 'POST',
        headers: { ...(cookie ? { cookie } : {}), 'next-action': actionId(name), accept: 'text/x-component', origin: originHeader },
        body: form,
        redirect: 'manual',
      });
      return { text: await r.text(), session: r.headers.getSetCookie().some((c) => c.includes('session-token')) };
    };
    const credentials = { email: 'consultant@example.org', password: 'demo-password-2024', callbackUrl: '/' };
    // Logging someone in from another site's page (login CSRF) is refused; from this site it works.
    for (const foreign of ['https://evil.example', 'null']) expect((await call(null, '/login', 'loginAction', credentials, foreign)).session, foreign).toBe(false);
    expect((await call(null, '/login', 'loginAction', credentials)).session).toBe(true);
    expect((await call(null, '/login', 'loginAction', { ...credentials, password: 'wrong password' })).session).toBe(false);

    // An admin resetting a focal point's or another admin's password: refused, nothing issued or changed.
    const admin = await sessionCookie(origin, 'admin@example.org');
    const dbh = await getDb();
    const [otherAdmin] = await dbh.insert(users).values({ email: 'second.admin@example.org', name: 'Second Admin', isAdmin: true, passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$aGFzaA' }).returning();
    for (const target of [await userId('focal.lima@example.org'), otherAdmin.id]) {
      const before = await fingerprint();
      const answer = await call(admin, `/admin/users/${target}`, 'resendLinkAction', { userId: target });
      expect(answer.text).toContain('"ok":false');
      expect(answer.text).not.toContain('set-password?token=');
      expect(await fingerprint()).toBe(before);
    }
    expect(log).toMatch(/"event":"refused".*reset_needs_operator|reset_needs_operator.*"event":"refused"/);
  });
});
