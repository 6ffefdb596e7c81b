import type { AssessmentState } from '../domain/workflow';
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

export function judgeAssessment(actor: Actor | null, action: AssessmentAction, a: AssessmentRef): Verdict {
  if (!actor) return 'hidden';
  const roles = rolesOn(actor, a.jurisdictionId);
  if (!actor.isAdmin && roles.length === 0) return 'hidden';
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
