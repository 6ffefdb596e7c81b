import 'server-only';
import { and, asc, eq, inArray, isNull, lte, not, sql } from 'drizzle-orm';
import { getDb, type Tx } from '../../db/client';
import { assessments, commentThreads, emailDigests, emailOutbox, jurisdictions, notifications, notificationSuggestions, users } from '../../db/schema';
import { groupDigest, type DigestItem } from '../domain/notification-digest';
import { sectionKeys } from '../domain/profile';
import { getEnv } from '../env';
import { digestEmail } from './digest-email';

/**
 * Sets news aside for these people's next digest email, in the caller's
 * transaction: a person with nothing waiting gets a digest due in
 * NOTIFICATION_DIGEST_MINUTES; one already waiting keeps their due time. So a
 * digest goes out at most once per that many minutes per person, however much
 * happens. Call it BEFORE writing the news: the upsert locks the person's row,
 * so a digest being sent for them (which holds that row) finishes first, and a
 * sender never takes the row while this transaction's news is uncommitted.
 */
export async function scheduleDigests(tx: Tx, userIds: readonly string[]): Promise<void> {
  // Sorted: two transactions scheduling the same people lock their rows in one order (no deadlock).
  const ids = [...new Set(userIds)].sort();
  if (ids.length === 0) return;
  const minutes = getEnv().NOTIFICATION_DIGEST_MINUTES;
  await tx
    .insert(emailDigests)
    .values(ids.map((userId) => ({ userId, dueAt: sql`now() + make_interval(mins => ${minutes})` })))
    .onConflictDoUpdate({ target: emailDigests.userId, set: { dueAt: sql`${emailDigests.dueAt}` } });
}

/**
 * Writes the digest emails that are due into the outbox (which sends them),
 * up to `limit` people. Each person is claimed in a transaction of their own
 * with `FOR UPDATE SKIP LOCKED` on their row in `email_digests`, and that row is
 * deleted in the same transaction as the email is written, so any number of
 * instances may run this at once and nobody gets one digest twice. A digest
 * tells only what is still unread in the person's inbox and was not in an
 * earlier digest; with nothing left to tell, no email is written.
 */
export async function sendDueDigests(limit = 50): Promise<{ written: number }> {
  const db = await getDb();
  let written = 0;
  for (let i = 0; i < limit; i++) {
    const outcome = await db.transaction(async (tx) => {
      const [due] = await tx
        .select({ userId: emailDigests.userId })
        .from(emailDigests)
        .where(lte(emailDigests.dueAt, sql`now()`))
        .orderBy(asc(emailDigests.dueAt))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!due) return 'none' as const;
      const wrote = await writeDigest(tx, due.userId);
      await tx.delete(emailDigests).where(eq(emailDigests.userId, due.userId));
      return wrote;
    });
    if (outcome === 'none') break;
    if (outcome) written++;
  }
  return { written };
}

/** How a digest names a profile: its title when the news came (as the inbox does), and its jurisdiction. */
const aboutProfile = { title: sql<string>`coalesce(${notifications.title}, ${assessments.title})`, jurisdiction: jurisdictions.name };

/** The person's digest, written into the outbox, and what it tells marked as told. */
async function writeDigest(tx: Tx, userId: string): Promise<boolean> {
  const [person] = await tx.select({ name: users.name, email: users.email, locale: users.locale, active: users.active }).from(users).where(eq(users.id, userId));
  const actor = users;
  const comments = await tx
    .select({
      id: notifications.id,
      assessmentId: notifications.assessmentId,
      section: commentThreads.section,
      ...aboutProfile,
      actor: actor.name,
      at: notifications.createdAt,
    })
    .from(notifications)
    .innerJoin(commentThreads, eq(commentThreads.id, notifications.threadId))
    .innerJoin(assessments, eq(assessments.id, notifications.assessmentId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, assessments.jurisdictionId))
    .leftJoin(actor, eq(actor.id, notifications.actorId))
    .where(and(eq(notifications.userId, userId), eq(notifications.emailPending, true), isNull(notifications.readAt)));
  const suggestions = await tx
    .select({
      assessmentId: notifications.assessmentId,
      section: notifications.section,
      ...aboutProfile,
      actor: notificationSuggestions.authorName,
      at: notificationSuggestions.createdAt,
    })
    .from(notificationSuggestions)
    .innerJoin(notifications, eq(notifications.id, notificationSuggestions.notificationId))
    .innerJoin(assessments, eq(assessments.id, notifications.assessmentId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, assessments.jurisdictionId))
    .where(and(eq(notifications.userId, userId), not(notificationSuggestions.emailed), isNull(notifications.readAt)));
  // Everything of theirs waiting is told now or was read in the app meanwhile: none of it waits on.
  await tx.update(notifications).set({ emailPending: false }).where(and(eq(notifications.userId, userId), eq(notifications.emailPending, true)));
  await tx
    .update(notificationSuggestions)
    .set({ emailed: true })
    .where(
      and(
        not(notificationSuggestions.emailed),
        inArray(notificationSuggestions.notificationId, tx.select({ id: notifications.id }).from(notifications).where(eq(notifications.userId, userId))),
      ),
    );
  const items: DigestItem[] = [
    ...comments.map((c) => ({ kind: 'comment' as const, ...c, assessmentId: c.assessmentId!, actor: c.actor ?? '—' })),
    ...suggestions.map((s) => ({ kind: 'suggestion' as const, ...s, assessmentId: s.assessmentId!, section: s.section ?? 'introduction' })),
  ];
  if (!person?.active || items.length === 0) return false;
  const mail = digestEmail(person.locale, { name: person.name, profiles: groupDigest(items, sectionKeys), baseUrl: getEnv().APP_URL });
  await tx.insert(emailOutbox).values({ toEmail: person.email, ...mail });
  return true;
}
