import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { previousRevision } from './revision-pairs';

describe('previousRevision', () => {
  it('skips revision numbers that were never stored (a comment anchored in between)', () => {
    // Saved (1), suggested live (2), comment anchored (3, not stored), accepted (4).
    expect(previousRevision([4, 2, 1], 4)).toBe(2);
    expect(previousRevision([4, 2, 1], 2)).toBe(1);
  });

  it('falls back to the starting copy (0) before the first stored revision', () => {
    expect(previousRevision([5, 3], 3)).toBe(0);
    expect(previousRevision([], 7)).toBe(0);
  });

  it('always names a stored revision (or 0) smaller than the one asked for, and the largest such', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 60 })), fc.integer({ min: 0, max: 61 }), (stored, n) => {
        const before = previousRevision(stored, n);
        expect(before === 0 || stored.includes(before)).toBe(true);
        if (n > 0) expect(before).toBeLessThan(n);
        expect(stored.some((s) => s > before && s < n)).toBe(false);
      }),
    );
  });
});
