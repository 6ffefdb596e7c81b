import { seesProfile, type AssessmentRef, type Verdict } from './assessment';
import type { Actor } from './actor';
import { rolesOn } from './roles';

/**
 * Who sees a profile's consultation (per domain, who of its focal points and
 * reviewers has read, commented and suggested): the people who run or answer
 * for the round, that is its focal points (they decide when the consultation is
 * done), its consultants (they wait for it to end) and admins, in every state.
 * Reviewers see the profile but not one another's activity: a ministry is not
 * told what another ministry did or did not do (403). Whoever does not see the
 * profile gets 404.
 */
export function judgeConsultation(actor: Actor | null, a: AssessmentRef): Verdict {
  if (!seesProfile(actor, a)) return 'hidden';
  if (actor.isAdmin) return 'allowed';
  const roles = rolesOn(actor, a.jurisdictionId);
  return roles.includes('focal_point') || roles.includes('consultant') ? 'allowed' : 'denied';
}

/**
 * Whether opening a section is recorded as reading it: only for the people the
 * consultation lists (focal points and reviewers of the jurisdiction), and only
 * while the profile is in review, which is when the consultation runs. A
 * consultant or admin browsing writes nothing.
 */
export function recordsReading(actor: Actor | null, a: AssessmentRef): boolean {
  if (!seesProfile(actor, a) || a.state !== 'in_review') return false;
  return rolesOn(actor, a.jurisdictionId).some((r) => r === 'focal_point' || r === 'reviewer');
}
