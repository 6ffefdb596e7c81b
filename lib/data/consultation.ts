import 'server-only';
import { and, count, eq, inArray, max, sql } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { comments, commentThreads, memberships, sectionReads, suggestionDecisions, users } from '../../db/schema';
import { consultationBySection, countSuggestions, type ConsultedPerson, type ConsultationSection } from '../domain/consultation';
import { sectionKeys } from '../domain/profile';
import { judgeConsultation, recordsReading, type Actor, type AssessmentRef } from '../policy';
import { getAssessmentHeader } from './assessments';
import { NotFoundError, verdictError } from './errors';
import { rowsOf } from './sql-rows';
import { listOpenSuggestions } from './suggestions';

/**
 * Notes that the actor opened a section of the profile, if the consultation
 * counts them (lib/policy `recordsReading`: its focal points and reviewers, in
 * review). One idempotent statement: the first view is kept, the last moves on;
 * the profile's state and jurisdiction are checked again in it, so a view that
 * races a workflow step writes nothing once the review is over. Answers whether
 * it was recorded.
 */
export async function recordSectionRead(actor: Actor, profile: AssessmentRef & { id: string }, section: string): Promise<boolean> {
  if (!(sectionKeys as readonly string[]).includes(section)) throw new NotFoundError('section');
  if (!recordsReading(actor, profile)) return false;
  const db = await getDb();
  const written = await db.execute(sql`
    INSERT INTO ${sectionReads} (assessment_id, section, user_id)
    SELECT id, ${section}, ${actor.userId}::uuid FROM assessments
    WHERE id = ${profile.id}::uuid AND jurisdiction_id = ${profile.jurisdictionId}::uuid AND state = 'in_review'
    ON CONFLICT (assessment_id, section, user_id) DO UPDATE SET last_read_at = now()
    RETURNING user_id`);
  return rowsOf(written).length > 0;
}

export interface Consultation {
  profile: { id: string; title: string; language: string; state: string; jurisdictionSlug: string; jurisdictionName: string };
  sections: ConsultationSection[];
}

/**
 * Per section of a profile, each focal point and reviewer of its jurisdiction
 * with whether they have read it, how many comments they wrote there and how
 * many suggestions they made (open and decided). For whoever lib/policy lets
 * see the consultation (`judgeConsultation`): 404 for whoever does not see the
 * profile, 403 for its reviewers. People whose role has lapsed, or whose account
 * was deactivated, stay listed as such (what they did still counts for the
 * round) but not in the "n of m" counts; a removed reviewer is no longer listed.
 */
export async function getConsultation(actor: Actor, assessmentId: string): Promise<Consultation> {
  const header = await getAssessmentHeader(actor, assessmentId);
  const verdict = judgeConsultation(actor, header);
  if (verdict !== 'allowed') throw verdictError(verdict);
  const db = await getDb();
  const memberRows = await db
    .select({
      userId: users.id,
      name: users.name,
      role: memberships.role,
      organisation: memberships.organisation,
      lapsed: sql<boolean>`coalesce(${memberships.expiresAt} <= now(), false)`,
      active: users.active,
      pending: sql<boolean>`${users.passwordHash} IS NULL`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.jurisdictionId, header.jurisdictionId), inArray(memberships.role, ['focal_point', 'reviewer'])));
  // Someone who is both focal point and reviewer is listed once, as focal point.
  const people = new Map<string, ConsultedPerson>();
  for (const r of memberRows.sort((a, b) => (a.role === 'focal_point' ? -1 : 1) - (b.role === 'focal_point' ? -1 : 1))) {
    if (people.has(r.userId)) continue;
    const ended = !r.active ? 'deactivated' : r.lapsed ? 'lapsed' : null;
    people.set(r.userId, { userId: r.userId, name: r.name, role: r.role as ConsultedPerson['role'], organisation: r.organisation, ended, pending: r.pending });
  }
  const reads = await db
    .select({ userId: sectionReads.userId, section: sectionReads.section, firstReadAt: sectionReads.firstReadAt, lastReadAt: sectionReads.lastReadAt })
    .from(sectionReads)
    .where(eq(sectionReads.assessmentId, assessmentId));
  const written = await db
    .select({ userId: comments.authorId, section: commentThreads.section, count: count(), lastAt: max(comments.createdAt) })
    .from(comments)
    .innerJoin(commentThreads, eq(commentThreads.id, comments.threadId))
    .where(eq(commentThreads.assessmentId, assessmentId))
    .groupBy(comments.authorId, commentThreads.section);
  const decided = await db
    .select({ userId: suggestionDecisions.authorId, section: suggestionDecisions.section, count: count() })
    .from(suggestionDecisions)
    .where(eq(suggestionDecisions.assessmentId, assessmentId))
    .groupBy(suggestionDecisions.authorId, suggestionDecisions.section);
  const open = await listOpenSuggestions(actor, assessmentId);
  const known = <T extends { userId: string | null }>(rows: T[]) => rows.filter((r): r is T & { userId: string } => r.userId !== null);
  return {
    profile: {
      id: header.id,
      title: header.title,
      language: header.language,
      state: header.state,
      jurisdictionSlug: header.jurisdictionSlug,
      jurisdictionName: header.jurisdictionName,
    },
    sections: consultationBySection({
      people: [...people.values()],
      reads,
      comments: known(written).map((r) => ({ ...r, count: Number(r.count), lastAt: r.lastAt ? new Date(r.lastAt) : null })),
      openSuggestions: countSuggestions(open),
      // When a decided suggestion was made is not kept, only when it was decided.
      decidedSuggestions: known(decided).map((r) => ({ ...r, count: Number(r.count), lastAt: null })),
    }),
  };
}
