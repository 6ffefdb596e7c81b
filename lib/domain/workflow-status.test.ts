import { describe, expect, it } from 'vitest';
import { idleReason } from './workflow-status';

describe('idleReason', () => {
  it('says nothing to someone who has something to do', () => {
    expect(idleReason({ state: 'in_review', hasActions: true, couldApproveButEdited: false })).toBeNull();
  });

  it('tells only a would-be approver that another focal point must approve', () => {
    expect(idleReason({ state: 'in_review', hasActions: false, couldApproveButEdited: true })).toBe('editedThisRound');
    // A consultant who edited the text and waits for the review is told it is being reviewed.
    expect(idleReason({ state: 'in_review', hasActions: false, couldApproveButEdited: false })).toBe('waitingForReview');
  });

  it.each([
    ['draft', 'waitingForSubmit'],
    ['approved', 'waitingForPublication'],
    ['published', 'published'],
  ] as const)('in %s: %s', (state, reason) => {
    expect(idleReason({ state, hasActions: false, couldApproveButEdited: false })).toBe(reason);
  });
});
