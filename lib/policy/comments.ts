import type { AssessmentState } from '../domain/workflow';
import type { Verdict } from './assessment';
import type { Actor } from './actor';
import { rolesOn } from './roles';

export const commentActions = ['start', 'reply', 'resolve'] as const;
/** `start` a thread on a passage, `reply` to one, `resolve` or reopen one. */
export type CommentAction = (typeof commentActions)[number];

/** The states in which each role may do each comment action. */
const commentStates: Record<'consultant' | 'focal_point', Record<CommentAction, readonly AssessmentState[]>> = {
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
};

/**
 * Comments on a profile. Everyone who sees the profile reads its threads; the
 * jurisdiction's consultants and focal points write them, each in the states
 * above. Admins without a role on the jurisdiction read only.
 */
export function judgeComment(actor: Actor | null, action: CommentAction, s: { jurisdictionId: string; state: AssessmentState }): Verdict {
  if (!actor) return 'hidden';
  const roles = rolesOn(actor, s.jurisdictionId);
  if (!actor.isAdmin && roles.length === 0) return 'hidden';
  const writers = roles.filter((r): r is 'consultant' | 'focal_point' => r === 'consultant' || r === 'focal_point');
  if (writers.length === 0) return 'denied';
  return writers.some((r) => commentStates[r][action].includes(s.state)) ? 'allowed' : 'wrong_state';
}

export function allowedCommentActions(actor: Actor | null, s: { jurisdictionId: string; state: AssessmentState }): CommentAction[] {
  return commentActions.filter((a) => judgeComment(actor, a, s) === 'allowed');
}
