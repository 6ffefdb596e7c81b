import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getDb } from '../../db/client';
import { assessments, memberships, partRevisions } from '../../db/schema';
import { collabDocName } from '../../lib/collab/doc-name';
import { COLLAB_FIELD, yDocJson } from '../../lib/collab/yjs-doc';
import { startAssessment } from '../../lib/data/assessments';
import { listPartRevisions, savePart } from '../../lib/data/parts';
import { grantRole, revokeRole, setUserActive } from '../../lib/data/users';
import { removeReviewer } from '../../lib/data/reviewers';
import { deleteSession } from '../../lib/data/sessions';
import { RIGHTS_CHANGED } from '../../server/collab-rights';
import { liveAccess, loadLiveState, storeLivePart } from '../../lib/data/live-parts';
import { loadActor } from '../../lib/data/actor';
import { NotFoundError } from '../../lib/data/errors';
import { validateProfileDoc } from '../../lib/domain/editor/validate-doc';
import { profileSlots } from '../../lib/domain/profile';
import { submitForReview } from '../../lib/data/workflow';
import { openProvider, rawClient, session, sessionCookie, startCollab } from '../support/collab-client';
import { eventually, para, storedPart as part } from '../support/live-part';
import { seedJurisdiction, seedUser } from '../support/seed';
import { freshDatabasePerSuite, targets } from '../support/test-db';

/** The paragraphs' text, one per line. */
const plain = (doc: unknown) =>
  ((doc as { content?: Array<{ content?: Array<{ text?: string }> }> }).content ?? []).map((p) => (p.content ?? []).map((t) => t.text ?? '').join('')).join('\n');
const textOf = (state: Uint8Array) => {
  const d = new Y.Doc();
  Y.applyUpdate(d, state);
  return JSON.stringify(yDocJson(d));
};


