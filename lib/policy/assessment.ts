import { assessmentStates, type AssessmentState } from '../domain/workflow';
import type { Actor } from './actor';
import { rolesOn } from './roles';

export type AssessmentAction = 'view' | 'edit';

export interface AssessmentRef {
  jurisdictionId: string;
  state: AssessmentState;
}

/**
 * What an actor may do to a profile. `hidden` means the profile does not exist
 * for them (404); `denied` means they see it but may not do this (403);
 * `wrong_state` means the workflow has moved on (409).
 */
export type Verdict = 'allowed' | 'hidden' | 'denied' | 'wrong_state';

/**
 * Whether a profile exists for the actor at all. Admins and the jurisdiction's
 * consultants and focal points see every one of its profiles; its consultation
 * reviewers only those in review, and nothing else (as for a stranger: 404).
 */
export function seesProfile(actor: Actor | null, a: AssessmentRef): actor is Actor {
  if (!actor) return false;
  if (actor.isAdmin) return true;
  const roles = rolesOn(actor, a.jurisdictionId);
  if (roles.some((r) => r !== 'reviewer')) return true;
  return roles.includes('reviewer') && a.state === 'in_review';
}

/** The states of a jurisdiction's profiles the actor sees ([] when none), to scope lists as seesProfile scopes one. */
export function visibleProfileStates(actor: Actor | null, jurisdictionId: string): AssessmentState[] {
  return assessmentStates.filter((state) => seesProfile(actor, { jurisdictionId, state }));
}

export function judgeAssessment(actor: Actor | null, action: AssessmentAction, a: AssessmentRef): Verdict {
  if (!seesProfile(actor, a)) return 'hidden';
  const roles = rolesOn(actor, a.jurisdictionId);
  switch (action) {
    case 'view':
      return 'allowed';
    case 'edit':
      if (!roles.includes('consultant')) return 'denied';
      return a.state === 'draft' ? 'allowed' : 'wrong_state';
  }
}

export function canOnAssessment(actor: Actor | null, action: AssessmentAction, a: AssessmentRef): boolean {
  return judgeAssessment(actor, action, a) === 'allowed';
}

/** Only a consultant of the jurisdiction starts its profiles. */
export function canStartAssessment(actor: Actor | null, jurisdictionId: string): boolean {
  return rolesOn(actor, jurisdictionId).includes('consultant');
}

/**
 * Whether the actor may propose changes to a profile's text as suggestions
 * (lib/domain/editor/suggestions.ts): its focal points and consultation
 * reviewers while it is in review; its consultants while they may edit it (in
 * draft, to propose a change to a co-author). Deciding suggestions is editing.
 */
export function judgeSuggest(actor: Actor | null, a: AssessmentRef): Verdict {
  if (!seesProfile(actor, a)) return 'hidden';
  const roles = rolesOn(actor, a.jurisdictionId);
  if (roles.includes('consultant') && a.state === 'draft') return 'allowed';
  if (roles.some((r) => r === 'focal_point' || r === 'reviewer')) return a.state === 'in_review' ? 'allowed' : 'wrong_state';
  return roles.includes('consultant') ? 'wrong_state' : 'denied';
}

/**
 * How a person may hold a part open live (server/collab.ts): `edit` when they
 * may change it in its current state, `suggest` when they may only add,
 * change or withdraw their own suggestions (the server checks every change
 * they send against that rule), `read` when they may only see it (they watch
 * others type, read-only), `none` when the profile does not exist for them
 * (the connection is refused as for a profile that does not exist).
 */
export type LiveAccess = 'edit' | 'suggest' | 'read' | 'none';
export function liveAccessOn(actor: Actor | null, a: AssessmentRef): LiveAccess {
  if (judgeAssessment(actor, 'view', a) !== 'allowed') return 'none';
  if (judgeAssessment(actor, 'edit', a) === 'allowed') return 'edit';
  return judgeSuggest(actor, a) === 'allowed' ? 'suggest' : 'read';
}

/**
 * Who starts a translation of a profile (in any state): whoever sees the
 * source and is a consultant of its jurisdiction, as for starting a profile.
 * Others who see it are refused (403); the rest do not see it (404).
 */
export function judgeStartTranslation(actor: Actor | null, source: AssessmentRef): Verdict {
  if (!seesProfile(actor, source)) return 'hidden';
  return canStartAssessment(actor, source.jurisdictionId) ? 'allowed' : 'denied';
}

/**
 * Whether the actor reviews the profile's text: its focal points and its
 * consultation reviewers, while it exists for them. They are the ones shown
 * what changed since their review round (lib/data/changes-since-review.ts);
 * consultants wrote those changes, admins do not review.
 */
export function reviewsProfile(actor: Actor | null, a: AssessmentRef): boolean {
  if (!seesProfile(actor, a)) return false;
  return rolesOn(actor, a.jurisdictionId).some((r) => r === 'focal_point' || r === 'reviewer');
}
