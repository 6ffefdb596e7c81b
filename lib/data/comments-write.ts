import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb, type Tx } from '../../db/client';
import { comments, commentThreads } from '../../db/schema';
import { MAX_COMMENT_LENGTH } from '../domain/api-schemas';
import { stateInWords } from '../domain/workflow';
import { judgeComment, type Actor, type CommentAction } from '../policy';
import { notifyComment } from './comment-notifications';
import type { CommentView } from './comments-read';
import { ConflictError, InvalidInputError, NotFoundError, verdictError } from './errors';
import { shareLockProfile } from './profile-lock';

/* Writing on comment threads: replies and resolving, and the checks every comment write makes first. */

/** A comment's text, trimmed; refused when empty or longer than the API allows. */
export function checkedBody(body: string): string {
  const text = body.trim();
  if (!text) throw new InvalidInputError('comment_empty', 'Write a comment: it is empty.');
  if (text.length > MAX_COMMENT_LENGTH) {
    throw new InvalidInputError('comment_too_long', `A comment holds at most ${MAX_COMMENT_LENGTH} characters; this one has ${text.length}.`);
  }
  return text;
}

/** Share-locks the profile (a transition cannot pass meanwhile) and checks the actor's right. */
export async function lockProfileFor(tx: Tx, actor: Actor, assessmentId: string, action: CommentAction) {
  const profile = await shareLockProfile(tx, assessmentId);
  const verdict = judgeComment(actor, action, profile);
  if (verdict === 'wrong_state') {
    const what = action === 'start' ? 'New comments are not possible' : 'Comments cannot change';
    throw new ConflictError('comments_closed', `${what} while the profile is ${stateInWords[profile.state]}.`, { state: profile.state });
  }
  if (verdict !== 'allowed') throw verdictError(verdict);
  return profile;
}

async function lockThread(tx: Tx, assessmentId: string, threadId: string) {
  const [thread] = await tx
    .select({ id: commentThreads.id, status: commentThreads.status })
    .from(commentThreads)
    .where(and(eq(commentThreads.id, threadId), eq(commentThreads.assessmentId, assessmentId)))
    .for('update');
  if (!thread) throw new NotFoundError('comment thread');
  return thread;
}

/** Adds a reply to a thread. */
export async function replyToThread(actor: Actor, assessmentId: string, threadId: string, body: string): Promise<CommentView> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await lockProfileFor(tx, actor, assessmentId, 'reply');
    const text = checkedBody(body);
    await lockThread(tx, assessmentId, threadId);
    const [row] = await tx.insert(comments).values({ threadId, authorId: actor.userId, body: text }).returning();
    await notifyComment(tx, { actor, assessmentId, threadId, commentId: row.id, body: text, kind: 'reply' });
    return { id: row.id, authorName: actor.name, body: text, createdAt: row.createdAt };
  });
}

/** Resolves or reopens a thread; setting the status it already has changes nothing. */
export async function setThreadStatus(actor: Actor, assessmentId: string, threadId: string, status: 'open' | 'resolved') {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await lockProfileFor(tx, actor, assessmentId, 'resolve');
    const thread = await lockThread(tx, assessmentId, threadId);
    if (thread.status === status) return { id: threadId, status };
    await tx
      .update(commentThreads)
      .set(
        status === 'resolved'
          ? { status, resolvedBy: actor.userId, resolvedAt: sql`now()` }
          : { status, resolvedBy: null, resolvedAt: null },
      )
      .where(eq(commentThreads.id, threadId));
    return { id: threadId, status };
  });
}
