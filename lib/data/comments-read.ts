import 'server-only';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '../../db/client';
import { assessmentParts, comments, commentThreads, users } from '../../db/schema';
import { anchoredThreadIds } from '../domain/editor/passage';
import { sectionKeys, type PartKey, type SectionKey } from '../domain/profile';
import type { Actor } from '../policy';
import { getAssessmentHeader } from './assessments';

/* Reading comment threads: a profile's threads with their comments, and the open ones counted per section. */

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

/** What every list of threads shows of each; its own query adds the rest. */
export const threadColumns = {
  id: commentThreads.id,
  section: commentThreads.section,
  part: commentThreads.part,
  quote: commentThreads.quote,
  status: commentThreads.status,
};

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
      ...threadColumns,
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
