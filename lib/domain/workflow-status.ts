import type { AssessmentState } from './workflow';

/**
 * Why a person has nothing to do on a profile right now, told in words that
 * are true for them: a consultant whose draft is in review hears that it is
 * being reviewed (not that "another focal point must approve it", which is
 * said only to a focal point whose own edits keep them from approving, beside
 * the actions they still have: lib/data/workflow.ts `approveBlockedByOwnEdit`).
 */
export type IdleReason = 'waitingForSubmit' | 'waitingForReview' | 'waitingForPublication' | 'published';

export function idleReason(input: { state: AssessmentState; hasActions: boolean }): IdleReason | null {
  if (input.hasActions) return null;
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
