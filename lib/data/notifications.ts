import 'server-only';
import { and, desc, eq, isNull, ne, or, sql } from 'drizzle-orm';
import { getDb, type Tx } from '../../db/client';
import { assessments, emailOutbox, jurisdictions, memberships, notifications, users } from '../../db/schema';
import { getEnv } from '../env';
import type { Actor, TransitionAction } from '../policy';
import { assertCan } from './guards';

const subjects: Record<string, string> = {
  submitted: 'A profile awaits your review',
  changes_requested: 'Changes were requested on a profile',
  approved: 'A profile was approved',
};

/**
 * Who hears of a transition: submit → the jurisdiction's focal points; request
 * changes → its consultants; approve → its consultants and every admin. Written
 * in the transition's own transaction, with one queued email per recipient.
 */
export async function notifyTransition(
  tx: Tx,
  event: { action: TransitionAction; assessmentId: string; jurisdictionId: string; actor: Actor; note: string | null },
) {
  const kind = { submit: 'submitted', request_changes: 'changes_requested', approve: 'approved', publish: null }[event.action];
  if (!kind) return;
  const role = event.action === 'submit' ? 'focal_point' : 'consultant';
  const recipients = await tx
    .selectDistinct({ id: users.id, email: users.email })
    .from(users)
    .leftJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.jurisdictionId, event.jurisdictionId), eq(memberships.role, role)))
    .where(
      and(
        eq(users.active, true),
        ne(users.id, event.actor.userId),
        event.action === 'approve' ? or(sql`${memberships.userId} IS NOT NULL`, eq(users.isAdmin, true)) : sql`${memberships.userId} IS NOT NULL`,
      ),
    );
  if (recipients.length === 0) return;
  const [profile] = await tx
    .select({ title: assessments.title, name: jurisdictions.name })
    .from(assessments)
    .innerJoin(jurisdictions, eq(jurisdictions.id, assessments.jurisdictionId))
    .where(eq(assessments.id, event.assessmentId));
  await tx.insert(notifications).values(
    recipients.map((r) => ({ userId: r.id, kind, assessmentId: event.assessmentId, actorId: event.actor.userId, note: event.note, title: profile.title })),
  );
  const link = `${getEnv().APP_URL}/assessments/${event.assessmentId}`;
  await tx.insert(emailOutbox).values(
    recipients.map((r) => ({
      toEmail: r.email,
      subject: `${subjects[kind]}: ${profile.name}`,
      body: `${profile.title}\n\n${subjects[kind]} by ${event.actor.name}.${event.note ? `\n\n“${event.note}”` : ''}\n\n${link}\n`,
    })),
  );
}

/** The actor's notifications, newest first, with what they are about. */
export async function listNotifications(actor: Actor, limit = 50) {
  const db = await getDb();
  const author = users;
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      note: notifications.note,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      assessmentId: notifications.assessmentId,
      // Rows from before titles were stored with them show the profile's current one.
      title: sql<string | null>`coalesce(${notifications.title}, ${assessments.title})`,
      actorName: author.name,
    })
    .from(notifications)
    .leftJoin(assessments, eq(assessments.id, notifications.assessmentId))
    .leftJoin(author, eq(author.id, notifications.actorId))
    .where(eq(notifications.userId, actor.userId))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
}

export async function countUnread(actor: Actor): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export async function markAllRead(actor: Actor) {
  const db = await getDb();
  await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)));
}

/** Recent emails, sent or waiting, for admins (the outbox is where they wait without SMTP). */
export async function listOutbox(actor: Actor, limit = 100) {
  assertCan(actor, 'view_admin');
  const db = await getDb();
  return db.select().from(emailOutbox).orderBy(desc(emailOutbox.createdAt)).limit(limit);
}

