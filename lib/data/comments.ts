import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb, type Tx } from '../../db/client';
import { assessmentParts, assessments, comments, commentThreads, users } from '../../db/schema';
import { collabDocName } from '../collab/doc-name';
import { liveParts } from '../collab/live-registry';
import { markPassage, unmarkThread } from '../domain/editor/mark-passage';
import { anchoredThreadIds, MAX_QUOTE_LENGTH, normalizeQuote } from '../domain/editor/passage';
import { MAX_COMMENT_LENGTH } from '../domain/api-schemas';
import { sectionKeys, type PartKey, type SectionKey } from '../domain/profile';
import { stateInWords } from '../domain/workflow';
import { judgeComment, type Actor, type CommentAction } from '../policy';
import { getAssessmentHeader } from './assessments';
import { notifyComment } from './comment-notifications';
import { ConflictError, InvalidInputError, NotFoundError, verdictError } from './errors';
import { announceChanged, moveLiveStateOn } from './live-parts';
import type { PartRef } from './parts';


export interface CommentView {
  id: string;
  authorName: string | null;
  body: string;
  createdAt: Date;
}

export interface ThreadView {
  id: string;
  section: SectionKey;
  part: PartKey;
  quote: string;
  status: 'open' | 'resolved';
  /** False once the commented passage has been deleted from the text. */
  anchored: boolean;
  createdAt: Date;
  resolvedByName: string | null;
  resolvedAt: Date | null;
  comments: CommentView[];
}

function checkedBody(body: string): string {
  const text = body.trim();
  if (!text) throw new InvalidInputError('comment_empty', 'Write a comment: it is empty.');
  if (text.length > MAX_COMMENT_LENGTH) {
    throw new InvalidInputError('comment_too_long', `A comment holds at most ${MAX_COMMENT_LENGTH} characters; this one has ${text.length}.`);
  }
  return text;
}

/** Share-locks the profile (a transition cannot pass meanwhile) and checks the actor's right. */
async function lockProfileFor(tx: Tx, actor: Actor, assessmentId: string, action: CommentAction) {
  const [profile] = await tx
    .select({ jurisdictionId: assessments.jurisdictionId, state: assessments.state })
    .from(assessments)
    .where(eq(assessments.id, assessmentId))
    .for('share');
  if (!profile) throw new NotFoundError('profile');
  const verdict = judgeComment(actor, action, profile);
  if (verdict === 'wrong_state') {
    const what = action === 'start' ? 'New comments are not possible' : 'Comments cannot change';
    throw new ConflictError('comments_closed', `${what} while the profile is ${stateInWords[profile.state]}.`, { state: profile.state });
  }
  if (verdict !== 'allowed') throw verdictError(verdict);
  return profile;
}

export interface NewThread {
  section: SectionKey;
  part: PartKey;
  quote: string;
  /** Which occurrence of the quoted words, when they appear more than once (0 = first). */
  occurrence?: number;
  body: string;
  /** The part revision the passage was selected in; refused if the text has moved on since. */
  baseRevision?: number;
}

/**
 * Starts a thread on a passage: finds the quoted words in the part, marks them
 * with the thread's id and stores the thread and its first comment, in one
 * transaction. The text itself does not change, so no history revision is
 * written and nobody counts as having edited it; the part's revision still
 * moves on, so an editor holding the unmarked text cannot silently drop the
 * mark with its next save.
 *
 * When the part is open live here, the passage is found in the live text as
 * it stands (with what was typed and not stored yet, which is stored first as
 * its typists' revision) and only the mark is added to it, so nobody's typing
 * is undone; otherwise in the stored text, and the mark then reaches editors
 * on other instances as a change of their text, not a replacement of it.
 */
export async function startThread(actor: Actor, assessmentId: string, input: NewThread): Promise<{ thread: ThreadView; revision: number }> {
  const db = await getDb();
  const ref: PartRef = { assessmentId, section: input.section, part: input.part };
  // Everything the request says is checked before anything changes.
  const { body, quote } = await db.transaction(async (tx) => {
    await lockProfileFor(tx, actor, assessmentId, 'start');
    const checked = { body: checkedBody(input.body), quote: checkedQuote(input.quote) };
    await lockPart(tx, ref, input.baseRevision);
    return checked;
  });
  const id = randomUUID();
  const occurrence = input.occurrence ?? 0;
  const mark = (doc: unknown) => {
    const marked = markPassage(doc, quote, occurrence, id);
    if (!marked) throw new InvalidInputError('passage_not_found', `The passage "${quote.slice(0, 80)}" is not in this part of the text.`);
    return marked;
  };
  const thread = { actor, ref, id, quote, body };

  const live = await liveParts()?.amendLive(
    collabDocName(ref),
    mark,
    (marked, state) =>
      db.transaction(async (tx) => {
        await lockProfileFor(tx, actor, assessmentId, 'start');
        await lockPart(tx, ref);
        return recordThread(tx, thread, marked, state);
      }),
    (doc) => unmarkThread(doc, id),
  );
  if (live) return live.value;

  const started = await db.transaction(async (tx) => {
    await lockProfileFor(tx, actor, assessmentId, 'start');
    const part = await lockPart(tx, ref, input.baseRevision);
    return recordThread(tx, thread, mark(part.doc), null);
  });
  // Editors with the part open on another instance get the comment's highlight live.
  announceChanged(ref, (doc) => markPassage(doc, quote, occurrence, id) ?? doc);
  return started;
}

function checkedQuote(raw: string): string {
  const quote = normalizeQuote(raw);
  if (!quote) throw new InvalidInputError('quote_empty', 'Select the passage the comment is about: the quote is empty.');
  if (quote.length > MAX_QUOTE_LENGTH) {
    throw new InvalidInputError('quote_too_long', `A commented passage holds at most ${MAX_QUOTE_LENGTH} characters; select less.`);
  }
  return quote;
}

