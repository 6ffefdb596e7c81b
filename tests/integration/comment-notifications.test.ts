import { and, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client';
import { comments, emailDigests, emailOutbox, notifications } from '../../db/schema';
import { startAssessment } from '../../lib/data/assessments';
import { listMentionable, notifyComment } from '../../lib/data/comment-notifications';
import { startThread } from '../../lib/data/comments-anchor';
import { replyToThread } from '../../lib/data/comments-write';
import { reviewDomain } from '../../lib/data/domain-reviews';
import { InvalidInputError, NotFoundError } from '../../lib/data/errors';
import { countUnread, listNotifications, NOTIFICATION_UNAVAILABLE, openNotification } from '../../lib/data/notifications';
import { savePart } from '../../lib/data/parts';
import { approveProfile, publishProfile, requestChanges, submitForReview } from '../../lib/data/workflow';
import { editionSlug } from '../../lib/domain/edition-label';
import { sendDueDigests } from '../../lib/mail/send-digests';
import { domainKeys, profileSlots } from '../../lib/domain/profile';
import { seedJurisdiction, seedUser } from '../support/seed';
import { freshDatabasePerSuite, targets } from '../support/test-db';

const para = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const slot = { section: 'partnerships', part: 'strengths' } as const;
const uniq = () => Math.random().toString(36).slice(2, 8);

describe.each(targets)('comment, mention and publication notifications on %s', (target) => {
  freshDatabasePerSuite(target);

  /** A profile in review on its own jurisdiction, with people in three languages. */
  async function world() {
    const j = await seedJurisdiction();
    const other = await seedJurisdiction();
    const tag = uniq();
    const consultant = (await seedUser({ name: `Chloé Conseil ${tag}`, locale: 'fr', roles: [{ jurisdictionId: j.id, role: 'consultant' }] })).actor;
    const consultant2 = (await seedUser({ name: `Carlos Consultor ${tag}`, locale: 'es', roles: [{ jurisdictionId: j.id, role: 'consultant' }] })).actor;
    const focal = (await seedUser({ name: `Lucía Focal ${tag}`, locale: 'es', roles: [{ jurisdictionId: j.id, role: 'focal_point' }] })).actor;
    const focal2 = (await seedUser({ name: `Frank Focal ${tag}`, locale: null, roles: [{ jurisdictionId: j.id, role: 'focal_point' }] })).actor;
    const admin = (await seedUser({ name: `Ada Admin ${tag}`, locale: 'fr', isAdmin: true })).actor;
    const stranger = (await seedUser({ name: `Sam Stranger ${tag}`, roles: [{ jurisdictionId: other.id, role: 'consultant' }] })).actor;
    const gone = (await seedUser({ name: `Gina Gone ${tag}`, active: false, roles: [{ jurisdictionId: j.id, role: 'consultant' }] })).user;
    const { id } = await startAssessment(consultant, { jurisdiction: j.slug, language: 'es' });
    for (const s of profileSlots) await savePart(consultant, { assessmentId: id, ...s }, { doc: para(`Una ventanilla única en ${s.section}.`), baseRevision: 0 });
    await submitForReview(consultant, id);
    return { j, id, consultant, consultant2, focal, focal2, admin, stranger, gone };
  }

  async function rowsFor(commentId: string) {
    const db = await getDb();
    return db.select().from(notifications).where(eq(notifications.commentId, commentId));
  }
  async function mailsTo(emails: string[]) {
    const db = await getDb();
    return db.select().from(emailOutbox).where(inArray(emailOutbox.toEmail, emails));
  }

  it('a new thread tells the people working on the profile, and @name tells that person, once each, in their language', async () => {
    const w = await world();
    const body = `¿Cuál es la ordenanza? @${w.consultant.name} y @${w.admin.name}, miren. @${w.stranger.name} no puede leerlo.`;
    const { thread } = await startThread(w.focal, w.id, { ...slot, quote: 'ventanilla única', body });
    const db = await getDb();
    const [first] = await db.select().from(comments).where(eq(comments.threadId, thread.id));
    const rows = await rowsFor(first.id);
    const kinds = Object.fromEntries(rows.map((r) => [r.userId, r.kind]));
    expect(kinds).toEqual({
      [w.consultant.userId]: 'mentioned', // a worker, and mentioned: one entry
      [w.admin.userId]: 'mentioned', // reads the profile, does not work on it
      [w.consultant2.userId]: 'comment_thread',
      [w.focal2.userId]: 'comment_thread',
    });
    // Written in the comment's own transaction: PostgreSQL's now() is the transaction's start.
    expect(rows.every((r) => r.createdAt.getTime() === first.createdAt.getTime())).toBe(true);
    expect(rows.every((r) => r.threadId === thread.id && r.note === body)).toBe(true);

    const everyone = [w.consultant.email, w.admin.email, w.consultant2.email, w.focal2.email, w.stranger.email, w.focal.email];
    // The emails about this thread (the focal points also had one about the submit): a mention comes at once.
    const about = (await mailsTo(everyone)).filter((m) => m.body.includes(thread.id));
    const to = (email: string) => about.filter((m) => m.toEmail === email);
    expect(to(w.consultant.email)).toHaveLength(1);
    expect(to(w.stranger.email)).toHaveLength(0);
    expect(to(w.focal.email)).toHaveLength(0); // not told of her own comment
    expect(to(w.consultant.email)[0].subject).toContain('vous a mentionné(e) dans un commentaire');
    const link = `/assessments/${w.id}/sections/${slot.section}#thread-${thread.id}`;
    expect(about).toHaveLength(2); // the two mentions
    expect(about.every((m) => m.body.includes(link) && m.body.includes('ventanilla única'))).toBe(true);
    // A new thread for the others waits for their digest email, written when it is due.
    await db.update(emailDigests).set({ dueAt: sql`now() - interval '1 second'` });
    await sendDueDigests();
    const digests = (await mailsTo(everyone)).filter((m) => m.body.includes(`/assessments/${w.id}/sections/${slot.section}\n`));
    expect(digests.map((m) => m.toEmail).sort()).toEqual([w.consultant2.email, w.focal2.email].sort());
    expect(digests.find((m) => m.toEmail === w.consultant2.email)!.subject).toBe('MGI Studio: 1 comentario nuevo');
    expect(digests.find((m) => m.toEmail === w.focal2.email)!.body).toContain(`Partnerships: 1 new comment, by ${w.focal.name}`); // no language chosen: English
  });

  it('a reply tells the thread’s author and earlier repliers; a mentioned participant gets one entry', async () => {
    const w = await world();
    const { thread } = await startThread(w.focal, w.id, { ...slot, quote: 'ventanilla única', body: 'Primera pregunta.' });
    await replyToThread(w.consultant2, w.id, thread.id, 'Respuesta de Carlos.');
    const reply = await replyToThread(w.consultant, w.id, thread.id, `Merci @${w.focal.name} et @${w.consultant2.name}.`);
    const kinds = Object.fromEntries((await rowsFor(reply.id)).map((r) => [r.userId, r.kind]));
    expect(kinds).toEqual({ [w.focal.userId]: 'mentioned', [w.consultant2.userId]: 'mentioned' });
    const plain = await replyToThread(w.focal2, w.id, thread.id, 'Yo también.');
    const plainKinds = Object.fromEntries((await rowsFor(plain.id)).map((r) => [r.userId, r.kind]));
    expect(plainKinds).toEqual({ [w.focal.userId]: 'comment_reply', [w.consultant2.userId]: 'comment_reply', [w.consultant.userId]: 'comment_reply' });
    const db = await getDb();
    const focalMails = (await db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, w.focal.email))).filter((m) => m.body.includes(thread.id));
    // The thread was hers: told of each reply once (the mention instead of the reply), in Spanish.
    expect(focalMails.map((m) => m.subject).sort()).toEqual([
      `${w.j.name}: ${w.consultant2.name} respondió a un comentario`,
      `${w.j.name}: ${w.consultant.name} le mencionó en un comentario`,
      `${w.j.name}: ${w.focal2.name} respondió a un comentario`,
    ].sort());
  });

  it('telling of the same comment twice writes nothing more', async () => {
    const w = await world();
    const body = `@${w.consultant.name}`;
    const { thread } = await startThread(w.focal, w.id, { ...slot, quote: 'ventanilla única', body });
    const db = await getDb();
    const [first] = await db.select().from(comments).where(eq(comments.threadId, thread.id));
    const count = async () => [(await db.select().from(notifications)).length, (await db.select().from(emailOutbox)).length];
    const before = await count();
    await db.transaction((tx) => notifyComment(tx, { actor: w.focal, assessmentId: w.id, threadId: thread.id, commentId: first.id, body, kind: 'thread' }));
    expect(await count()).toEqual(before);
  });

  it('a refused comment tells nobody', async () => {
    const w = await world();
    const db = await getDb();
    const before = [(await db.select().from(notifications)).length, (await db.select().from(emailOutbox)).length];
    await expect(startThread(w.focal, w.id, { ...slot, quote: 'not in the text', body: `@${w.consultant.name}` })).rejects.toBeInstanceOf(InvalidInputError);
    expect([(await db.select().from(notifications)).length, (await db.select().from(emailOutbox)).length]).toEqual(before);
    expect(await listNotifications(w.consultant)).toEqual([]);
  });

  it('only the people who may read the profile can be mentioned, and only its readers get the list', async () => {
    const w = await world();
    const names = (await listMentionable(w.focal, w.id)).map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining([w.consultant.name, w.consultant2.name, w.focal2.name, w.admin.name]));
    expect(names).not.toContain(w.focal.name); // not oneself
    expect(names).not.toContain(w.stranger.name);
    expect(names).not.toContain(w.gone.name);
    await expect(listMentionable(w.stranger, w.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('publishing tells the consultants and focal points, with the edition’s link, in their language', async () => {
    const w = await world();
    for (const d of domainKeys) await reviewDomain(w.focal, w.id, d, 'accept', null);
    await approveProfile(w.focal, w.id);
    await publishProfile(w.admin, w.id);
    const db = await getDb();
    const published = await db.select().from(notifications).where(and(eq(notifications.assessmentId, w.id), eq(notifications.kind, 'published')));
    expect(published.map((n) => n.userId).sort()).toEqual([w.consultant.userId, w.consultant2.userId, w.focal.userId, w.focal2.userId].sort());
    const [item] = (await listNotifications(w.consultant)).filter((n) => n.kind === 'published');
    const now = new Date();
    // The inbox names the edition by its label (app/(app)/inbox/page.tsx), so it knows which one.
    expect(item.edition).toEqual({ year: now.getUTCFullYear(), month: now.getUTCMonth() + 1 });
    const path = `/profiles/${w.j.slug}/${editionSlug(now.getUTCFullYear(), now.getUTCMonth() + 1)}?lang=es`;
    expect(item.href).toBe(path);
    const mails = await mailsTo([w.consultant.email, w.consultant2.email, w.admin.email]);
    const mail = (email: string) => mails.filter((m) => m.subject.includes(w.j.name) && m.body.includes(path)).filter((m) => m.toEmail === email);
    expect(mail(w.consultant.email)).toHaveLength(1);
    expect(mail(w.consultant.email)[0].subject).toMatch(/l’édition \d{4} \p{Lu}\p{Ll}+ est publiée$/u);
    expect(mail(w.consultant2.email)[0].subject).toMatch(/la edición \d{4} \p{Lu}\p{Ll}+ está publicada$/u);
    expect(mail(w.admin.email)).toHaveLength(0); // the publisher knows
    // The workflow's emails too are in each recipient's language.
    const all = await mailsTo([w.focal.email, w.focal2.email, w.consultant.email]);
    expect(all.filter((m) => m.toEmail === w.focal.email).map((m) => m.subject)).toContain(`${w.j.name}: un perfil espera su revisión`);
    expect(all.filter((m) => m.toEmail === w.focal2.email).map((m) => m.subject)).toContain(`${w.j.name}: a profile awaits your review`);
    expect(all.filter((m) => m.toEmail === w.consultant.email).map((m) => m.subject)).toContain(`${w.j.name} : le profil a été approuvé`);
  });

  it('opening a notification marks it read and leads to its item; another person’s cannot be opened', async () => {
    const w = await world();
    const { thread } = await startThread(w.focal, w.id, { ...slot, quote: 'ventanilla única', body: `@${w.consultant.name} ?` });
    const [n] = (await listNotifications(w.consultant)).filter((x) => x.kind === 'mentioned');
    const before = await countUnread(w.consultant);
    expect(await openNotification(w.stranger, n.id)).toBeNull();
    expect(await countUnread(w.consultant)).toBe(before);
    expect(await openNotification(w.consultant, n.id)).toBe(`/assessments/${w.id}/sections/${slot.section}#thread-${thread.id}`);
    expect(await countUnread(w.consultant)).toBe(before - 1);
    const [read] = (await listNotifications(w.consultant)).filter((x) => x.id === n.id);
    expect(read.readAt).not.toBeNull();
    // Opening again keeps the first reading time.
    await openNotification(w.consultant, n.id);
    const [again] = (await listNotifications(w.consultant)).filter((x) => x.id === n.id);
    expect(again.readAt).toEqual(read.readAt);
  });

  it('a link to a profile no longer open to its reader leads to a page saying so, not to a 404', async () => {
    const w = await world();
    const reviewer = (await seedUser({ name: `Rita Revisora ${uniq()}`, roles: [{ jurisdictionId: w.j.id, role: 'reviewer' }] })).actor;
    const { thread } = await startThread(w.focal, w.id, { ...slot, quote: 'ventanilla única', body: `@${reviewer.name} @${w.consultant.name} ¿de acuerdo?` });
    const mine = async (actor: typeof reviewer) => (await listNotifications(actor)).find((n) => n.kind === 'mentioned')!;
    const link = `/assessments/${w.id}/sections/${slot.section}#thread-${thread.id}`;
    // In review the reviewer reads the profile: the link leads to the thread.
    expect(await openNotification(reviewer, (await mine(reviewer)).id)).toBe(link);
    // Back in draft, a reviewer may no longer read it; the consultant still may.
    await requestChanges(w.focal, w.id, 'Falta la ordenanza.');
    const stale = await mine(reviewer);
    expect(await openNotification(reviewer, stale.id)).toBe(NOTIFICATION_UNAVAILABLE);
    expect(await openNotification(w.consultant, (await mine(w.consultant)).id)).toBe(link);
    // Still marked read, and still nobody else's to open.
    expect((await listNotifications(reviewer)).find((n) => n.id === stale.id)!.readAt).not.toBeNull();
    expect(await openNotification(w.stranger, stale.id)).toBeNull();
  });
});
