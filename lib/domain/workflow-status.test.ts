import { describe, expect, it } from 'vitest';
import { idleReason } from './workflow-status';

describe('idleReason', () => {
  it('says nothing to someone who has something to do', () => {
    expect(idleReason({ state: 'in_review', hasActions: true })).toBeNull();
  });

  it.each([
    ['draft', 'waitingForSubmit'],
    ['in_review', 'waitingForReview'],
    ['approved', 'waitingForPublication'],
    ['published', 'published'],
  ] as const)('in %s, to someone with nothing to do: %s', (state, reason) => {
    expect(idleReason({ state, hasActions: false })).toBe(reason);
  });
});
