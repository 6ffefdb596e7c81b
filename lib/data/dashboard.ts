import 'server-only';
import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { assessments, assessmentTransitions, jurisdictions } from '../../db/schema';
import type { Actor } from '../policy';

export interface WorkItem {
  id: string;
  title: string;
  language: string;
  state: string;
  jurisdictionName: string;
  jurisdictionSlug: string;
  updatedAt: Date;
}

/**
 * What needs this person, in one query over their own jurisdictions (and, for
 * admins, approved profiles anywhere): drafts they write, drafts sent back to
 * them, profiles awaiting their review, and profiles ready to publish.
 */
export async function listMyWork(actor: Actor) {
  const consultantOn = actor.memberships.filter((m) => m.role === 'consultant').map((m) => m.jurisdictionId);
  const focalOn = actor.memberships.filter((m) => m.role === 'focal_point').map((m) => m.jurisdictionId);
  const conditions = [];
  if (consultantOn.length) conditions.push(and(inArray(assessments.jurisdictionId, consultantOn), eq(assessments.state, 'draft')));
  if (focalOn.length) conditions.push(and(inArray(assessments.jurisdictionId, focalOn), eq(assessments.state, 'in_review')));
  if (actor.isAdmin) conditions.push(eq(assessments.state, 'approved'));
  const empty = { drafts: [] as WorkItem[], changesRequested: [] as WorkItem[], toReview: [] as WorkItem[], toPublish: [] as WorkItem[] };
  if (conditions.length === 0) return empty;

  const db = await getDb();
  const rows = await db
    .select({
      id: assessments.id,
      title: assessments.title,
      language: assessments.language,
      state: assessments.state,
      jurisdictionId: assessments.jurisdictionId,
      jurisdictionName: jurisdictions.name,
      jurisdictionSlug: jurisdictions.slug,
      updatedAt: assessments.updatedAt,
      lastAction: sql<string | null>`(
        SELECT ${assessmentTransitions.action} FROM ${assessmentTransitions}
        WHERE ${assessmentTransitions.assessmentId} = ${assessments.id}
        ORDER BY ${assessmentTransitions.createdAt} DESC LIMIT 1)`,
    })
    .from(assessments)
    .innerJoin(jurisdictions, eq(jurisdictions.id, assessments.jurisdictionId))
    .where(or(...conditions))
    .orderBy(desc(assessments.updatedAt))
    .limit(500);

  for (const row of rows) {
    if (row.state === 'draft' && consultantOn.includes(row.jurisdictionId)) {
      (row.lastAction === 'request_changes' ? empty.changesRequested : empty.drafts).push(row);
    } else if (row.state === 'in_review' && focalOn.includes(row.jurisdictionId)) {
      empty.toReview.push(row);
    } else if (row.state === 'approved' && actor.isAdmin) {
      empty.toPublish.push(row);
    }
  }
  return empty;
}
