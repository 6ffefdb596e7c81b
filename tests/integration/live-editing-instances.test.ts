import { and, eq } from 'drizzle-orm';
import RedisClient from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getDb } from '../../db/client';
import { memberships, partRevisions } from '../../db/schema';
import { collabDocName } from '../../lib/collab/doc-name';
import { yDocJson } from '../../lib/collab/yjs-doc';
import { startAssessment } from '../../lib/data/assessments';
import { listPartRevisions, savePart } from '../../lib/data/parts';
import { revokeRole } from '../../lib/data/users';
import { RIGHTS_CHANGED } from '../../server/collab-rights';
import { openProvider, rawClient, sessionCookie, startCollab } from '../support/collab-client';
import { redisReachable, testRedisPrefix, testRedisUrl } from '../support/redis';
import { eventually, firstText, para, storedPart as stored } from '../support/live-part';
import { seedJurisdiction, seedUser } from '../support/seed';
import { freshDatabasePerSuite, targets } from '../support/test-db';

const plain = (doc: unknown) =>
  ((doc as { content?: Array<{ content?: Array<{ text?: string }> }> }).content ?? []).map((p) => (p.content ?? []).map((t) => t.text ?? '').join('')).join('\n');


const withRedis = await redisReachable();

// Two live-editing servers sharing documents through Redis, as two app instances do (REDIS_URL).
describe.skipIf(!withRedis).each(targets)('live editing across two instances on %s', (target) => {
  freshDatabasePerSuite(target);
  let one: Awaited<ReturnType<typeof startCollab>>;
  let two: Awaited<ReturnType<typeof startCollab>>;

  const redisPrefix = testRedisPrefix();
  beforeAll(async () => {
    // No periodic recheck of rights within a test: a right taken away must reach the other instance by its notice.
    const recheckEveryMs = 3_600_000;
    one = await startCollab({ redisUrl: testRedisUrl, redisPrefix, recheckEveryMs });
    // Saves made in this process (the API below) are announced by the last server made: `two`.
    two = await startCollab({ redisUrl: testRedisUrl, redisPrefix, recheckEveryMs });
  });
  afterAll(async () => {
    await two?.stop();
    await one?.stop();
  });

  async function world() {
    const j = await seedJurisdiction();
    const consultant = await seedUser({ roles: [{ jurisdictionId: j.id, role: 'consultant' }] });
    const second = await seedUser({ roles: [{ jurisdictionId: j.id, role: 'consultant' }] });
    const focal = await seedUser({ roles: [{ jurisdictionId: j.id, role: 'focal_point' }] });
    const { id } = await startAssessment(consultant.actor, { jurisdiction: j.slug, language: 'es' });
    const ref = { assessmentId: id, section: 'migrants_rights', part: 'strengths' } as const;
    await savePart(consultant.actor, ref, { doc: para('Hola'), baseRevision: 0 });
    return { j, consultant, second, focal, ref, name: collabDocName(ref) };
  }


  it('two people on different instances typing in one paragraph converge; the database holds both inputs, both named', async () => {
    const { consultant, second, ref, name } = await world();
    const a = await openProvider(one.url, await sessionCookie(consultant.user.id), name);
    const b = await openProvider(two.url, await sessionCookie(second.user.id), name);
    expect([a.outcome, b.outcome]).toEqual(['synced', 'synced']);
    for (let i = 0; i < 10; i++) {
      firstText(a.document).insert(2, 'a');
      firstText(b.document).insert(2, 'b');
    }
    const count = (text: string, letter: string) => text.split(letter).length - 1;
    const [final] = await eventually(
      () => [plain(yDocJson(a.document)), plain(yDocJson(b.document))],
      ([x, y]) => x === y && count(x, 'a') === 11 && count(x, 'b') === 10,
    );
    expect(final.startsWith('Ho') && final.endsWith('la')).toBe(true);
    const row = await eventually(() => stored(ref), (r) => plain(r.doc) === final);
    expect(row.doc).toEqual(yDocJson(a.document));
    // Whichever instance stored, the revisions since the first name both (the contributors are kept in Redis).
    const authors = await eventually(
      async () => (await listPartRevisions(consultant.actor, ref)).filter((h) => h.revision > 1).map((h) => h.authorName).join(', '),
      (names) => names.includes(consultant.user.name) && names.includes(second.user.name),
    );
    expect(authors).toContain(consultant.user.name);
    // One revision per stored text: the same text stored by both instances is not recorded twice.
    const db = await getDb();
    const texts = (await db.select({ doc: partRevisions.doc }).from(partRevisions).where(eq(partRevisions.assessmentId, ref.assessmentId))).map((r) => plain(r.doc));
    expect(new Set(texts).size).toBe(texts.length);
    a.close();
    b.close();
  });

  it('an API save made on one instance reaches an editor connected to the other live', async () => {
    const { consultant, second, ref, name } = await world();
    const a = await openProvider(one.url, await sessionCookie(consultant.user.id), name);
    expect(two.collab.hocuspocus.documents.has(name)).toBe(false); // open on `one` only
    await savePart(second.actor, ref, { doc: para('Desde la API'), baseRevision: 1 });
    await eventually(() => a.text(), (t) => t.includes('Desde la API') && !t.includes('Hola'));
    // Applied once, by one instance: the text is not there twice, and what is stored is what is shown.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(plain(yDocJson(a.document))).toBe('Desde la API');
    expect(plain((await eventually(() => stored(ref), (r) => r.revision === 2)).doc)).toBe('Desde la API');
    a.close();
  });

  it('a store that finds the part locked by another instance is tried again, not dropped', async () => {
    const { consultant, ref, name } = await world();
    const a = await openProvider(one.url, await sessionCookie(consultant.user.id), name);
    // Another instance storing this part: it holds the extension's lock (as Redlock takes it) for 2 s.
    const redis = new RedisClient(testRedisUrl);
    try {
      expect(await redis.set(`${redisPrefix}:${name}:lock`, 'another-instance', 'PX', 2000, 'NX')).toBe('OK');
      firstText(a.document).insert(4, ' y adiós');
      await new Promise((resolve) => setTimeout(resolve, 500)); // ten times the store delay: refused by the lock meanwhile
      expect(plain((await stored(ref)).doc)).toBe('Hola');
      // Once the lock is gone, the change is stored, though nobody typed again.
      await eventually(() => stored(ref), (r) => plain(r.doc) === 'Hola y adiós');
    } finally {
      redis.disconnect();
      a.close();
    }
  });

  it('every change is still checked where it arrives: a reader and a revoked consultant on one instance change nothing on the other', async () => {
    const { j, consultant, second, focal, ref, name } = await world();
    const editor = await openProvider(one.url, await sessionCookie(second.user.id), name);
    const origin = `http://127.0.0.1:${two.port}`;

    const reader = await rawClient(two.url, { cookie: await sessionCookie(focal.user.id), origin });
    expect(await reader.auth(name)).toBe('readonly');
    const copy = new Y.Doc();
    Y.applyUpdate(copy, (await reader.fetchState(name))!);
    let sv = Y.encodeStateVector(copy);
    firstText(copy).insert(0, 'focal ');
    expect(await reader.sendUpdate(name, Y.encodeStateAsUpdate(copy, sv))).toBe('refused');

    const writer = await rawClient(two.url, { cookie: await sessionCookie(consultant.user.id), origin });
    expect(await writer.auth(name)).toBe('read-write');
    const mine = new Y.Doc();
    Y.applyUpdate(mine, (await writer.fetchState(name))!);
    sv = Y.encodeStateVector(mine);
    firstText(mine).insert(0, 'antes ');
    expect(await writer.sendUpdate(name, Y.encodeStateAsUpdate(mine, sv))).toBe('applied');
    await eventually(() => editor.text(), (t) => t.includes('antes Hola'));

    const db = await getDb();
    await db.delete(memberships).where(and(eq(memberships.userId, consultant.user.id), eq(memberships.jurisdictionId, j.id)));
    sv = Y.encodeStateVector(mine);
    firstText(mine).insert(0, 'después ');
    expect(await writer.sendUpdate(name, Y.encodeStateAsUpdate(mine, sv))).toBe('closed');

    await new Promise((resolve) => setTimeout(resolve, 500)); // far longer than a relay through Redis
    expect(editor.text()).not.toMatch(/focal|después/);
    expect(plain((await eventually(() => stored(ref), (r) => plain(r.doc) === 'antes Hola')).doc)).toBe('antes Hola');
    for (const c of [reader, writer]) c.close();
    editor.close();
  });
  it('a right taken away on one instance cuts live editing on the other at once', async () => {
    const { j, consultant, name } = await world();
    const admin = await seedUser({ isAdmin: true });
    // Connected to `one`; the role is revoked in this process, whose live server is `two`.
    const writer = await rawClient(one.url, { cookie: await sessionCookie(consultant.user.id), origin: `http://127.0.0.1:${one.port}` });
    expect(await writer.auth(name)).toBe('read-write');
    expect(await writer.fetchState(name)).not.toBeNull(); // the document is open there (loaded, in sync with `two`)
    await revokeRole(admin.actor, { userId: consultant.user.id, jurisdictionId: j.id, role: 'consultant' });
    // No change sent: the notice went through Redis (the periodic check is 30 s away).
    await eventually(() => writer.closed(), (closed) => closed !== null);
    expect(writer.closed()?.code).toBe(RIGHTS_CHANGED.code);
  });
});
