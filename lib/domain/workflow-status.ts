import type { AssessmentState } from './workflow';

/**
 * Why a person has nothing to do on a profile right now, told in the words
 * that are true for them: only someone who could approve but for their own
 * edits hears that "another focal point must approve it"; a consultant whose
 * draft is in review hears that it is being reviewed, and so on.
 */
export type IdleReason = 'editedThisRound' | 'waitingForSubmit' | 'waitingForReview' | 'waitingForPublication' | 'published';

export function idleReason(input: { state: AssessmentState; hasActions: boolean; couldApproveButEdited: boolean }): IdleReason | null {
  if (input.hasActions) return null;
  if (input.couldApproveButEdited) return 'editedThisRound';
  switch (input.state) {
    case 'draft':
      return 'waitingForSubmit';
    case 'in_review':
      return 'waitingForReview';
    case 'approved':
      return 'waitingForPublication';
    case 'published':
      return 'published';
  }
}
