import 'server-only';
import { and, desc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { getDb, type Tx } from '../../db/client';
import { assessments, commentThreads, editions, emailOutbox, jurisdictions, memberships, notifications, notificationSuggestions, users } from '../../db/schema';
import { editionSlug } from '../domain/edition-label';
import { namedWithOthers } from '../domain/notification-digest';
import { getEnv } from '../env';
import { scheduleDigests } from '../mail/send-digests';
import { notificationEmail, type NotificationEmail, type NotificationKind } from '../mail/notification-emails';
import type { Actor, TransitionAction } from '../policy';
import { getAssessmentHeader } from './assessments';
import { ForbiddenError, NotFoundError } from './errors';

/**
 * Kinds told by email in the person's digest (lib/mail/send-digests.ts), not
 * one email each: a new comment thread goes to everyone working on the
 * profile, which in a consultation is many threads a day. A mention names the
 * person, and a reply answers a thread they wrote in: both still come at once.
 */
const DIGEST_KINDS: ReadonlySet<NotificationKind> = new Set(['comment_thread']);

export interface Recipient {
  id: string;
  name: string;
  email: string;
  locale: string | null;
}

type NotificationRow = Omit<typeof notifications.$inferInsert, 'userId' | 'kind'>;

/**
 * Writes, in the caller's transaction, one notification per recipient and
 * event, and one email per notification in the recipient's own language,
 * except for the kinds that wait for the person's digest email (new comment
 * threads: DIGEST_KINDS), which are scheduled for it instead.
 * The unique indexes on (user, comment) and (user, edition) make a second
 * write of the same event a no-op, and only rows actually written get an
 * email: nobody hears of one event twice.
 */
export async function deliverNotifications(
  tx: Tx,
  recipients: ReadonlyArray<{ person: Recipient; kind: NotificationKind }>,
  row: NotificationRow,
  email: (kind: NotificationKind) => Omit<NotificationEmail, 'kind' | 'name'>,
) {
  if (recipients.length === 0) return [];
  // Before the rows are written: see scheduleDigests for why.
  await scheduleDigests(tx, recipients.filter((r) => DIGEST_KINDS.has(r.kind)).map((r) => r.person.id));
  const written = await tx
    .insert(notifications)
    .values(recipients.map((r) => ({ ...row, userId: r.person.id, kind: r.kind, emailPending: DIGEST_KINDS.has(r.kind) })))
    .onConflictDoNothing()
    .returning({ userId: notifications.userId });
  const got = new Set(written.map((w) => w.userId));
  const mails = recipients
    .filter((r) => got.has(r.person.id) && !DIGEST_KINDS.has(r.kind))
    .map((r) => ({ toEmail: r.person.email, ...notificationEmail(r.person.locale, { ...email(r.kind), kind: r.kind, name: r.person.name }) }));
  if (mails.length > 0) await tx.insert(emailOutbox).values(mails);
  return recipients.filter((r) => got.has(r.person.id));
}

const recipientColumns = { id: users.id, name: users.name, email: users.email, locale: users.locale };

async function profileAndJurisdiction(tx: Tx, assessmentId: string) {
  const [profile] = await tx
    .select({ title: assessments.title, name: jurisdictions.name })
    .from(assessments)
    .innerJoin(jurisdictions, eq(jurisdictions.id, assessments.jurisdictionId))
    .where(eq(assessments.id, assessmentId));
  return profile;
}

/**
 * Who hears of a transition: submit → the jurisdiction's focal points; request
 * changes → its consultants; approve → its consultants and every admin.
 * Publishing has its own function (notifyPublished), called with the edition.
 * Written in the transition's own transaction.
 */
export async function notifyTransition(
  tx: Tx,
  event: { action: TransitionAction; assessmentId: string; jurisdictionId: string; actor: Actor; note: string | null },
) {
  const kind = ({ submit: 'submitted', request_changes: 'changes_requested', approve: 'approved', publish: null } as const)[event.action];
  if (!kind) return;
  const role = event.action === 'submit' ? 'focal_point' : 'consultant';
  const recipients = await tx
    .selectDistinct(recipientColumns)
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
  const profile = await profileAndJurisdiction(tx, event.assessmentId);
  await deliverNotifications(
    tx,
    recipients.map((person) => ({ person, kind })),
    { assessmentId: event.assessmentId, actorId: event.actor.userId, note: event.note, title: profile.title },
    () => ({
      actor: event.actor.name,
      jurisdiction: profile.name,
      title: profile.title,
      quote: event.note,
      link: `${getEnv().APP_URL}/assessments/${event.assessmentId}`,
    }),
  );
}

/** The public address of an edition: its dated URL in its content language. */
export const editionPath = (e: { slug: string; year: number; month: number; language: string }) =>
  `/profiles/${e.slug}/${editionSlug(e.year, e.month)}?lang=${e.language}`;

/**
 * Publishing tells the jurisdiction's consultants and focal points (not the
 * admin who published), with the link to the new edition. Called from the
 * publish transaction once the edition is written.
 */
export async function notifyPublished(tx: Tx, event: { actor: Actor; assessmentId: string; jurisdictionId: string; editionId: string }) {
  const recipients = await tx
    .selectDistinct(recipientColumns)
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(
      and(
        eq(users.active, true),
        ne(users.id, event.actor.userId),
        eq(memberships.jurisdictionId, event.jurisdictionId),
        inArray(memberships.role, ['consultant', 'focal_point']),
      ),
    );
  if (recipients.length === 0) return;
  const [edition] = await tx
    .select({ title: editions.title, year: editions.year, month: editions.month, language: editions.language, slug: jurisdictions.slug, name: jurisdictions.name })
    .from(editions)
    .innerJoin(jurisdictions, eq(jurisdictions.id, editions.jurisdictionId))
    .where(eq(editions.id, event.editionId));
  await deliverNotifications(
    tx,
    recipients.map((person) => ({ person, kind: 'published' as const })),
    { assessmentId: event.assessmentId, editionId: event.editionId, actorId: event.actor.userId, title: edition.title },
    () => ({
      actor: event.actor.name,
      jurisdiction: edition.name,
      title: edition.title,
      edition,
      link: `${getEnv().APP_URL}${editionPath(edition)}`,
    }),
  );
}

/** Where a notification leads: the edition, the comment thread, the section, or the profile; null when it is about nothing to open. */
function targetOf(n: {
  assessmentId: string | null;
  threadId: string | null;
  section: string | null;
  edition: { slug: string | null; year: number | null; month: number | null; language: string | null };
}): string | null {
  const e = n.edition;
  if (e.slug && e.year && e.month && e.language) return editionPath({ slug: e.slug, year: e.year, month: e.month, language: e.language });
  if (n.assessmentId && n.threadId && n.section) return `/assessments/${n.assessmentId}/sections/${n.section}#thread-${n.threadId}`;
  // A digest of suggestions: the section, whose parts list them under the text.
  if (n.assessmentId && n.section) return `/assessments/${n.assessmentId}/sections/${n.section}`;
  if (n.assessmentId) return `/assessments/${n.assessmentId}`;
  return null;
}

const editionJurisdiction = jurisdictions;

/** The actor's notifications, newest first, with what they are about and where they lead. */
export async function listNotifications(actor: Actor, limit = 50) {
  const db = await getDb();
  const author = users;
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      note: notifications.note,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      assessmentId: notifications.assessmentId,
      threadId: notifications.threadId,
      section: sql<string | null>`coalesce(${commentThreads.section}, ${notifications.section})`,
      quote: commentThreads.quote,
      // A digest of suggestions: who suggested (oldest first) and how many suggestions.
      suggesters: sql<string[] | null>`(SELECT json_agg(ns.author_name ORDER BY ns.created_at) FROM ${notificationSuggestions} ns WHERE ns.notification_id = ${notifications.id})`,
      edition: { slug: editionJurisdiction.slug, year: editions.year, month: editions.month, language: editions.language },
      // Rows from before titles were stored with them show the profile's current one.
      title: sql<string | null>`coalesce(${notifications.title}, ${assessments.title})`,
      actorName: author.name,
    })
    .from(notifications)
    .leftJoin(assessments, eq(assessments.id, notifications.assessmentId))
    .leftJoin(author, eq(author.id, notifications.actorId))
    .leftJoin(commentThreads, eq(commentThreads.id, notifications.threadId))
    .leftJoin(editions, eq(editions.id, notifications.editionId))
    .leftJoin(editionJurisdiction, eq(editionJurisdiction.id, editions.jurisdictionId))
    .where(eq(notifications.userId, actor.userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
  return rows.map(({ edition, section, suggesters, ...n }) => ({
    ...n,
    section,
    suggestions: n.kind === 'suggested' ? suggestionDigest(suggesters ?? [], n.actorName) : null,
    href: targetOf({ ...n, section, edition }),
    // Which edition a publication made public: the inbox names it by its label, in the reader's language.
    edition: edition.year && edition.month ? { year: edition.year, month: edition.month } : null,
  }));
}

/** A digest of suggestions: how many, and who, naming the latest suggester (the entry's actor) while theirs still count. */
function suggestionDigest(suggesters: string[], latest: string | null) {
  return { count: suggesters.length, ...namedWithOthers(latest && suggesters.includes(latest) ? [...suggesters, latest] : suggesters) };
}

export type NotificationView = Awaited<ReturnType<typeof listNotifications>>[number];

/**
 * Opening a notification: marks it read (once; opening it again keeps the
 * first time) and answers where it leads. Only the actor's own notifications
 * exist for them: anyone else's id is null, like an unknown one.
 */
export async function openNotification(actor: Actor, id: string): Promise<string | null> {
  const db = await getDb();
  const opened = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(notifications)
      .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
      .where(and(eq(notifications.id, id), eq(notifications.userId, actor.userId)))
      .returning({ id: notifications.id });
    if (!row) return null;
    const [n] = await tx
      .select({
        assessmentId: notifications.assessmentId,
        threadId: notifications.threadId,
        section: sql<string | null>`coalesce(${commentThreads.section}, ${notifications.section})`,
        edition: { slug: editionJurisdiction.slug, year: editions.year, month: editions.month, language: editions.language },
      })
      .from(notifications)
      .leftJoin(commentThreads, eq(commentThreads.id, notifications.threadId))
      .leftJoin(editions, eq(editions.id, notifications.editionId))
      .leftJoin(editionJurisdiction, eq(editionJurisdiction.id, editions.jurisdictionId))
      .where(eq(notifications.id, id));
    return { target: targetOf(n) ?? '/inbox', assessmentId: n.assessmentId };
  });
  if (!opened) return null;
  // A profile this person may no longer open (a reviewer's, back in draft; a role ended): say so kindly,
  // instead of sending them to its 404. Asked outside the transaction (PGlite has one connection).
  if (opened.assessmentId && opened.target.startsWith('/assessments/') && !(await canStillView(actor, opened.assessmentId))) {
    return NOTIFICATION_UNAVAILABLE;
  }
  return opened.target;
}

/** Where a notification leads when what it is about is no longer open to its reader. */
export const NOTIFICATION_UNAVAILABLE = '/inbox/unavailable';

async function canStillView(actor: Actor, assessmentId: string) {
  try {
    await getAssessmentHeader(actor, assessmentId);
    return true;
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ForbiddenError) return false;
    throw error;
  }
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
