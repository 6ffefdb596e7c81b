import type { AssessmentState } from '../domain/workflow';
import { seesProfile, type Verdict } from './assessment';
import type { Actor } from './actor';
import { rolesOn } from './roles';

export const transitionActions = ['submit', 'request_changes', 'approve', 'publish'] as const;
export type TransitionAction = (typeof transitionActions)[number];

/** The workflow: each action moves a profile from one state to the next. */
export const transitions: Record<TransitionAction, { from: AssessmentState; to: AssessmentState }> = {
  submit: { from: 'draft', to: 'in_review' },
  request_changes: { from: 'in_review', to: 'draft' },
  approve: { from: 'in_review', to: 'approved' },
  publish: { from: 'approved', to: 'published' },
};

export interface TransitionSubject {
  jurisdictionId: string;
  state: AssessmentState;
  /** Whether the actor edited the text in the current round (since it last became a draft). */
  actorEditedThisRound: boolean;
}

/**
 * Who may move a profile along. Consultants submit; focal points request
 * changes or approve (admins cannot approve in their place, and nobody approves
 * text they edited in this round); only admins publish. The role is checked
 * before the state, so a person without the right learns nothing about it.
 * A translation follows the same rule: the jurisdiction's focal point approves
 * it (it is their government's text in another language), an admin publishes
 * it, alone or with its source (lib/data/workflow.ts).
 */
export function judgeTransition(actor: Actor | null, action: TransitionAction, s: TransitionSubject): Verdict {
  if (!seesProfile(actor, s)) return 'hidden';
  const roles = rolesOn(actor, s.jurisdictionId);
  const hasRight =
    action === 'submit'
      ? roles.includes('consultant')
      : action === 'publish'
        ? actor.isAdmin
        : roles.includes('focal_point');
  if (!hasRight) return 'denied';
  if (s.state !== transitions[action].from) return 'wrong_state';
  if (action === 'approve' && s.actorEditedThisRound) return 'denied';
  return 'allowed';
}

/** The actions the UI should offer: only what the server would allow. */
export function allowedTransitions(actor: Actor | null, s: TransitionSubject): TransitionAction[] {
  return transitionActions.filter((a) => judgeTransition(actor, a, s) === 'allowed');
}

/** Marking a domain accepted or changes-requested: the jurisdiction's focal points, during review. */
export function judgeDomainReview(actor: Actor | null, s: { jurisdictionId: string; state: AssessmentState }): Verdict {
  if (!seesProfile(actor, s)) return 'hidden';
  const roles = rolesOn(actor, s.jurisdictionId);
  if (!roles.includes('focal_point')) return 'denied';
  return s.state === 'in_review' ? 'allowed' : 'wrong_state';
}
