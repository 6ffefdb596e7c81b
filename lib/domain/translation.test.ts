import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isStale, markedUpToDate, staleCountBySection, staleSlots, translationLanguages, withStaleness } from './translation';

describe('translation staleness', () => {
  it('is stale exactly when the source text moved on from the recorded revision', () => {
    expect(isStale(3, 3)).toBe(false);
    expect(isStale(3, 4)).toBe(true);
    expect(isStale(0, 1)).toBe(true);
    expect(isStale(0, 0)).toBe(false);
  });

  it('is never stale outside a translation or without a source part', () => {
    expect(isStale(null, 5)).toBe(false);
    expect(isStale(2, undefined)).toBe(false);
  });

  it('is cleared by marking up to date, whatever the revisions (property)', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(10_000), (recorded, current) => {
        expect(isStale(recorded, current)).toBe(recorded !== current);
        expect(isStale(markedUpToDate(current), current)).toBe(false);
      }),
    );
  });

  it('flags exactly the parts whose source moved on, and counts them per section', () => {
    const parts = [
      { section: 'introduction', part: 'body', sourceRevision: 2 },
      { section: 'partnerships', part: 'strengths', sourceRevision: 1 },
      { section: 'partnerships', part: 'potential', sourceRevision: 0 },
      { section: 'well_being', part: 'potential', sourceRevision: 4 },
    ];
    const source = [
      { section: 'introduction', part: 'body', textRevision: 2 },
      { section: 'partnerships', part: 'strengths', textRevision: 3 },
      { section: 'partnerships', part: 'potential', textRevision: 1 },
      { section: 'well_being', part: 'potential', textRevision: 4 },
    ];
    expect(staleSlots(parts, source)).toEqual(['partnerships/strengths', 'partnerships/potential']);
    expect(staleCountBySection(parts, source)).toEqual({ partnerships: 2 });
    expect(withStaleness(parts, source).map((p) => p.stale)).toEqual([false, true, true, false]);
  });

  it('offers the two other languages', () => {
    expect(translationLanguages('es').sort()).toEqual(['en', 'fr']);
    expect(translationLanguages('en')).not.toContain('en');
  });
});
