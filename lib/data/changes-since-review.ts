import 'server-only';
import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '../../db/client';
import { assessmentParts, assessmentTransitions, comments, commentThreads, partRevisions, suggestionDecisions, users } from '../../db/schema';
import { changedSections, partChanges, roundIsOpen, threadOutcome, type PartChange, type ThreadOutcome } from '../domain/changes-since-review';
import { extractSuggestions, type SuggestionKind } from '../domain/editor/suggestions';
import { profileSlots, type PartKey, type SectionKey } from '../domain/profile';
import type { Actor } from '../policy';
import { getAssessmentHeader } from './assessments';
import { threadColumns } from './comments-read';
import { getPartRevision, getPartStart } from './parts';

export interface SuggestionSince {
  suggestionId: string;
  section: SectionKey;
  part: PartKey;
  /** Accepted or rejected since the review ended, or still open in the text. */
  status: 'accepted' | 'rejected' | 'open';
  kind: SuggestionKind;
  inserted: string;
  deleted: string;
  deciderName: string | null;
  decidedAt: Date | null;
}

export interface ThreadSince {
  id: string;
  section: SectionKey;
  part: PartKey;
  quote: string;
  outcome: ThreadOutcome;
  resolvedByName: string | null;
  /** The newest message someone else wrote since the review ended. */
  reply: { authorName: string | null; body: string; createdAt: Date } | null;
}

export interface ChangesSinceReview {
  /** When changes were last requested: the end of the round whose text is compared with. */
  since: Date;
  requestedByName: string | null;
  parts: Array<PartChange & { reviewedRevision: number }>;
  changedSections: SectionKey[];
  /** The actor's own suggestions of that round: what became of them. */
  suggestions: SuggestionSince[];
  /** The actor's own comment threads (started or written in) of that round: what became of them. */
  threads: ThreadSince[];
}

/**
 * What changed in a profile since its last review round ended (changes were
 * requested), for whoever may read the profile (lib/policy decides, as for the
 * profile itself: 404 otherwise), with what became of the actor's own
 * suggestions and comment threads. Null when there was no earlier round, or
 * once the round is closed (approved, published). "The version reviewed" is
 * defined in lib/domain/changes-since-review.ts.
 */
export async function changesSinceReview(actor: Actor, assessmentId: string): Promise<ChangesSinceReview | null> {
  const header = await getAssessmentHeader(actor, assessmentId);
  if (!roundIsOpen(header.state)) return null;
  const db = await getDb();
  const [round] = await db
    .select({ id: assessmentTransitions.id, at: assessmentTransitions.createdAt, byName: users.name })
    .from(assessmentTransitions)
    .leftJoin(users, eq(users.id, assessmentTransitions.actorId))
    .where(and(eq(assessmentTransitions.assessmentId, assessmentId), eq(assessmentTransitions.action, 'request_changes')))
    .orderBy(desc(assessmentTransitions.createdAt))
    .limit(1);
  if (!round) return null;
  const since = round.at;
  // Compared in the database: its times have microseconds, a Date only milliseconds.
  const sinceInDb = sql`(SELECT ${assessmentTransitions.createdAt} FROM ${assessmentTransitions} WHERE ${assessmentTransitions.id} = ${round.id})`;

  const [current, stored] = await Promise.all([
    db.select({ section: assessmentParts.section, part: assessmentParts.part, doc: assessmentParts.doc }).from(assessmentParts).where(eq(assessmentParts.assessmentId, assessmentId)),
    // Numbers and times only: documents are loaded for the parts that changed.
    db
      .select({
        section: partRevisions.section,
        part: partRevisions.part,
        revision: partRevisions.revision,
        before: sql<boolean>`${partRevisions.createdAt} <= ${sinceInDb}`,
      })
      .from(partRevisions)
      .where(eq(partRevisions.assessmentId, assessmentId)),
  ]);
  const versions = await Promise.all(
    profileSlots.map(async ({ section, part }) => {
      const ref = { assessmentId, section, part };
      const own = stored.filter((r) => r.section === section && r.part === part);
      const reviewedRevision = Math.max(0, ...own.filter((r) => r.before).map((r) => r.revision));
      const now = current.find((c) => c.section === section && c.part === part)?.doc;
      // Every change of a part's words stores a revision (a comment's mark stores none, and changes no word):
      // with none stored since, the text is the one reviewed.
      const savedSince = own.some((r) => !r.before);
      const reviewed = !savedSince ? now : reviewedRevision > 0 ? (await getPartRevision(actor, ref, reviewedRevision)).doc : (await getPartStart(actor, ref)).doc;
      return { section, part, reviewed, current: now, reviewedRevision };
    }),
  );
  const changes = partChanges(versions).map((c, i) => ({ ...c, reviewedRevision: versions[i]!.reviewedRevision }));

  const decider = alias(users, 'decider');
  const decided = await db
    .select({
      suggestionId: suggestionDecisions.suggestionId,
      section: suggestionDecisions.section,
      part: suggestionDecisions.part,
      decision: suggestionDecisions.decision,
      kind: suggestionDecisions.kind,
      inserted: suggestionDecisions.inserted,
      deleted: suggestionDecisions.deleted,
      deciderName: decider.name,
      decidedAt: suggestionDecisions.decidedAt,
    })
    .from(suggestionDecisions)
    .leftJoin(decider, eq(decider.id, suggestionDecisions.deciderId))
    .where(and(eq(suggestionDecisions.assessmentId, assessmentId), eq(suggestionDecisions.authorId, actor.userId), sql`${suggestionDecisions.decidedAt} > ${sinceInDb}`))
    .orderBy(asc(suggestionDecisions.decidedAt));
  // Still open: theirs in the reviewed text and still in the current one.
  const stillOpen = versions.flatMap((v) => {
    const now = new Set(extractSuggestions(v.current).map((s) => s.id));
    return extractSuggestions(v.reviewed)
      .filter((s) => s.authorId === actor.userId && now.has(s.id))
      .map((s): SuggestionSince => ({ suggestionId: s.id, section: v.section, part: v.part, status: 'open', kind: s.kind, inserted: s.inserted, deleted: s.deleted, deciderName: null, decidedAt: null }));
  });
  const suggestions: SuggestionSince[] = [
    ...decided.map((d) => ({ ...d, section: d.section as SectionKey, part: d.part as PartKey, status: d.decision })),
    ...stillOpen,
  ];

  return { since, requestedByName: round.byName, parts: changes, changedSections: [...changedSections(changes)], suggestions, threads: await threadsSince(actor, assessmentId, sinceInDb) };
}

