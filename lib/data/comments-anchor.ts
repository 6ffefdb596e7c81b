import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { getDb, type Tx } from '../../db/client';
import { assessmentParts, comments, commentThreads } from '../../db/schema';
import { collabDocName } from '../collab/doc-name';
import { liveParts } from '../collab/live-registry';
import { markPassage, unmarkThread } from '../domain/editor/mark-passage';
import { MAX_QUOTE_LENGTH, normalizeQuote } from '../domain/editor/passage';
import type { PartKey, SectionKey } from '../domain/profile';
import type { Actor } from '../policy';
import { notifyComment } from './comment-notifications';
import type { ThreadView } from './comments-read';
import { checkedBody, lockProfileFor } from './comments-write';
import { ConflictError, InvalidInputError, NotFoundError } from './errors';
import { announceChanged, moveLiveStateOn } from './live-parts';
import type { PartRef } from './parts';

/* Starting a comment thread: anchoring it on a passage of the text, stored or live. */

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
