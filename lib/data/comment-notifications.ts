import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import { getDb, type Tx } from '../../db/client';
import { assessments, comments, commentThreads, jurisdictions } from '../../db/schema';
import { findMentions, type Mentionable } from '../domain/mentions';
import { commentRecipients } from '../domain/notification-recipients';
import { getEnv } from '../env';
import { judgeComment, type Actor } from '../policy';
import { getAssessmentHeader } from './assessments';
import { deliverNotifications } from './notifications';
import { profileReaders } from './profile-people';

/** A passage quoted in an email subject line stays short. */
const shortPassage = (quote: string) => (quote.length > 120 ? `${quote.slice(0, 119).trimEnd()}…` : quote);

/**
 * Tells people of a new comment, in the comment's own transaction: a new
 * thread tells the people who work on the profile now (who may answer it in
 * its current state: consultants while drafting, consultants and focal points
 * during the review); a reply tells the thread's author and everyone who
 * replied before; anyone named with `@` who may read the profile is told that
 * they were mentioned. One notification and one email per person and comment,
 * in their language (lib/domain/notification-recipients.ts has the rules).
 */
export async function notifyComment(
  tx: Tx,
  event: { actor: Actor; assessmentId: string; threadId: string; commentId: string; body: string; kind: 'thread' | 'reply' },
) {
  const [profile] = await tx
    .select({
      title: assessments.title,
      state: assessments.state,
      jurisdictionId: assessments.jurisdictionId,
      jurisdiction: jurisdictions.name,
      section: commentThreads.section,
      quote: commentThreads.quote,
    })
    .from(commentThreads)
    .innerJoin(assessments, eq(assessments.id, commentThreads.assessmentId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, assessments.jurisdictionId))
    .where(eq(commentThreads.id, event.threadId));
  const readers = await profileReaders(tx, profile);
  const earlier =
    event.kind === 'reply'
      ? await tx
          .selectDistinct({ id: comments.authorId })
          .from(comments)
          .where(and(eq(comments.threadId, event.threadId), ne(comments.id, event.commentId)))
      : [];
  const recipients = commentRecipients({
    event: event.kind,
    actorId: event.actor.userId,
    participants: earlier.flatMap((e) => (e.id ? [e.id] : [])),
    workers: readers.filter((p) => judgeComment(p.asActor, 'reply', profile) === 'allowed').map((p) => p.id),
    mentioned: findMentions(event.body, readers),
    readers: new Set(readers.map((p) => p.id)),
  });
  const byId = new Map(readers.map((p) => [p.id, p]));
  await deliverNotifications(
    tx,
    recipients.map((r) => ({ person: byId.get(r.userId)!, kind: r.kind })),
    {
      assessmentId: event.assessmentId,
      threadId: event.threadId,
      commentId: event.commentId,
      actorId: event.actor.userId,
      note: event.body,
      title: profile.title,
    },
    () => ({
      actor: event.actor.name,
      jurisdiction: profile.jurisdiction,
      title: profile.title,
      passage: shortPassage(profile.quote),
      quote: event.body,
      link: `${getEnv().APP_URL}/assessments/${event.assessmentId}/sections/${profile.section}#thread-${event.threadId}`,
    }),
  );
}

/**
 * Who the actor may name with `@` in a comment on this profile: the people
 * who may read it (lib/policy decides, see profileReaders), but not the actor.
 * Only someone who may see the profile gets the list.
 */
export async function listMentionable(actor: Actor, assessmentId: string): Promise<Mentionable[]> {
  const header = await getAssessmentHeader(actor, assessmentId);
  const db = await getDb();
  const readers = await profileReaders(db, header);
  return readers.filter((p) => p.id !== actor.userId).map((p) => ({ id: p.id, name: p.name }));
}
