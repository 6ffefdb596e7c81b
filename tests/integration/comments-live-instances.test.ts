import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collabDocName } from '../../lib/collab/doc-name';
import { COLLAB_FIELD, yDocJson } from '../../lib/collab/yjs-doc';
import { startAssessment } from '../../lib/data/assessments';
import { startThread } from '../../lib/data/comments-anchor';
import { savePart } from '../../lib/data/parts';
import { anchoredThreadIds } from '../../lib/domain/editor/passage';
import { eventually, firstText, para, plain, storedPart } from '../support/live-part';
import { openProvider, sessionCookie, startCollab } from '../support/collab-client';
import { redisReachable, testRedisPrefix, testRedisUrl } from '../support/redis';
import { seedJurisdiction, seedUser } from '../support/seed';
import { freshDatabasePerSuite, targets } from '../support/test-db';



const withRedis = await redisReachable();

// A comment made on one instance while the part is typed in on another (REDIS_URL).
describe.skipIf(!withRedis).each(targets)('commenting on a part open live on another instance on %s', (target) => {
  freshDatabasePerSuite(target);
  let one: Awaited<ReturnType<typeof startCollab>>;
  let two: Awaited<ReturnType<typeof startCollab>>;
  const redisPrefix = testRedisPrefix();
  beforeAll(async () => {
    // Typing is not stored on its own within the test: only leaving stores it.
    const quiet = { redisUrl: testRedisUrl, redisPrefix, recheckEveryMs: 3_600_000, debounce: 3_600_000, maxDebounce: 3_600_000 };
    one = await startCollab(quiet);
    // Saves made in this process (the comment below) are announced by the last server made: `two`.
    two = await startCollab(quiet);
  });
  afterAll(async () => {
    await two?.stop();
    await one?.stop();
  });


  it('the mark reaches the editor there as a change of their text: what they typed and nobody stored stays', async () => {
    const j = await seedJurisdiction();
    const consultant = await seedUser({ roles: [{ jurisdictionId: j.id, role: 'consultant' }] });
    const other = await seedUser({ roles: [{ jurisdictionId: j.id, role: 'consultant' }] });
    const { id } = await startAssessment(consultant.actor, { jurisdiction: j.slug, language: 'es' });
    const ref = { assessmentId: id, section: 'migrants_rights', part: 'strengths' } as const;
    await savePart(consultant.actor, ref, { doc: para('Hola mundo'), baseRevision: 0 });
    const name = collabDocName(ref);

    const a = await openProvider(one.url, await sessionCookie(consultant.user.id), name);
    expect(a.outcome).toBe('synced');
    expect(two.collab.hocuspocus.documents.has(name)).toBe(false); // open on `one` only
    firstText(a.document).insert(10, ' querido');
    await eventually(() => one.collab.hocuspocus.documents.get(name)?.getXmlFragment(COLLAB_FIELD).toString() ?? '', (t) => t.includes('querido'));
    expect(plain((await storedPart(ref)).doc)).toBe('Hola mundo'); // not stored yet

    const { thread } = await startThread(other.actor, id, { ...ref, quote: 'mundo', body: '¿Qué mundo?' });
    const live = await eventually(() => yDocJson(a.document), (doc) => anchoredThreadIds(doc).has(thread.id));
    expect(plain(live)).toBe('Hola mundo querido');

    // Leaving stores the text with both.
    a.close();
    const final = await eventually(() => storedPart(ref), (r) => plain(r.doc) === 'Hola mundo querido');
    expect(anchoredThreadIds(final.doc).has(thread.id)).toBe(true);
  });
});
