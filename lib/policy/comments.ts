import type { AssessmentState } from '../domain/workflow';
import type { JurisdictionRole } from '../domain/roles';
import { seesProfile, type Verdict } from './assessment';
import type { Actor } from './actor';
import { rolesOn } from './roles';

export const commentActions = ['start', 'reply', 'resolve'] as const;
/** `start` a thread on a passage, `reply` to one, `resolve` or reopen one. */
export type CommentAction = (typeof commentActions)[number];

/** The states in which each role may do each comment action. */
const commentStates: Record<JurisdictionRole, Record<CommentAction, readonly AssessmentState[]>> = {
  // Consultants answer review comments in any unpublished state, and point
  // things out to each other while drafting or during the review.
  consultant: {
    start: ['draft', 'in_review'],
    reply: ['draft', 'in_review', 'approved'],
    resolve: ['draft', 'in_review', 'approved'],
  },
  // Focal points comment on what they were asked to review.
  focal_point: {
    start: ['in_review'],
    reply: ['in_review'],
    resolve: ['in_review'],
  },
  // Consultation reviewers (a ministry, an organisation) comment and answer during
  // the review; resolving a thread is left to the people who own the profile.
  reviewer: {
    start: ['in_review'],
    reply: ['in_review'],
    resolve: [],
  },
};

/**
 * Comments on a profile. Everyone who sees the profile reads its threads; the
 * jurisdiction's consultants, focal points and reviewers write them, each in the states
 * above. Admins without a role on the jurisdiction read only.
 */
export function judgeComment(actor: Actor | null, action: CommentAction, s: { jurisdictionId: string; state: AssessmentState }): Verdict {
  if (!seesProfile(actor, s)) return 'hidden';
  // Roles that may do this action in some state; none (admins, reviewers resolving) is a refusal, not a matter of state.
  const writers = rolesOn(actor, s.jurisdictionId).filter((r) => commentStates[r][action].length > 0);
  if (writers.length === 0) return 'denied';
  return writers.some((r) => commentStates[r][action].includes(s.state)) ? 'allowed' : 'wrong_state';
}

export function allowedCommentActions(actor: Actor | null, s: { jurisdictionId: string; state: AssessmentState }): CommentAction[] {
  return commentActions.filter((a) => judgeComment(actor, a, s) === 'allowed');
}
