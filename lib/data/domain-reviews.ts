import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb, type Tx } from '../../db/client';
import { domainReviews, users } from '../../db/schema';
import { domainKeys, type DomainKey } from '../domain/profile';
import { judgeDomainReview, type Actor } from '../policy';
import { getAssessmentHeader } from './assessments';
import { assertNoOpenSuggestions } from './suggestions';
import { ConflictError, InvalidInputError, verdictError } from './errors';
import { shareLockProfile } from './profile-lock';
import { MAX_NOTE_LENGTH, stateInWords } from '../domain/workflow';

export type ReviewDecision = 'accept' | 'request_changes';

/**
 * A focal point marks one domain accepted or changes-requested (with a note),
 * while the profile is in review. The profile row is share-locked so that a
 * transition cannot pass in between.
 */
export async function reviewDomain(actor: Actor, assessmentId: string, domain: DomainKey, decision: ReviewDecision, note: string | null) {
  const text = note?.trim() || null;
  if (text && text.length > MAX_NOTE_LENGTH) throw new InvalidInputError('note_too_long', 'The note is too long.');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const profile = await shareLockProfile(tx, assessmentId);
    const verdict = judgeDomainReview(actor, profile);
    if (verdict === 'wrong_state') {
      throw new ConflictError('state_moved', `Domains are reviewed while the profile is in review; it is ${stateInWords[profile.state]}.`, { state: profile.state });
    }
    if (verdict !== 'allowed') throw verdictError(verdict);
    if (decision === 'request_changes' && !text) {
      throw new InvalidInputError('note_required', 'Say what needs to change: a note is required.');
    }
    if (decision === 'accept') await assertNoOpenSuggestions(tx, assessmentId, domain);
    const values = {
      assessmentId,
      domain,
      decision: decision === 'accept' ? ('accepted' as const) : ('changes_requested' as const),
      note: text,
      reviewerId: actor.userId,
    };
    await tx
      .insert(domainReviews)
      .values(values)
      .onConflictDoUpdate({
        target: [domainReviews.assessmentId, domainReviews.domain],
        set: { decision: values.decision, note: text, reviewerId: actor.userId, createdAt: sql`now()` },
      });
    return values;
  });
}

/** Each domain's current mark (or none), for the overview and the API. */
export async function listDomainReviews(actor: Actor, assessmentId: string) {
  await getAssessmentHeader(actor, assessmentId);
  const db = await getDb();
  return db
    .select({
      domain: domainReviews.domain,
      decision: domainReviews.decision,
      note: domainReviews.note,
      reviewerName: users.name,
      at: domainReviews.createdAt,
    })
    .from(domainReviews)
    .leftJoin(users, eq(users.id, domainReviews.reviewerId))
    .where(eq(domainReviews.assessmentId, assessmentId));
}

/** Domains not yet accepted; approval needs this to be empty. */
export async function domainsNotAccepted(tx: Tx, assessmentId: string): Promise<DomainKey[]> {
  const accepted = await tx
    .select({ domain: domainReviews.domain })
    .from(domainReviews)
    .where(and(eq(domainReviews.assessmentId, assessmentId), eq(domainReviews.decision, 'accepted')));
  return domainKeys.filter((d) => !accepted.some((a) => a.domain === d));
}

/** An edit of a domain takes away its `accepted` mark (called inside the save's transaction). */
export async function clearAcceptance(tx: Tx, assessmentId: string, domain: string) {
  await tx
    .delete(domainReviews)
    .where(and(eq(domainReviews.assessmentId, assessmentId), eq(domainReviews.domain, domain), eq(domainReviews.decision, 'accepted')));
}
