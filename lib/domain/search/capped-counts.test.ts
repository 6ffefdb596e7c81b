import { describe, expect, it } from 'vitest';
import { SEARCH_COUNT_LIMIT, cappedCount, facetScans } from './capped-counts';
import { MAX_SEARCH_PAGE, SEARCH_PAGE_SIZE } from './search-query';

describe('cappedCount', () => {
  it('is exact up to the limit and "more than the limit" past it', () => {
    expect(cappedCount(0, 500)).toEqual({ count: 0, lowerBound: false });
    expect(cappedCount(500, 500)).toEqual({ count: 500, lowerBound: false });
    expect(cappedCount(501, 500)).toEqual({ count: 500, lowerBound: true });
    expect(cappedCount(SEARCH_COUNT_LIMIT + 1)).toEqual({ count: SEARCH_COUNT_LIMIT, lowerBound: true });
  });

  it('reads as many passages as the deepest page shows', () => {
    expect(SEARCH_COUNT_LIMIT).toBe(MAX_SEARCH_PAGE * SEARCH_PAGE_SIZE);
  });
});

describe('facetScans', () => {
  it('counts unset filters from the results scan, and each set filter from its own', () => {
    expect(facetScans({})).toEqual({ country: 'all', level: 'all', domain: 'all', part: 'all', lang: 'all', year: 'all' });
    expect(facetScans({ country: 'EC', year: 2024 })).toEqual({ country: 'country', level: 'all', domain: 'all', part: 'all', lang: 'all', year: 'year' });
  });
});
