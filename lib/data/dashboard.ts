import 'server-only';
import { and, desc, eq, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { assessments, assessmentTransitions, jurisdictions } from '../../db/schema';
import type { Actor } from '../policy';
import { staleCounts } from './translations';

export interface WorkItem {
  id: string;
  title: string;
  language: string;
  state: string;
  jurisdictionName: string;
  jurisdictionSlug: string;
  updatedAt: Date;
  /** For a translation: how many of its parts have a source that changed since (0 otherwise). */
  stale: number;
}

/** How many items of each queue the dashboard lists; the count covers them all. */
export const QUEUE_LIMIT = 10;

type Bucket = 'drafts' | 'changesRequested' | 'underReview' | 'toReview' | 'toPublish';

/**
 * What needs this person, in one query over their own jurisdictions (and, for
 * admins, approved profiles anywhere): drafts they write, drafts sent back to
 * them, profiles awaiting their review, and profiles ready to publish. Each
 * queue returns its newest items and its full count, so the page costs the
 * same with ten profiles or ten thousand.
 */
export async function listMyWork(actor: Actor) {
  const consultantOn = actor.memberships.filter((m) => m.role === 'consultant').map((m) => m.jurisdictionId);
  // Consultation reviewers, like focal points, have the profiles in review to read.
  const focalOn = actor.memberships.filter((m) => m.role === 'focal_point' || m.role === 'reviewer').map((m) => m.jurisdictionId);
  const conditions: SQL[] = [];
  // Their profiles in review too: the focal point's move, but threads may wait for the consultant's answer.
  if (consultantOn.length) conditions.push(and(inArray(assessments.jurisdictionId, consultantOn), inArray(assessments.state, ['draft', 'in_review']))!);
  if (focalOn.length) conditions.push(and(inArray(assessments.jurisdictionId, focalOn), eq(assessments.state, 'in_review'))!);
  if (actor.isAdmin) conditions.push(eq(assessments.state, 'approved'));
  const queues: Record<Bucket, WorkItem[]> = { drafts: [], changesRequested: [], underReview: [], toReview: [], toPublish: [] };
  const counts: Record<Bucket, number> = { drafts: 0, changesRequested: 0, underReview: 0, toReview: 0, toPublish: 0 };
  if (conditions.length === 0) return { ...queues, counts };

  // A profile in review is the focal point's to review, and the consultant's to follow; approved is
  // the admin's; a draft is the consultant's, split by whether it was sent back.
  const lastAction = sql`(SELECT ${assessmentTransitions.action} FROM ${assessmentTransitions}
    WHERE ${assessmentTransitions.assessmentId} = ${assessments.id} ORDER BY ${assessmentTransitions.createdAt} DESC LIMIT 1)`;
  const bucket = sql<Bucket>`CASE ${assessments.state}
    WHEN 'in_review' THEN CASE WHEN ${focalOn.length ? inArray(assessments.jurisdictionId, focalOn) : sql`false`} THEN 'toReview' ELSE 'underReview' END
    WHEN 'approved' THEN 'toPublish'
    ELSE CASE WHEN ${lastAction} = 'request_changes' THEN 'changesRequested' ELSE 'drafts' END END`;
  const db = await getDb();
  const ranked = db
    .select({
      id: assessments.id,
      title: assessments.title,
      language: assessments.language,
      state: assessments.state,
      jurisdictionName: jurisdictions.name,
      jurisdictionSlug: jurisdictions.slug,
      updatedAt: assessments.updatedAt,
      sourceId: assessments.sourceId,
      bucket: bucket.as('bucket'),
      rank: sql<number>`row_number() OVER (PARTITION BY ${bucket} ORDER BY ${assessments.updatedAt} DESC)`.as('rank'),
      total: sql<number>`count(*) OVER (PARTITION BY ${bucket})`.as('total'),
    })
    .from(assessments)
    .innerJoin(jurisdictions, eq(jurisdictions.id, assessments.jurisdictionId))
    .where(or(...conditions))
    .as('ranked');
  const rows = await db.select().from(ranked).where(lte(ranked.rank, QUEUE_LIMIT)).orderBy(desc(ranked.updatedAt));
  const stale = await staleCounts(db, rows);
  for (const row of rows) {
    queues[row.bucket].push({ ...row, stale: stale.get(row.id) ?? 0 });
    counts[row.bucket] = Number(row.total);
  }
  return { ...queues, counts };
}
