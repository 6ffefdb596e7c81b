import type { AssessmentState } from '../domain/workflow';
import type { Actor } from './actor';
import { seesProfile, visibleProfileStates } from './assessment';

/**
 * Which unpublished profiles' passages the passage search may show the actor:
 * none (the public: published editions only), all (admins), or, per
 * jurisdiction, the states in which seesProfile lets them read its profiles
 * (a reviewer: those in review). The same rule as listAssessmentsOfJurisdiction's.
 */
export type DraftScope =
  | { kind: 'none' }
  | { kind: 'all' }
  | { kind: 'some'; jurisdictions: Array<{ jurisdictionId: string; states: AssessmentState[] }> };

export function draftScope(actor: Actor | null): DraftScope {
  if (!actor) return { kind: 'none' };
  if (actor.isAdmin) return { kind: 'all' };
  const ids = [...new Set(actor.memberships.map((m) => m.jurisdictionId))];
  const jurisdictions = ids
    .map((jurisdictionId) => ({ jurisdictionId, states: visibleProfileStates(actor, jurisdictionId).filter((s) => s !== 'published') }))
    .filter((j) => j.states.length > 0);
  return jurisdictions.length > 0 ? { kind: 'some', jurisdictions } : { kind: 'none' };
}

/** The same rule for one profile: whether its passages may appear for the actor. */
export function mayFindDraft(actor: Actor | null, profile: { jurisdictionId: string; state: AssessmentState }): boolean {
  return profile.state !== 'published' && seesProfile(actor, profile);
}
