import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client';
import { emailOutbox } from '../../db/schema';
import { startAssessment } from '../../lib/data/assessments';
import { reviewDomain } from '../../lib/data/domain-reviews';
import { countUnread, listNotifications, markAllRead } from '../../lib/data/notifications';
import { listOutbox } from '../../lib/data/email-outbox';
import { NotFoundError } from '../../lib/data/errors';
import { savePart } from '../../lib/data/parts';
import { approveProfile, requestChanges, submitForReview } from '../../lib/data/workflow';
import { deliverOutbox, retryDelayMinutes } from '../../lib/mail/deliver-outbox';
import { domainKeys, profileSlots } from '../../lib/domain/profile';
import { seedJurisdiction, seedUser } from '../support/seed';
import { targets, freshDatabasePerSuite } from '../support/test-db';

const para = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

describe.each(targets)('notifications and the email outbox on %s', (target) => {
  freshDatabasePerSuite(target);

  it('tells the right people of each step, in the app and through the outbox', async () => {
    const db = await getDb();
    await db.delete(emailOutbox);
    const j = await seedJurisdiction();
    const other = await seedJurisdiction();
    const consultant = (await seedUser({ roles: [{ jurisdictionId: j.id, role: 'consultant' }] })).actor;
    const focal = (await seedUser({ roles: [{ jurisdictionId: j.id, role: 'focal_point' }] })).actor;
    const otherFocal = (await seedUser({ roles: [{ jurisdictionId: other.id, role: 'focal_point' }] })).actor;
    const admin = (await seedUser({ isAdmin: true })).actor;
    const { id } = await startAssessment(consultant, { jurisdiction: j.slug, language: 'en' });
    for (const slot of profileSlots) await savePart(consultant, { assessmentId: id, ...slot }, { doc: para('text'), baseRevision: 0 });

    await submitForReview(consultant, id);
    expect((await listNotifications(focal)).map((n) => n.kind)).toEqual(['submitted']);
    expect(await listNotifications(otherFocal)).toEqual([]);
    expect(await listNotifications(consultant)).toEqual([]); // not told of their own step

    await requestChanges(focal, id, 'Please add the 2023 ordinance.');
    const [changes] = await listNotifications(consultant);
    expect(changes).toMatchObject({ kind: 'changes_requested', note: 'Please add the 2023 ordinance.', actorName: focal.name });

    await submitForReview(consultant, id);
    for (const d of domainKeys) await reviewDomain(focal, id, d, 'accept', null);
    await approveProfile(focal, id);
    expect((await listNotifications(admin)).map((n) => n.kind)).toEqual(['approved']);
    expect((await listNotifications(consultant)).map((n) => n.kind)).toEqual(['approved', 'changes_requested']);
    expect(await countUnread(consultant)).toBe(2);
    await markAllRead(consultant);
    expect(await countUnread(consultant)).toBe(0);

    const outbox = await db.select().from(emailOutbox);
    expect(outbox.map((m) => m.toEmail).sort()).toEqual(
      [focal.email, consultant.email, focal.email, consultant.email, admin.email].sort(),
    );
    expect(outbox.every((m) => m.body.includes(`/assessments/${id}`))).toBe(true);
  });

  it('keeps emails while the mail server is down, retries with back-off, and sends each once', async () => {
    const db = await getDb();
    await db.delete(emailOutbox);
    await db.insert(emailOutbox).values([
      { toEmail: 'a@example.org', subject: 'A', body: 'a' },
      { toEmail: 'b@example.org', subject: 'B', body: 'b' },
    ]);
    // No SMTP: nothing leaves, nothing is lost.
    expect(await deliverOutbox(async () => false)).toEqual({ sent: 0, failed: 0 });
    // The server is down: both fail and wait a minute.
    expect(await deliverOutbox(async () => { throw new Error('ECONNREFUSED'); })).toEqual({ sent: 0, failed: 2 });
    const failed = await db.select().from(emailOutbox);
    expect(failed.every((m) => m.attempts === 1 && m.lastError === 'ECONNREFUSED' && !m.sentAt)).toBe(true);
    expect(await deliverOutbox(async () => true)).toEqual({ sent: 0, failed: 0 }); // not due yet
    // Time passes; the server is back.
    await db.update(emailOutbox).set({ nextAttemptAt: sql`now() - interval '1 second'` });
    const delivered: string[] = [];
    expect(await deliverOutbox(async (m) => { delivered.push(m.to); return true; })).toEqual({ sent: 2, failed: 0 });
    expect(delivered.sort()).toEqual(['a@example.org', 'b@example.org']);
    expect(await deliverOutbox(async () => true)).toEqual({ sent: 0, failed: 0 });
    const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, 'a@example.org'));
    expect(row.sentAt).not.toBeNull();
  });

  it('shows admins the text of each email in the outbox, but never the one-time link of a confidential one', async () => {
    const db = await getDb();
    await db.delete(emailOutbox);
    await db.insert(emailOutbox).values([
      { toEmail: 'reader@example.org', subject: 'A step', body: 'Lima: the profile is in review.\nOpen it: /assessments/x' },
      { toEmail: 'new@example.org', subject: 'Set your password', body: 'Your link: /set-password?token=secret-one-time', confidential: true },
    ]);
    const admin = (await seedUser({ isAdmin: true })).actor;
    const rows = await listOutbox(admin);
    expect(rows.map((r) => [r.toEmail, r.body, r.confidential])).toEqual(
      expect.arrayContaining([
        ['reader@example.org', 'Lima: the profile is in review.\nOpen it: /assessments/x', false],
        ['new@example.org', null, true],
      ]),
    );
    expect(JSON.stringify(rows)).not.toContain('secret-one-time');
    await expect(listOutbox((await seedUser()).actor)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('backs off 1, 2, 4 … minutes up to an hour', () => {
    expect([1, 2, 3, 4, 7, 20].map(retryDelayMinutes)).toEqual([1, 2, 4, 8, 60, 60]);
  });
});