/** Locks the part's row; refused when the passage was selected in an older revision than the stored one. */
async function lockPart(tx: Tx, ref: PartRef, baseRevision?: number) {
  const [part] = await tx
    .select({ doc: assessmentParts.doc, revision: assessmentParts.revision })
    .from(assessmentParts)
    .where(whereSlot(ref))
    .for('update');
  if (!part) throw new NotFoundError('part');
  if (baseRevision !== undefined && baseRevision !== part.revision) {
    throw new ConflictError('revision_conflict', 'The text changed after you selected the passage; select it again in the current text.', {
      revision: part.revision,
    });
  }
  return part;
}

const whereSlot = (ref: PartRef) =>
  and(eq(assessmentParts.assessmentId, ref.assessmentId), eq(assessmentParts.section, ref.section), eq(assessmentParts.part, ref.part));

/**
 * Stores the marked text (no history revision: the words are the same) with
 * the live state that holds it when there is one, and the thread with its first comment.
 */
async function recordThread(
  tx: Tx,
  t: { actor: Actor; ref: PartRef; id: string; quote: string; body: string },
  marked: unknown,
  liveState: Uint8Array | null,
): Promise<{ thread: ThreadView; revision: number }> {
  const [saved] = await tx
    .update(assessmentParts)
    .set({ doc: marked, revision: sql`${assessmentParts.revision} + 1`, ...(liveState ? { yjsState: liveState } : {}) })
    .where(whereSlot(t.ref))
    .returning({ revision: assessmentParts.revision });
  if (!liveState) await moveLiveStateOn(tx, t.ref, marked);
  const [thread] = await tx
    .insert(commentThreads)
    .values({ id: t.id, assessmentId: t.ref.assessmentId, section: t.ref.section, part: t.ref.part, quote: t.quote, createdBy: t.actor.userId })
    .returning();
  const [first] = await tx.insert(comments).values({ threadId: t.id, authorId: t.actor.userId, body: t.body }).returning();
  await notifyComment(tx, { actor: t.actor, assessmentId: t.ref.assessmentId, threadId: t.id, commentId: first.id, body: t.body, kind: 'thread' });
  return {
    revision: saved.revision,
    thread: {
      id: t.id,
      section: t.ref.section,
      part: t.ref.part,
      quote: t.quote,
      status: 'open',
      anchored: true,
      createdAt: thread.createdAt,
      resolvedByName: null,
      resolvedAt: null,
      comments: [{ id: first.id, authorName: t.actor.name, body: t.body, createdAt: first.createdAt }],
    },
  };
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

const resolver = alias(users, 'resolver');

/** The threads of a profile (or one section), in text order, each with its comments. */
export async function listThreads(actor: Actor, assessmentId: string, section?: SectionKey): Promise<ThreadView[]> {
  await getAssessmentHeader(actor, assessmentId);
  const db = await getDb();
  const where = section
    ? and(eq(commentThreads.assessmentId, assessmentId), eq(commentThreads.section, section))
    : eq(commentThreads.assessmentId, assessmentId);
  const threads = await db
    .select({
      id: commentThreads.id,
      section: commentThreads.section,
      part: commentThreads.part,
      quote: commentThreads.quote,
      status: commentThreads.status,
      createdAt: commentThreads.createdAt,
      resolvedByName: resolver.name,
      resolvedAt: commentThreads.resolvedAt,
    })
    .from(commentThreads)
    .leftJoin(resolver, eq(resolver.id, commentThreads.resolvedBy))
    .where(where)
    .orderBy(asc(commentThreads.createdAt));
  if (threads.length === 0) return [];
  const [messages, parts] = await Promise.all([
    db
      .select({ threadId: comments.threadId, id: comments.id, authorName: users.name, body: comments.body, createdAt: comments.createdAt })
      .from(comments)
      .leftJoin(users, eq(users.id, comments.authorId))
      .where(inArray(comments.threadId, threads.map((t) => t.id)))
      .orderBy(asc(comments.createdAt), asc(comments.id)),
    db
      .select({ section: assessmentParts.section, part: assessmentParts.part, doc: assessmentParts.doc })
      .from(assessmentParts)
      .where(section ? and(eq(assessmentParts.assessmentId, assessmentId), eq(assessmentParts.section, section)) : eq(assessmentParts.assessmentId, assessmentId)),
  ]);
  const anchored = new Set(parts.flatMap((p) => [...anchoredThreadIds(p.doc)]));
  const order = (t: { section: string; part: string }) => sectionKeys.indexOf(t.section as SectionKey) * 2 + (t.part === 'potential' ? 1 : 0);
  return threads
    .map((t) => ({
      ...t,
      section: t.section as SectionKey,
      part: t.part as PartKey,
      anchored: anchored.has(t.id),
      comments: messages.filter((m) => m.threadId === t.id).map((m) => ({ id: m.id, authorName: m.authorName, body: m.body, createdAt: m.createdAt })),
    }))
    .sort((a, b) => order(a) - order(b));
}

/** Open threads per section, for the overview. */
export async function countOpenThreads(actor: Actor, assessmentId: string): Promise<Partial<Record<SectionKey, number>>> {
  await getAssessmentHeader(actor, assessmentId);
  const db = await getDb();
  const rows = await db
    .select({ section: commentThreads.section, open: count() })
    .from(commentThreads)
    .where(and(eq(commentThreads.assessmentId, assessmentId), eq(commentThreads.status, 'open')))
    .groupBy(commentThreads.section);
  return Object.fromEntries(rows.map((r) => [r.section, Number(r.open)]));
}
