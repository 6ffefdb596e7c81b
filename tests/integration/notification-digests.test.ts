import fs from 'node:fs';
import path from 'node:path';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client';
import { assessments, emailDigests, emailOutbox, notifications, partSuggestionIds } from '../../db/schema';
import { yStateFromJson } from '../../lib/collab/yjs-doc';
import { startAssessment } from '../../lib/data/assessments';
import { startThread } from '../../lib/data/comments-anchor';
import { storeLivePart } from '../../lib/data/live-parts';
import { countUnread, listNotifications, markAllRead, openNotification } from '../../lib/data/notifications';
import { restorePartRevision, savePart } from '../../lib/data/parts';
import { decideSuggestions } from '../../lib/data/suggestions';
import type { PartRef } from '../../lib/data/parts';
import type { ProfileDoc } from '../../lib/domain/editor/validate-doc';
import type { Actor } from '../../lib/policy';
import { sendDueDigests } from '../../lib/mail/send-digests';
import { seedJurisdiction, seedUser } from '../support/seed';
import { freshDatabasePerSuite, targets } from '../support/test-db';

/*
 * Digest notifications: new suggestions gather in one unread entry per
 * consultant, profile and section however often the live text is stored, and
 * suggestions and new comment threads reach each person in one digest email,
 * written once even when several instances look for due digests at once.
 */

/** The statements of the migration that filled part_suggestion_ids from the stored revisions, to run again. */
const backfill = fs.readFileSync(path.resolve('db/migrations/0026_part_suggestion_ids_backfill.sql'), 'utf8').split('--> statement-breakpoint');

const uniq = () => Math.random().toString(36).slice(2, 8);
type Person = { userId: string; name: string };
const AT = '2026-12-02T12:00:00.000Z';
const ins = (text: string, id: string, by: Person) => ({
  type: 'text',
  text,
  marks: [{ type: 'insertion', attrs: { id, authorId: by.userId, authorName: by.name, at: AT, comment: null } }],
});
const plain = (text: string) => ({ type: 'text', text });
const docOf = (...content: object[]) => ({ type: 'doc', content: [{ type: 'paragraph', content: [plain('Una ventanilla única'), ...content] }] }) as unknown as ProfileDoc;