/** The actor's threads of the round that ended at `sinceInDb` (started, or written in, before it), with what became of them. */
async function threadsSince(actor: Actor, assessmentId: string, sinceInDb: SQL): Promise<ThreadSince[]> {
  const db = await getDb();
  const resolver = alias(users, 'resolver');
  const wroteIn = db.select({ id: comments.threadId }).from(comments).where(and(eq(comments.authorId, actor.userId), sql`${comments.createdAt} <= ${sinceInDb}`));
  const threads = await db
    .select({
      ...threadColumns,
      resolvedSince: sql<boolean>`coalesce(${commentThreads.resolvedAt} > ${sinceInDb}, false)`,
      resolvedByName: resolver.name,
    })
    .from(commentThreads)
    .leftJoin(resolver, eq(resolver.id, commentThreads.resolvedBy))
    .where(
      and(
        eq(commentThreads.assessmentId, assessmentId),
        sql`${commentThreads.createdAt} <= ${sinceInDb}`,
        or(eq(commentThreads.createdBy, actor.userId), inArray(commentThreads.id, wroteIn)),
      ),
    )
    .orderBy(asc(commentThreads.createdAt));
  if (threads.length === 0) return [];
  const messages = await db
    .select({
      threadId: comments.threadId,
      authorId: comments.authorId,
      authorName: users.name,
      body: comments.body,
      createdAt: comments.createdAt,
      since: sql<boolean>`${comments.createdAt} > ${sinceInDb}`,
    })
    .from(comments)
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(inArray(comments.threadId, threads.map((t) => t.id)))
    .orderBy(asc(comments.createdAt), asc(comments.id));
  return threads.flatMap((t) => {
    const own = messages.filter((m) => m.threadId === t.id);
    const outcome = threadOutcome({ ...t, comments: own }, actor.userId);
    if (!outcome) return [];
    const reply = own.filter((m) => m.authorId !== actor.userId && m.since).at(-1);
    return [
      {
        id: t.id,
        section: t.section as SectionKey,
        part: t.part as PartKey,
        quote: t.quote,
        outcome,
        resolvedByName: outcome === 'resolved' ? t.resolvedByName : null,
        reply: reply ? { authorName: reply.authorName, body: reply.body, createdAt: reply.createdAt } : null,
      },
    ];
  });
}
