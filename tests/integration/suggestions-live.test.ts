import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { getDb } from '../../db/client';
import { assessments } from '../../db/schema';
import { collabDocName } from '../../lib/collab/doc-name';
import { COLLAB_FIELD, yDocJson } from '../../lib/collab/yjs-doc';
import { startAssessment } from '../../lib/data/assessments';
import { liveAccess } from '../../lib/data/live-parts';
import { savePart } from '../../lib/data/parts';
import { extractSuggestions } from '../../lib/domain/editor/suggestions';
import { SUGGESTIONS_ONLY } from '../../server/collab-suggest-only';
import { rawClient, sessionCookie, startCollab } from '../support/collab-client';
import { eventually, para, storedPart as row } from '../support/live-part';
import { seedJurisdiction, seedUser } from '../support/seed';
import { freshDatabasePerSuite, targets } from '../support/test-db';

/*
 * The suggest-only rule over the raw connection: changes crafted by hand, as a
 * hostile client would send them, not made by the editor.
 */



describe.each(targets)('suggesting live on %s', (target) => {
  freshDatabasePerSuite(target);

  let server: Awaited<ReturnType<typeof startCollab>>;
  beforeAll(async () => {
    server = await startCollab();
  });
  afterAll(() => server?.stop());
  const origin = () => `http://127.0.0.1:${server.port}`;

  /** A profile in review whose part reads "Hola mundo", with a focal point and a reviewer. */
  async function world() {
    const j = await seedJurisdiction();
    const consultant = await seedUser({ roles: [{ jurisdictionId: j.id, role: 'consultant' }] });
    const focal = await seedUser({ name: 'Fiona Focal', roles: [{ jurisdictionId: j.id, role: 'focal_point' }] });
    const reviewer = await seedUser({ name: 'Rita Reviewer', roles: [{ jurisdictionId: j.id, role: 'reviewer' }] });
    const { id } = await startAssessment(consultant.actor, { jurisdiction: j.slug, language: 'es' });
    const ref = { assessmentId: id, section: 'migrants_rights', part: 'strengths' } as const;
    await savePart(consultant.actor, ref, { doc: para('Hola mundo'), baseRevision: 0 });
    // In review (as submitting would make it; the other parts' text does not matter here).
    await (await getDb()).update(assessments).set({ state: 'in_review' }).where(eq(assessments.id, id));
    return { consultant, focal, reviewer, ref, name: collabDocName(ref) };
  }


  const suggestion = (user: { id: string; name: string }, id = crypto.randomUUID()) => ({ id, authorId: user.id, authorName: user.name, at: new Date().toISOString(), comment: null });

  /** A connection of `user`, a copy of the server's text, and a way to send what was done to the copy. */
  async function connect(user: { id: string }, name: string) {
    const client = await rawClient(server.url, { cookie: await sessionCookie(user.id), origin: origin() });
    expect(await client.auth(name)).toBe('read-write');
    const copy = new Y.Doc();
    Y.applyUpdate(copy, (await client.fetchState(name))!);
    const text = () => (copy.getXmlFragment(COLLAB_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    async function send(change: (text: Y.XmlText) => void) {
      const sv = Y.encodeStateVector(copy);
      change(text());
      return client.sendUpdate(name, Y.encodeStateAsUpdate(copy, sv));
    }
    return { client, copy, send };
  }

  it('focal points and reviewers get a writable connection that may only suggest', async () => {
    const { focal, reviewer, consultant, ref } = await world();
    expect(await liveAccess(focal.actor, ref)).toBe('suggest');
    expect(await liveAccess(reviewer.actor, ref)).toBe('suggest');
    expect(await liveAccess(consultant.actor, ref)).toBe('read');
  });

  it('a suggester adds, changes and withdraws their own suggestion; it is stored with their name', async () => {
    const { focal, ref, name } = await world();
    const { client, send } = await connect(focal.user, name);
    const mine = suggestion(focal.user);
    expect(await send((t) => t.insert(4, ' querido', { insertion: mine }))).toBe('applied');
    let stored = await eventually(() => row(ref), (r) => extractSuggestions(r.doc).length === 1);
    expect(extractSuggestions(stored.doc)[0]).toMatchObject({ id: mine.id, kind: 'insert', authorId: focal.user.id, inserted: ' querido' });
    // Suggest deleting "mundo" as part of the same suggestion, then withdraw the insertion.
    expect(await send((t) => t.format(13, 5, { deletion: mine }))).toBe('applied');
    stored = await eventually(() => row(ref), (r) => extractSuggestions(r.doc)[0]?.kind === 'replace');
    expect(await send((t) => t.delete(4, 8))).toBe('applied');
    stored = await eventually(() => row(ref), (r) => extractSuggestions(r.doc)[0]?.kind === 'delete');
    expect(extractSuggestions(stored.doc)[0]).toMatchObject({ deleted: 'mundo', inserted: '' });
    // A comment on it, as the list under the text puts one (on every mark of the suggestion).
    expect(await send((t) => t.format(5, 5, { deletion: { ...mine, comment: 'Por cortesía.' } }))).toBe('applied');
    stored = await eventually(() => row(ref), (r) => extractSuggestions(r.doc)[0]?.comment === 'Por cortesía.');
    expect(extractSuggestions(stored.doc)[0]).toMatchObject({ id: mine.id, deleted: 'mundo', authorId: focal.user.id });
    client.close();
  });

  describe('every other change is refused: the connection is closed, the refusal logged, the database unchanged', () => {
    const forbidden: Array<[string, (t: Y.XmlText, ids: { own: string; others: string }) => void]> = [
      ['a plain insertion', (t) => t.insert(0, '¡')],
      ['a plain deletion', (t) => t.delete(0, 4)],
      ['removing someone else’s suggestion', (t) => t.delete(4, ' y amigos'.length)],
      ['altering someone else’s suggestion', (t) => t.insert(6, 'x', { insertion: { ...extractOthers(t) } })],
      ['accepting one’s own suggestion', (t) => t.format(4 + ' y amigos'.length, ' todo'.length, { insertion: null })],
      ['rejecting someone else’s deletion', (t) => t.format(0, 4, { deletion: null })],
      ['a suggestion in someone else’s name', (t) => t.insert(0, 'Oh ', { insertion: { id: crypto.randomUUID(), authorId: OTHER_ID, authorName: 'Someone', at: new Date().toISOString(), comment: null } })],
      ['a suggestion of their own under another name', (t) => t.insert(0, 'Oh ', { insertion: { ...suggestion(SELF), authorName: 'Lucía Focal (Lima)' } })],
      ['a suggestion of their own, backdated', (t) => t.insert(0, 'Oh ', { insertion: { ...suggestion(SELF), at: '2024-01-01T09:00:00.000Z' } })],
      ['suggested formatting', (t) => t.format(0, 4, { bold: {} })],
      ['commenting on someone else’s suggestion', (t) => t.format(4, ' y amigos'.length, { insertion: { ...extractOthers(t), comment: 'Ya no.' } })],
    ];
    let OTHER_ID = '';
    /** The one sending the forbidden change (the focal point). */
    let SELF = { id: '', name: '' };
    /** The attributes of the reviewer's suggestion in the copy (to forge a change to it). */
    function extractOthers(t: Y.XmlText) {
      const delta = t.toDelta() as Array<{ insert: string; attributes?: Record<string, Record<string, unknown>> }>;
      return delta.find((d) => d.attributes?.insertion?.authorId === OTHER_ID)!.attributes!.insertion;
    }

    it.each(forbidden)('%s', async (_what, change) => {
      const { focal, reviewer, ref, name } = await world();
      OTHER_ID = reviewer.user.id;
      SELF = focal.user;
      // The reviewer suggests " y amigos" and deleting "Hola"; the focal point suggests " todo" after it.
      const theirs = await connect(reviewer.user, name);
      const r = suggestion(reviewer.user);
      expect(await theirs.send((t) => t.insert(4, ' y amigos', { insertion: r }))).toBe('applied');
      expect(await theirs.send((t) => t.format(0, 4, { deletion: suggestion(reviewer.user) }))).toBe('applied');
      const own = await connect(focal.user, name);
      expect(await own.send((t) => t.insert(4 + ' y amigos'.length, ' todo', { insertion: suggestion(focal.user) }))).toBe('applied');
      const before = await eventually(() => row(ref), (x) => extractSuggestions(x.doc).length === 3);

      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const hostile = await connect(focal.user, name);
      expect(await hostile.send((t) => change(t, { own: '', others: r.id }))).toBe('closed');
      expect(hostile.client.closeReason()).toBe(SUGGESTIONS_ONLY.reason);
      const logged = warn.mock.calls.map((c) => String(c[0])).filter((line) => line.includes('"event":"refused"'));
      warn.mockRestore();
      expect(logged.some((line) => line.includes(focal.user.id) && line.includes('suggestions_only'))).toBe(true);

      await new Promise((resolve) => setTimeout(resolve, 300));
      const after = await row(ref);
      expect(after.doc).toEqual(before.doc);
      expect(after.revision).toBe(before.revision);
      const live = new Y.Doc();
      Y.applyUpdate(live, (await theirs.client.fetchState(name))!);
      expect(yDocJson(live)).toEqual(yDocJson(own.copy));
      for (const c of [theirs, own, hostile]) c.client.close();
    });
  });
});