describe.each(targets)('digest notifications on %s', (target) => {
  freshDatabasePerSuite(target);

  /** A profile in review with two consultants (French, Spanish), a focal point and a ministry reviewer. */
  async function world() {
    const j = await seedJurisdiction();
    const tag = uniq();
    const consultant = (await seedUser({ name: `Chloé Conseil ${tag}`, locale: 'fr', roles: [{ jurisdictionId: j.id, role: 'consultant' }] })).actor;
    const consultant2 = (await seedUser({ name: `Carlos Consultor ${tag}`, locale: 'es', roles: [{ jurisdictionId: j.id, role: 'consultant' }] })).actor;
    const focal = (await seedUser({ name: `Lucía Focal ${tag}`, locale: 'es', roles: [{ jurisdictionId: j.id, role: 'focal_point' }] })).actor;
    const reviewer = (await seedUser({ name: `Ana Pérez ${tag}`, roles: [{ jurisdictionId: j.id, role: 'reviewer' }] })).actor;
    const { id } = await startAssessment(consultant, { jurisdiction: j.slug, language: 'es' });
    const ref: PartRef = { assessmentId: id, section: 'partnerships', part: 'strengths' };
    await savePart(consultant, ref, { doc: docOf(), baseRevision: 0 });
    await (await getDb()).update(assessments).set({ state: 'in_review' }).where(eq(assessments.id, id));
    /** Stores the live text as the collaboration server does after a pause in typing. */
    const store = (doc: ProfileDoc, by: Person, at = ref) => storeLivePart(at, { doc, state: yStateFromJson(doc), contributors: [by.userId] });
    return { j, id, ref, consultant, consultant2, focal, reviewer, store };
  }

  const digestsOf = async (actor: Actor) => (await listNotifications(actor)).filter((n) => n.kind === 'suggested');
  const mailsTo = async (emails: string[]) => (await getDb()).select().from(emailOutbox).where(inArray(emailOutbox.toEmail, emails));
  /** Time passes: every digest waiting is due. */
  const digestsFallDue = async () => (await getDb()).update(emailDigests).set({ dueAt: sql`now() - interval '1 second'` });

  it('many stores of suggestions make one unread entry per consultant and section, counted by suggestion, never for the suggester', async () => {
    const w = await world();
    const [s1, s2, s3] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    // The reviewer types a suggestion letter by letter: each pause stores the text.
    for (const typed of ['y', 'y a', 'y apoya']) await w.store(docOf(ins(` ${typed}`, s1, w.reviewer)), w.reviewer);
    await w.store(docOf(ins(' y apoya', s1, w.reviewer), plain(' a'), ins(' todas las', s2, w.reviewer), plain(' personas')), w.reviewer);
    await w.store(docOf(ins(' y apoya', s1, w.reviewer), plain(' a'), ins(' todas las', s2, w.reviewer), plain(' personas'), ins(' migrantes', s3, w.focal)), w.focal);

    const [entry, ...more] = await digestsOf(w.consultant);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ section: 'partnerships', suggestions: { count: 3, name: w.focal.name, others: 1 }, actorName: w.focal.name });
    expect(entry.href).toBe(`/assessments/${w.id}/sections/partnerships`);
    expect(await countUnread(w.consultant)).toBe(1);
    expect((await digestsOf(w.consultant2))[0].suggestions).toMatchObject({ count: 3 });
    // Nobody else is told: not the suggesters, not the focal point.
    expect(await digestsOf(w.reviewer)).toEqual([]);
    expect(await digestsOf(w.focal)).toEqual([]);

    // The focal point withdraws hers before the consultant reads it: it is not counted any more.
    await w.store(docOf(ins(' y apoya', s1, w.reviewer), plain(' a'), ins(' todas las', s2, w.reviewer), plain(' personas')), w.focal);
    expect((await digestsOf(w.consultant))[0].suggestions).toEqual({ count: 2, name: w.reviewer.name, others: 0 });

    // Once read, the next suggestion starts a new entry; the read one keeps its count.
    expect(await openNotification(w.consultant, entry.id)).toBe(`/assessments/${w.id}/sections/partnerships`);
    const s4 = crypto.randomUUID();
    await w.store(docOf(ins(' y apoya', s1, w.reviewer), plain(' a'), ins(' todas las', s2, w.reviewer), plain(' personas'), ins(' hoy', s4, w.reviewer)), w.reviewer);
    const [fresh, read] = await digestsOf(w.consultant);
    expect(fresh.readAt).toBeNull();
    expect(fresh.suggestions).toMatchObject({ count: 1 });
    expect(read).toMatchObject({ id: entry.id, suggestions: { count: 2 } });
    // The other consultant had not read theirs: it grew.
    expect(await digestsOf(w.consultant2)).toHaveLength(1);
    expect((await digestsOf(w.consultant2))[0].suggestions).toMatchObject({ count: 3 });

    // Another section has an entry of its own.
    const other: PartRef = { ...w.ref, section: 'well_being' };
    await w.store(docOf(ins(' pronto', crypto.randomUUID(), w.reviewer)), w.reviewer, other);
    expect((await digestsOf(w.consultant2)).map((n) => n.section).sort()).toEqual(['partnerships', 'well_being']);
  });

  it('suggestions decided or all withdrawn before anyone read of them leave no entry behind', async () => {
    const w = await world();
    const s1 = crypto.randomUUID();
    await w.store(docOf(ins(' y apoya', s1, w.reviewer)), w.reviewer);
    expect(await digestsOf(w.consultant)).toHaveLength(1);
    await w.store(docOf(), w.reviewer);
    expect(await digestsOf(w.consultant)).toEqual([]);
    // Back again, then decided by a consultant in draft: gone from the others' unread entries.
    const s2 = crypto.randomUUID();
    await w.store(docOf(ins(' y apoya', s2, w.reviewer)), w.reviewer);
    await (await getDb()).update(assessments).set({ state: 'draft' }).where(eq(assessments.id, w.id));
    await decideSuggestions(w.consultant, w.id, { suggestionId: s2 }, 'accept');
    expect(await digestsOf(w.consultant2)).toEqual([]);
  });

  it('a restore bringing back suggestions told before, since decided or withdrawn, tells nobody again; a new one after it does', async () => {
    const w = await world();
    const db = await getDb();
    const people = [w.consultant.email, w.consultant2.email];
    const [decided, withdrawn] = [crypto.randomUUID(), crypto.randomUUID()];
    const told = await w.store(docOf(ins(' y apoya', decided, w.reviewer), ins(' a todas', withdrawn, w.focal)), w.reviewer);
    await digestsFallDue();
    await sendDueDigests();
    expect(await mailsTo(people)).toHaveLength(2);
    // The consultant reads of them; the other consultant lets the entry stand unread.
    await markAllRead(w.consultant);
    // The focal point withdraws hers, and back in draft a consultant accepts the reviewer's.
    await w.store(docOf(ins(' y apoya', decided, w.reviewer)), w.focal);
    await db.update(assessments).set({ state: 'draft' }).where(eq(assessments.id, w.id));
    const { revision } = await decideSuggestions(w.consultant, w.id, { suggestionId: decided }, 'accept');
    expect(await digestsOf(w.consultant2)).toEqual([]);

    // The revision that held both comes back: both open again, nobody told again.
    await restorePartRevision(w.consultant, w.ref, told.revision, revision!);
    expect(await digestsOf(w.consultant2)).toEqual([]);
    expect((await digestsOf(w.consultant)).every((n) => n.readAt !== null)).toBe(true);
    expect(await countUnread(w.consultant)).toBe(0);
    await digestsFallDue();
    await sendDueDigests();
    expect(await mailsTo(people)).toHaveLength(2);

    // A suggestion made after the restore is news as ever.
    const doc = docOf(ins(' y apoya', decided, w.reviewer), ins(' a todas', withdrawn, w.focal), ins(' hoy', crypto.randomUUID(), w.consultant2));
    await w.store(doc, w.consultant2);
    expect((await digestsOf(w.consultant)).find((n) => n.readAt === null)?.suggestions).toEqual({ count: 1, name: w.consultant2.name, others: 0 });
    expect(await digestsOf(w.consultant2)).toEqual([]);
    await digestsFallDue();
    await sendDueDigests();
    expect((await mailsTo(people)).filter((m) => m.toEmail === w.consultant.email)).toHaveLength(2);
  });

  it('the migration that starts part_suggestion_ids lists every suggestion the stored revisions held, so a restore after it tells nobody again', async () => {
    const w = await world();
    const db = await getDb();
    const [kept, withdrawn] = [crypto.randomUUID(), crypto.randomUUID()];
    const told = await w.store(docOf(ins(' y apoya', kept, w.reviewer), ins(' a todas', withdrawn, w.focal)), w.reviewer);
    const { revision } = await w.store(docOf(ins(' y apoya', kept, w.reviewer)), w.focal);
    await markAllRead(w.consultant);
    await markAllRead(w.consultant2);
    // As a database from before the table: the revisions hold the suggestions, the table nothing.
    const ofPart = and(eq(partSuggestionIds.assessmentId, w.id), eq(partSuggestionIds.section, w.ref.section), eq(partSuggestionIds.part, w.ref.part));
    await db.delete(partSuggestionIds).where(ofPart);
    for (const statement of backfill) await db.execute(sql.raw(statement));
    const listed = await db.select({ id: partSuggestionIds.suggestionId }).from(partSuggestionIds).where(ofPart);
    expect(listed.map((r) => r.id).sort()).toEqual([kept, withdrawn].sort());
    await db.update(assessments).set({ state: 'draft' }).where(eq(assessments.id, w.id));
    await restorePartRevision(w.consultant, w.ref, told.revision, revision);
    expect(await countUnread(w.consultant)).toBe(0);
    expect(await countUnread(w.consultant2)).toBe(0);
  });

  it('a consultant suggesting in draft tells the other consultant, not themself', async () => {
    const w = await world();
    await (await getDb()).update(assessments).set({ state: 'draft' }).where(eq(assessments.id, w.id));
    await w.store(docOf(ins(' y apoya', crypto.randomUUID(), w.consultant)), w.consultant);
    expect(await digestsOf(w.consultant)).toEqual([]);
    expect((await digestsOf(w.consultant2))[0].suggestions).toEqual({ count: 1, name: w.consultant.name, others: 0 });
  });

  it('suggestions and new threads reach each person in one digest email, in their language, once it is due, and only once', async () => {
    const w = await world();
    await w.store(docOf(ins(' y apoya', crypto.randomUUID(), w.reviewer), ins(' a todas', crypto.randomUUID(), w.reviewer)), w.reviewer);
    await startThread(w.focal, w.id, { ...w.ref, quote: 'ventanilla única', body: '¿Cuál es la ordenanza?' });
    const people = [w.consultant.email, w.consultant2.email];
    // Nothing is emailed one by one, and nothing before the digest is due.
    expect(await mailsTo(people)).toEqual([]);
    expect(await sendDueDigests()).toEqual({ written: 0 });
    expect(await mailsTo(people)).toEqual([]);

    await digestsFallDue();
    // Two instances look for due digests at the same moment: each person gets one.
    const runs = await Promise.all([sendDueDigests(), sendDueDigests()]);
    expect(runs[0].written + runs[1].written).toBeGreaterThanOrEqual(2);
    const mails = await mailsTo(people);
    expect(mails.map((m) => m.toEmail).sort()).toEqual([...people].sort());
    const fr = mails.find((m) => m.toEmail === w.consultant.email)!;
    expect(fr.subject).toBe('MGI Studio : 2 modifications suggérées et 1 nouveau commentaire');
    expect(fr.body).toContain('Bonjour Chloé');
    expect(fr.body).toContain(`Partenariats : 2 modifications suggérées et 1 nouveau commentaire, par ${w.focal.name} et 1 autre personne`);
    expect(fr.body).toContain(`/assessments/${w.id}/sections/partnerships`);
    expect(mails.find((m) => m.toEmail === w.consultant2.email)!.subject).toBe('MGI Studio: 2 cambios sugeridos y 1 comentario nuevo');

    // Told once: nothing more to send, even when a digest row falls due again with nothing new.
    await digestsFallDue();
    expect(await sendDueDigests()).toEqual({ written: 0 });
    expect(await mailsTo(people)).toHaveLength(2);
    // The next suggestion starts a new wait; read in the app before it is due, it is not emailed.
    await w.store(docOf(ins(' y apoya', crypto.randomUUID(), w.reviewer)), w.reviewer);
    expect(await sendDueDigests()).toEqual({ written: 0 });
    await markAllRead(w.consultant);
    await digestsFallDue();
    await sendDueDigests();
    const after = await mailsTo(people);
    expect(after.filter((m) => m.toEmail === w.consultant.email)).toHaveLength(1);
    expect(after.filter((m) => m.toEmail === w.consultant2.email)).toHaveLength(2);
  });

  // PGlite has one connection: a second instance cannot hold a row meanwhile there.
  it.runIf(target === 'postgres')('a person whose digest another instance is writing is skipped, not waited for, and written once', async () => {
    const w = await world();
    await w.store(docOf(ins(' y apoya', crypto.randomUUID(), w.reviewer)), w.reviewer);
    await digestsFallDue();
    const db = await getDb();
    const mine = [w.consultant.userId, w.consultant2.userId];
    await db.transaction(async (other) => {
      // The other instance has claimed these two people and has not committed yet.
      await other.select().from(emailDigests).where(inArray(emailDigests.userId, mine)).for('update');
      await sendDueDigests();
      expect(await mailsTo([w.consultant.email, w.consultant2.email])).toEqual([]);
    });
    await sendDueDigests();
    expect((await mailsTo([w.consultant.email, w.consultant2.email])).map((m) => m.toEmail).sort()).toEqual([w.consultant.email, w.consultant2.email].sort());
  });

  it('many people due at once, many instances: every person gets exactly one digest', async () => {
    const j = await seedJurisdiction();
    const crowd = await Promise.all(Array.from({ length: 6 }, () => seedUser({ roles: [{ jurisdictionId: j.id, role: 'consultant' }] })));
    const focal = (await seedUser({ roles: [{ jurisdictionId: j.id, role: 'focal_point' }] })).actor;
    const { id } = await startAssessment(crowd[0].actor, { jurisdiction: j.slug, language: 'en' });
    const ref = { assessmentId: id, section: 'migrants_rights', part: 'potential' } as const;
    await savePart(crowd[0].actor, ref, { doc: docOf(), baseRevision: 0 });
    await (await getDb()).update(assessments).set({ state: 'in_review' }).where(eq(assessments.id, id));
    const doc = docOf(ins(' y apoya', crypto.randomUUID(), focal));
    await storeLivePart(ref, { doc, state: yStateFromJson(doc), contributors: [focal.userId] });
    await digestsFallDue();
    // Small batches, so the instances really take turns over the rows.
    const runs = await Promise.all([sendDueDigests(2), sendDueDigests(2), sendDueDigests(2), sendDueDigests(2), sendDueDigests(2)]);
    await sendDueDigests();
    const emails = crowd.map((c) => c.user.email);
    const mails = await mailsTo(emails);
    expect(mails.map((m) => m.toEmail).sort()).toEqual([...emails].sort());
    expect(runs.reduce((n, r) => n + r.written, 0)).toBeLessThanOrEqual(6);
    expect(await (await getDb()).select().from(emailDigests).where(inArray(emailDigests.userId, crowd.map((c) => c.user.id)))).toEqual([]);
    const told = await (await getDb()).select().from(notifications).where(eq(notifications.assessmentId, id));
    expect(told.map((n) => n.userId).sort()).toEqual(crowd.map((c) => c.user.id).sort());
  });
});