describe.each(targets)('live editing on %s', (target) => {
  freshDatabasePerSuite(target);

  async function world() {
    const j = await seedJurisdiction();
    const consultant = await seedUser({ roles: [{ jurisdictionId: j.id, role: 'consultant' }] });
    const second = await seedUser({ roles: [{ jurisdictionId: j.id, role: 'consultant' }] });
    const focal = await seedUser({ roles: [{ jurisdictionId: j.id, role: 'focal_point' }] });
    const stranger = await seedUser({ roles: [] });
    const { id } = await startAssessment(consultant.actor, { jurisdiction: j.slug, language: 'es' });
    const ref = { assessmentId: id, section: 'migrants_rights', part: 'strengths' } as const;
    await savePart(consultant.actor, ref, { doc: para('Hola'), baseRevision: 0 });
    return { j, consultant, second, focal, stranger, ref, name: collabDocName(ref) };
  }


  describe('who may hold a part open live', () => {
    it('follows the profile\'s state and the person\'s roles as they are in the database now', async () => {
      const { j, consultant, focal, stranger, ref } = await world();
      const admin = await seedUser({ isAdmin: true });
      expect(await liveAccess(consultant.actor, ref)).toBe('edit');
      expect(await liveAccess(focal.actor, ref)).toBe('read');
      expect(await liveAccess(admin.actor, ref)).toBe('read');
      await expect(liveAccess(stranger.actor, ref)).rejects.toBeInstanceOf(NotFoundError);
      await expect(liveAccess(consultant.actor, { ...ref, assessmentId: '00000000-0000-4000-8000-000000000000' })).rejects.toBeInstanceOf(NotFoundError);
      const db = await getDb();
      await db.update(assessments).set({ state: 'in_review' }).where(eq(assessments.id, ref.assessmentId));
      expect(await liveAccess(consultant.actor, ref)).toBe('read');
      await db.update(assessments).set({ state: 'draft' }).where(eq(assessments.id, ref.assessmentId));
      await revokeRole(admin.actor, { userId: consultant.user.id, jurisdictionId: j.id, role: 'consultant' });
      // The actor as the next request would load it: the role is gone.
      const reloaded = await loadActor(consultant.user.id, 'session');
      await expect(liveAccess(reloaded, ref)).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe('persistence', () => {
    it('makes the live state once from the stored text, and every later load takes that one', async () => {
      const { consultant, second, ref } = await world();
      const first = await loadLiveState(consultant.actor, ref);
      expect(textOf(first)).toBe(JSON.stringify(para('Hola')));
      const again = await loadLiveState(second.actor, ref);
      expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
    });

    it('refuses strangers, and lets a focal point load what they may read', async () => {
      const { focal, stranger, ref } = await world();
      await expect(loadLiveState(stranger.actor, ref)).rejects.toMatchObject({ code: 'not_found' });
      expect(textOf(await loadLiveState(focal.actor, ref))).toContain('Hola');
    });

    it('stores a changed text as one revision naming every contributor, and an unchanged one as state only', async () => {
      const { consultant, second, ref } = await world();
      const ydoc = new Y.Doc();
      Y.applyUpdate(ydoc, await loadLiveState(consultant.actor, ref));
      (ydoc.getXmlFragment(COLLAB_FIELD).get(0) as Y.XmlElement).insert(1, [new Y.XmlText(' mundo')]);
      const checked = validateProfileDoc(yDocJson(ydoc));
      if (!checked.ok) throw new Error(checked.message);
      const stored = await storeLivePart(ref, { doc: checked.doc, state: Y.encodeStateAsUpdate(ydoc), contributors: [consultant.user.id, second.user.id] });
      expect(stored).toEqual({ revision: 2, changed: true });
      const row = await part(ref);
      expect(row.doc).toEqual(checked.doc);
      expect(row.updatedBy).toBe(second.user.id);
      const history = await listPartRevisions(consultant.actor, ref);
      expect(history[0].revision).toBe(2);
      expect(history[0].authorName).toBe([consultant.user.name, second.user.name].sort().join(', '));
      // The same text again: the state is kept, no revision is made.
      expect(await storeLivePart(ref, { doc: checked.doc, state: Y.encodeStateAsUpdate(ydoc), contributors: [] })).toEqual({ revision: 2, changed: false });
      const db = await getDb();
      expect(await db.select().from(partRevisions).where(eq(partRevisions.assessmentId, ref.assessmentId))).toHaveLength(2);
    });

    it('a save through the API moves the live state on, so it holds the saved text in the same history', async () => {
      const { consultant, ref } = await world();
      const before = await loadLiveState(consultant.actor, ref);
      await savePart(consultant.actor, ref, { doc: para('Adiós'), baseRevision: 1 });
      const after = (await part(ref)).yjsState!;
      expect(textOf(after)).toBe(JSON.stringify(para('Adiós')));
      // Same history: the old state is contained in the new one.
      const d = new Y.Doc();
      Y.applyUpdate(d, after);
      expect(Y.snapshotContainsUpdate(Y.snapshot(d), before)).toBe(true);
    });
  });

  describe('over the WebSocket', () => {
    let server: Awaited<ReturnType<typeof startCollab>>;
    beforeAll(async () => {
      server = await startCollab();
    });
    afterAll(() => server?.stop());

    const origin = () => `http://127.0.0.1:${server.port}`;

    it('two editors typing in one paragraph at once converge, and the database holds both inputs with both authors', async () => {
      const { consultant, second, ref, name } = await world();
      const a = await openProvider(server.url, await sessionCookie(consultant.user.id), name);
      const b = await openProvider(server.url, await sessionCookie(second.user.id), name);
      expect([a.outcome, b.outcome]).toEqual(['synced', 'synced']);
      const textA = (a.document.getXmlFragment(COLLAB_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
      const textB = (b.document.getXmlFragment(COLLAB_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
      for (let i = 0; i < 10; i++) {
        textA.insert(2, 'a');
        textB.insert(2, 'b');
      }
      const count = (text: string, letter: string) => text.split(letter).length - 1;
      const [final] = await eventually(
        () => [plain(yDocJson(a.document)), plain(yDocJson(b.document))],
        ([x, y]) => x === y && count(x, 'a') === 11 && count(x, 'b') === 10,
      );
      expect(final.startsWith('Ho') && final.endsWith('la')).toBe(true);
      const row = await eventually(() => part(ref), (r) => plain(r.doc) === final);
      expect(row.doc).toEqual(yDocJson(a.document));
      // Stored as typing paused (maybe more than once): the revisions since the first name them both.
      const authors = (await listPartRevisions(consultant.actor, ref)).filter((h) => h.revision > 1).map((h) => h.authorName).join(', ');
      expect(authors).toContain(consultant.user.name);
      expect(authors).toContain(second.user.name);
      a.close();
      b.close();
    });

    it('an API save reaches open editors live', async () => {
      const { consultant, ref, name } = await world();
      const a = await openProvider(server.url, await sessionCookie(consultant.user.id), name);
      await savePart(consultant.actor, ref, { doc: para('Desde la API'), baseRevision: 1 });
      await eventually(() => a.text(), (t) => t.includes('Desde la API') && !t.includes('Hola'));
      a.close();
    });

    it('a focal point reads live but cannot write; a stranger and a cookie-less or foreign page are refused', async () => {
      const { consultant, focal, stranger, ref, name } = await world();
      const editor = await openProvider(server.url, await sessionCookie(consultant.user.id), name);
      const reader = await rawClient(server.url, { cookie: await sessionCookie(focal.user.id), origin: origin() });
      expect(await reader.auth(name)).toBe('readonly');
      const state = await reader.fetchState(name);
      const copy = new Y.Doc();
      Y.applyUpdate(copy, state!);
      const sv = Y.encodeStateVector(copy);
      ((copy.getXmlFragment(COLLAB_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'focal ');
      expect(await reader.sendUpdate(name, Y.encodeStateAsUpdate(copy, sv))).toBe('refused');

      const outsider = await rawClient(server.url, { cookie: await sessionCookie(stranger.user.id), origin: origin() });
      expect(await outsider.auth(name)).toBe('denied');
      // A profile that does not exist gets the very same answer.
      expect(await outsider.auth(collabDocName({ ...ref, assessmentId: '00000000-0000-4000-8000-000000000000' }))).toBe('denied');
      expect((await rawClient(server.url, { origin: origin() })).opened).toBe(false);
      expect((await rawClient(server.url, { cookie: await sessionCookie(consultant.user.id), origin: 'https://evil.example' })).opened).toBe(false);

      await new Promise((resolve) => setTimeout(resolve, 300)); // longer than the store delay: nothing was stored
      expect((await part(ref)).doc).toEqual(para('Hola'));
      expect(editor.text()).not.toContain('focal');
      for (const c of [reader, outsider]) c.close();
      editor.close();
    });

    it('a consultation reviewer: refused while the profile is a draft, may only suggest in review, and their plain changes refused', async () => {
      const { j, consultant, ref, name } = await world();
      const reviewer = await seedUser({ roles: [{ jurisdictionId: j.id, role: 'reviewer' }] });
      const client = await rawClient(server.url, { cookie: await sessionCookie(reviewer.user.id), origin: origin() });
      expect(await client.auth(name)).toBe('denied'); // a draft does not exist for them
      client.close();
      for (const slot of profileSlots) {
        if (slot.section === ref.section && slot.part === ref.part) continue;
        await savePart(consultant.actor, { assessmentId: ref.assessmentId, ...slot }, { doc: para('Texto.'), baseRevision: 0 });
      }
      await submitForReview(consultant.actor, ref.assessmentId);
      const reader = await rawClient(server.url, { cookie: await sessionCookie(reviewer.user.id), origin: origin() });
      // Writable, for suggestions only (tests/integration/suggestions-live.test.ts): a plain edit closes it.
      expect(await reader.auth(name)).toBe('read-write');
      const copy = new Y.Doc();
      Y.applyUpdate(copy, (await reader.fetchState(name))!);
      const sv = Y.encodeStateVector(copy);
      ((copy.getXmlFragment(COLLAB_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'ministerio ');
      expect(await reader.sendUpdate(name, Y.encodeStateAsUpdate(copy, sv))).toBe('closed');
      await new Promise((resolve) => setTimeout(resolve, 300)); // longer than the store delay: nothing was stored
      expect((await part(ref)).doc).toEqual(para('Hola'));
      reader.close();
    });

    it.each([
      ['an iframe', (f: Y.XmlFragment) => f.push([new Y.XmlElement('iframe')])],
      [
        'a javascript: link',
        (f: Y.XmlFragment) => {
          const t = new Y.XmlText();
          t.insert(0, 'clic', { link: { href: 'javascript:alert(1)' } });
          (f.get(0) as Y.XmlElement).push([t]);
        },
      ],
      ['an unknown node', (f: Y.XmlFragment) => f.push([new Y.XmlElement('script')])],
    ])('an update adding %s is refused: the connection is cut, nothing is stored, others see nothing', async (_what, build) => {
      const { consultant, second, ref, name } = await world();
      const other = await openProvider(server.url, await sessionCookie(second.user.id), name);
      const hostile = await rawClient(server.url, { cookie: await sessionCookie(consultant.user.id), origin: origin() });
      expect(await hostile.auth(name)).toBe('read-write');
      const copy = new Y.Doc();
      Y.applyUpdate(copy, (await hostile.fetchState(name))!);
      const sv = Y.encodeStateVector(copy);
      build(copy.getXmlFragment(COLLAB_FIELD));
      expect(await hostile.sendUpdate(name, Y.encodeStateAsUpdate(copy, sv))).toBe('closed');
      await new Promise((resolve) => setTimeout(resolve, 300));
      const row = await part(ref);
      expect(row.doc).toEqual(para('Hola'));
      expect(row.revision).toBe(1);
      expect(textOf(row.yjsState!)).toBe(JSON.stringify(para('Hola')));
      expect(JSON.stringify(yDocJson(other.document))).toBe(JSON.stringify(para('Hola')));
      hostile.close();
      other.close();
    });

    it('a 10 MB message is refused and nothing is stored', async () => {
      const { consultant, ref, name } = await world();
      const hostile = await rawClient(server.url, { cookie: await sessionCookie(consultant.user.id), origin: origin() });
      expect(await hostile.auth(name)).toBe('read-write');
      const copy = new Y.Doc();
      Y.applyUpdate(copy, (await hostile.fetchState(name))!);
      const sv = Y.encodeStateVector(copy);
      ((copy.getXmlFragment(COLLAB_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'x'.repeat(10 * 1024 * 1024));
      expect(await hostile.sendUpdate(name, Y.encodeStateAsUpdate(copy, sv))).toBe('closed');
      expect(hostile.closed()?.code).toBe(1009);
      const row = await part(ref);
      expect(row.doc).toEqual(para('Hola'));
      expect(row.revision).toBe(1);
    });

    it('a role taken away cuts live editing at the next change: refused, not stored', async () => {
      const { j, consultant, ref, name } = await world();
      const hostile = await rawClient(server.url, { cookie: await sessionCookie(consultant.user.id), origin: origin() });
      expect(await hostile.auth(name)).toBe('read-write');
      const copy = new Y.Doc();
      Y.applyUpdate(copy, (await hostile.fetchState(name))!);
      const text = () => (copy.getXmlFragment(COLLAB_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
      let sv = Y.encodeStateVector(copy);
      text().insert(0, 'antes ');
      expect(await hostile.sendUpdate(name, Y.encodeStateAsUpdate(copy, sv))).toBe('applied');
      const db = await getDb();
      await db.delete(memberships).where(and(eq(memberships.userId, consultant.user.id), eq(memberships.jurisdictionId, j.id)));
      sv = Y.encodeStateVector(copy);
      text().insert(0, 'después ');
      expect(await hostile.sendUpdate(name, Y.encodeStateAsUpdate(copy, sv))).toBe('closed');
      const row = await eventually(() => part(ref), (r) => JSON.stringify(r.doc).includes('antes'));
      expect(JSON.stringify(row.doc)).not.toContain('después');
      hostile.close();
    });
  });
  describe('a right taken away cuts live editing at once', () => {
    let server: Awaited<ReturnType<typeof startCollab>>;
    beforeAll(async () => {
      // No periodic check within these tests: only the notice of the change can cut a connection.
      server = await startCollab({ recheckEveryMs: 600_000 });
    });
    afterAll(() => server?.stop());

    const origin = () => `http://127.0.0.1:${server.port}`;
    const connect = async (userId: string) => rawClient(server.url, { cookie: await sessionCookie(userId), origin: origin() });
    /** An update inserting `words` at the start of the first paragraph of the server's text. */
    async function edit(client: Awaited<ReturnType<typeof rawClient>>, name: string, words: string) {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, (await client.fetchState(name))!);
      const sv = Y.encodeStateVector(copy);
      ((copy.getXmlFragment(COLLAB_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, words);
      return Y.encodeStateAsUpdate(copy, sv);
    }

    it('submitting the profile closes its editors\' connections with no change sent; they come back read-only and what they send is refused', async () => {
      const { consultant, ref, name } = await world();
      for (const slot of profileSlots) {
        if (slot.section !== ref.section || slot.part !== ref.part) await savePart(consultant.actor, { assessmentId: ref.assessmentId, ...slot }, { doc: para('Texto'), baseRevision: 0 });
      }
      const writer = await connect(consultant.user.id);
      expect(await writer.auth(name)).toBe('read-write');
      const late = await edit(writer, name, 'tarde ');
      const provider = await openProvider(server.url, await sessionCookie(consultant.user.id), name);
      const scopes: string[] = [];
      provider.provider.on('authenticated', ({ scope }: { scope: string }) => scopes.push(scope));

      await submitForReview(consultant.actor, ref.assessmentId);
      await eventually(() => writer.closed(), (closed) => closed !== null);
      expect(writer.closed()?.code).toBe(RIGHTS_CHANGED.code);
      // The browser's provider reconnects by itself and is let in read-only.
      await eventually(() => scopes, (s) => s.includes('readonly'));

      const again = await connect(consultant.user.id);
      expect(await again.auth(name)).toBe('readonly');
      expect(await again.sendUpdate(name, late)).toBe('refused');
      await new Promise((resolve) => setTimeout(resolve, 300)); // longer than the store delay: nothing was stored
      expect((await part(ref)).doc).toEqual(para('Hola'));
      expect(provider.text()).not.toContain('tarde');
      again.close();
      provider.close();
    });

    it('a revoked role closes the connection at once, and the person is let in no more', async () => {
      const { j, consultant, ref, name } = await world();
      const admin = await seedUser({ isAdmin: true });
      const writer = await connect(consultant.user.id);
      expect(await writer.auth(name)).toBe('read-write');
      await revokeRole(admin.actor, { userId: consultant.user.id, jurisdictionId: j.id, role: 'consultant' });
      await eventually(() => writer.closed(), (closed) => closed !== null);
      expect(writer.closed()?.code).toBe(RIGHTS_CHANGED.code);
      expect(await (await connect(consultant.user.id)).auth(name)).toBe('denied');
      expect((await part(ref)).revision).toBe(1);
    });

    it('a deactivated user is cut at once, readers included, and their handshake is refused', async () => {
      const { focal, name } = await world();
      const admin = await seedUser({ isAdmin: true });
      const reader = await connect(focal.user.id);
      expect(await reader.auth(name)).toBe('readonly');
      await setUserActive(admin.actor, focal.user.id, false);
      await eventually(() => reader.closed(), (closed) => closed !== null);
      expect(reader.closed()?.code).toBe(RIGHTS_CHANGED.code);
      expect((await connect(focal.user.id)).opened).toBe(false);
    });

    // PostgreSQL only: the document's load is held back by a lock taken on another connection
    // (PGlite has one connection, which the lock would hold too).
    it.runIf(target === 'postgres')('a role revoked while the document is still loading is judged as the connection joins it', async () => {
      // Its own server, whose periodic check would come only after the test: only the join can cut it.
      const own = await startCollab({ recheckEveryMs: 600_000 });
      try {
        const { j, consultant, name } = await world();
        const admin = await seedUser({ isAdmin: true });
        const db = await getDb();
        let locked!: () => void;
        let release!: () => void;
        const isLocked = new Promise<void>((resolve) => (locked = resolve));
        const held = new Promise<void>((resolve) => (release = resolve));
        const lock = db.transaction(async (tx) => {
          await tx.execute(sql`LOCK TABLE assessment_parts IN ACCESS EXCLUSIVE MODE`);
          locked();
          await held;
        });
        await isLocked;
        const writer = await rawClient(own.url, { cookie: await sessionCookie(consultant.user.id), origin: `http://127.0.0.1:${own.port}` });
        // The handshake reads the profile and the roles, not the part: it is let in, and its document waits.
        expect(await writer.auth(name)).toBe('read-write');
        await revokeRole(admin.actor, { userId: consultant.user.id, jurisdictionId: j.id, role: 'consultant' });
        release();
        await lock;
        const cut = await Promise.race([eventually(() => writer.closed(), (closed) => closed !== null), new Promise<null>((resolve) => setTimeout(() => resolve(null), 20_000))]);
        expect(cut?.code).toBe(RIGHTS_CHANGED.code);
      } finally {
        await own.stop();
      }
    });

    it('logging out closes that session\'s open parts at once; the same person\'s other session stays', async () => {
      const { consultant, name } = await world();
      const ending = await session(consultant.user.id);
      const goes = await rawClient(server.url, { cookie: ending.cookie, origin: origin() });
      const stays = await connect(consultant.user.id);
      expect([await goes.auth(name), await stays.auth(name)]).toEqual(['read-write', 'read-write']);
      await deleteSession(ending.sid); // what logging out does (lib/auth/options.ts)
      await eventually(() => goes.closed(), (closed) => closed !== null);
      expect(goes.closed()?.code).toBe(RIGHTS_CHANGED.code);
      expect(await stays.sendUpdate(name, await edit(stays, name, 'sigo '))).toBe('applied');
      expect(stays.closed()).toBeNull();
      stays.close();
    });

    it('a socket whose session ended gets no part, though it held none open when the session ended', async () => {
      const { consultant, ref, name } = await world();
      const other = collabDocName({ ...ref, part: 'potential' });
      const ending = await session(consultant.user.id);
      const socket = await rawClient(server.url, { cookie: ending.cookie, origin: origin() });
      expect(socket.opened).toBe(true);
      await deleteSession(ending.sid);
      // The handshake's person is not trusted later: each part asked for is judged with the session as it is now.
      expect(await socket.auth(name)).toBe('denied');
      expect(await socket.auth(other)).toBe('denied');
      socket.close();
    });

    it('a reviewer removed from the jurisdiction is cut at once', async () => {
      const { j, consultant, focal, ref, name } = await world();
      const reviewer = await seedUser({ roles: [{ jurisdictionId: j.id, role: 'reviewer' }] });
      for (const slot of profileSlots) {
        if (slot.section !== ref.section || slot.part !== ref.part) await savePart(consultant.actor, { assessmentId: ref.assessmentId, ...slot }, { doc: para('Texto.'), baseRevision: 0 });
      }
      await submitForReview(consultant.actor, ref.assessmentId);
      const client = await connect(reviewer.user.id);
      expect(await client.auth(name)).toBe('read-write'); // for suggestions only
      await removeReviewer(focal.actor, j.slug, reviewer.user.id);
      await eventually(() => client.closed(), (closed) => closed !== null);
      expect(client.closed()?.code).toBe(RIGHTS_CHANGED.code);
      expect(await (await connect(reviewer.user.id)).auth(name)).toBe('denied');
    });

    it('a role granted lets a reader reconnect as an editor', async () => {
      const { j, focal, name } = await world();
      const admin = await seedUser({ isAdmin: true });
      const reader = await connect(focal.user.id);
      expect(await reader.auth(name)).toBe('readonly');
      await grantRole(admin.actor, { userId: focal.user.id, jurisdictionId: j.id, role: 'consultant' });
      await eventually(() => reader.closed(), (closed) => closed !== null);
      const editor = await connect(focal.user.id);
      expect(await editor.auth(name)).toBe('read-write');
      expect(await editor.sendUpdate(name, await edit(editor, name, 'ahora '))).toBe('applied');
      editor.close();
    });

    it('people whose rights did not change keep their connection', async () => {
      const { consultant, second, j, name } = await world();
      const admin = await seedUser({ isAdmin: true });
      const stays = await connect(second.user.id);
      const goes = await connect(consultant.user.id);
      expect([await stays.auth(name), await goes.auth(name)]).toEqual(['read-write', 'read-write']);
      await revokeRole(admin.actor, { userId: consultant.user.id, jurisdictionId: j.id, role: 'consultant' });
      await eventually(() => goes.closed(), (closed) => closed !== null);
      // Both were judged together: the one still allowed edits on.
      expect(await stays.sendUpdate(name, await edit(stays, name, 'sigo '))).toBe('applied');
      expect(stays.closed()).toBeNull();
      stays.close();
    });
  });

  describe('a right taken away on another instance', () => {
    let server: Awaited<ReturnType<typeof startCollab>>;
    beforeAll(async () => {
      server = await startCollab({ recheckEveryMs: 100 });
    });
    afterAll(() => server?.stop());

    it('ends a reader\'s live view at the next periodic check, though nothing told this instance', async () => {
      const { j, focal, name } = await world();
      const reader = await rawClient(server.url, { cookie: await sessionCookie(focal.user.id), origin: `http://127.0.0.1:${server.port}` });
      expect(await reader.auth(name)).toBe('readonly');
      const db = await getDb();
      // Written as another instance would: straight to the database, no announcement here.
      await db.delete(memberships).where(and(eq(memberships.userId, focal.user.id), eq(memberships.jurisdictionId, j.id)));
      await eventually(() => reader.closed(), (closed) => closed !== null);
      expect(reader.closed()?.code).toBe(RIGHTS_CHANGED.code);
    });
  });
});
