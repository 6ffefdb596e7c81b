import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getDb } from '../../db/client';
import { assessments, commentThreads, partRevisionContributors } from '../../db/schema';
import { collabDocName } from '../../lib/collab/doc-name';
import { COLLAB_FIELD, yDocJson } from '../../lib/collab/yjs-doc';
import { startAssessment } from '../../lib/data/assessments';
import { startThread } from '../../lib/data/comments-anchor';
import { savePart } from '../../lib/data/parts';
import { anchoredThreadIds } from '../../lib/domain/editor/passage';
import { extractSuggestions } from '../../lib/domain/editor/suggestions';
import { eventually, firstText, para, plain, storedPart } from '../support/live-part';
import { openProvider, rawClient, sessionCookie, startCollab } from '../support/collab-client';
import { seedJurisdiction, seedUser } from '../support/seed';
import { freshDatabasePerSuite, targets } from '../support/test-db';

/*
 * A comment anchored while someone types live: the mark is added to the live
 * text as it stands, so what was typed and not stored yet stays, live and stored.
 */



describe.each(targets)('commenting on a part open live on %s', (target) => {
  freshDatabasePerSuite(target);
  let server: Awaited<ReturnType<typeof startCollab>>;
  // Typing is never stored on its own within a test: only the comment (or closing) stores it.
  beforeAll(async () => {
    server = await startCollab({ debounce: 3_600_000, maxDebounce: 3_600_000 });
  });
  afterAll(() => server?.stop());

  async function world(state: 'draft' | 'in_review' = 'draft') {
    const j = await seedJurisdiction();
    const consultant = await seedUser({ name: 'Carla Consultant', roles: [{ jurisdictionId: j.id, role: 'consultant' }] });
    const other = await seedUser({ name: 'Otto Other', roles: [{ jurisdictionId: j.id, role: 'consultant' }] });
    const focal = await seedUser({ name: 'Fiona Focal', roles: [{ jurisdictionId: j.id, role: 'focal_point' }] });
    const { id } = await startAssessment(consultant.actor, { jurisdiction: j.slug, language: 'es' });
    const ref = { assessmentId: id, section: 'migrants_rights', part: 'strengths' } as const;
    await savePart(consultant.actor, ref, { doc: para('Hola mundo'), baseRevision: 0 });
    if (state === 'in_review') await (await getDb()).update(assessments).set({ state }).where(eq(assessments.id, id));
    return { consultant, other, focal, ref, name: collabDocName(ref) };
  }


  it('what a consultant typed and nobody stored stays, live and stored, and the mark is added to it', async () => {
    const { consultant, other, ref, name } = await world();
    const a = await openProvider(server.url, await sessionCookie(consultant.user.id), name);
    expect(a.outcome).toBe('synced');
    firstText(a.document).insert(10, ' querido');
    await eventually(() => server.collab.hocuspocus.documents.get(name)?.getXmlFragment(COLLAB_FIELD).toString() ?? '', (t) => t.includes('querido'));
    expect(plain((await storedPart(ref)).doc)).toBe('Hola mundo'); // not stored yet

    // Another person comments on words that are only in the live text, through the data function (as the API does).
    const { thread, revision } = await startThread(other.actor, ref.assessmentId, { ...ref, quote: 'mundo querido', body: 'Más preciso.' });

    const live = await eventually(() => yDocJson(a.document), (doc) => anchoredThreadIds(doc).has(thread.id));
    expect(plain(live)).toBe('Hola mundo querido');
    const row = await storedPart(ref);
    expect(row.revision).toBe(revision);
    expect(plain(row.doc)).toBe('Hola mundo querido');
    expect(anchoredThreadIds(row.doc).has(thread.id)).toBe(true);
    expect(row.doc).toEqual(yDocJson(a.document));
    // The typing became its typist's revision; the commenter counts as nobody who edited.
    const db = await getDb();
    const contributors = await db.select({ userId: partRevisionContributors.userId }).from(partRevisionContributors).where(eq(partRevisionContributors.assessmentId, ref.assessmentId));
    expect(contributors.map((c) => c.userId)).toContain(consultant.user.id);
    expect(contributors.map((c) => c.userId)).not.toContain(other.user.id);
    // Typing goes on after the comment, and is stored with the mark when the editor leaves.
    firstText(a.document).insert(0, '¡');
    a.close();
    const final = await eventually(() => storedPart(ref), (r) => plain(r.doc) === '¡Hola mundo querido');
    expect(anchoredThreadIds(final.doc).has(thread.id)).toBe(true);
  });

  it('a focal point’s unstored suggestions stay when a reviewer comments', async () => {
    const { focal, consultant, ref, name } = await world('in_review');
    const client = await rawClient(server.url, { cookie: await sessionCookie(focal.user.id), origin: `http://127.0.0.1:${server.port}` });
    expect(await client.auth(name)).toBe('read-write');
    const copy = new Y.Doc();
    Y.applyUpdate(copy, (await client.fetchState(name))!);
    const sv = Y.encodeStateVector(copy);
    const suggestion = { id: crypto.randomUUID(), authorId: focal.user.id, authorName: focal.user.name, at: new Date().toISOString(), comment: null };
    firstText(copy).insert(4, ' querido', { insertion: suggestion });
    expect(await client.sendUpdate(name, Y.encodeStateAsUpdate(copy, sv))).toBe('applied');
    expect(extractSuggestions((await storedPart(ref)).doc)).toEqual([]); // not stored yet

    const { thread } = await startThread(consultant.actor, ref.assessmentId, { ...ref, quote: 'mundo', body: '¿Seguro?' });
    const row = await storedPart(ref);
    expect(extractSuggestions(row.doc).map((s) => s.id)).toEqual([suggestion.id]);
    expect(anchoredThreadIds(row.doc).has(thread.id)).toBe(true);
    const held = yDocJson(server.collab.hocuspocus.documents.get(name)!);
    expect(extractSuggestions(held).map((s) => s.id)).toEqual([suggestion.id]);
    expect(anchoredThreadIds(held).has(thread.id)).toBe(true);
    client.close();
  });

  it('a passage not in the live text is refused and changes nothing, live or stored', async () => {
    const { consultant, other, ref, name } = await world();
    const a = await openProvider(server.url, await sessionCookie(consultant.user.id), name);
    firstText(a.document).delete(5, 5); // "mundo" is gone live, not yet in the stored text
    firstText(a.document).insert(5, 'amigos');
    await eventually(() => server.collab.hocuspocus.documents.get(name)?.getXmlFragment(COLLAB_FIELD).toString() ?? '', (t) => t.includes('amigos'));
    const before = await storedPart(ref);
    await expect(startThread(other.actor, ref.assessmentId, { ...ref, quote: 'mundo', body: 'x' })).rejects.toMatchObject({ code: 'passage_not_found' });
    const db = await getDb();
    expect(await db.select().from(commentThreads).where(eq(commentThreads.assessmentId, ref.assessmentId))).toEqual([]);
    const after = await storedPart(ref);
    expect(anchoredThreadIds(after.doc).size).toBe(0);
    expect(after.revision).toBeGreaterThanOrEqual(before.revision); // the typing may have been stored (its own revision)
    expect(anchoredThreadIds(yDocJson(a.document)).size).toBe(0);
    expect(plain(yDocJson(a.document))).toBe('Hola amigos');
    a.close();
  });

  it('a passage selected in an older revision is refused (409) before anything changes', async () => {
    const { consultant, other, ref, name } = await world();
    const a = await openProvider(server.url, await sessionCookie(consultant.user.id), name);
    firstText(a.document).insert(10, '!');
    const { revision } = await storedPart(ref);
    await expect(startThread(other.actor, ref.assessmentId, { ...ref, quote: 'mundo', body: 'x', baseRevision: revision - 1 })).rejects.toMatchObject({
      code: 'revision_conflict',
    });
    expect((await storedPart(ref)).revision).toBe(revision);
    a.close();
  });
});
