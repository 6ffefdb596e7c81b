import { MAX_SEARCH_PAGE, SEARCH_PAGE_SIZE, searchFilterKeys, type SearchFilterKey, type SearchQuery } from './search-query';

/**
 * The most passages one search reads (README, Search: "work per query is
 * capped"). A common word matches a third of all passages; ranking and
 * counting every match made a search as slow as the index is large. Each scan
 * stops after this many matches (plus one, to know there are more): those are
 * ranked, counted and faceted, and counts past it are lower bounds. Equal to
 * the deepest page, so every page shown is inside the ranked set.
 */
export const SEARCH_COUNT_LIMIT = MAX_SEARCH_PAGE * SEARCH_PAGE_SIZE;

/** A count from a scan that read `found` matches, at most `limit` + 1: exact, or "more than `limit`". */
export function cappedCount(found: number, limit: number = SEARCH_COUNT_LIMIT): { count: number; lowerBound: boolean } {
  return found > limit ? { count: limit, lowerBound: true } : { count: found, lowerBound: false };
}

/**
 * Which scan counts each facet. A facet counts with the other filters
 * applied: for a filter that is not set that is every filter, the scan the
 * results come from ('all'); a filter that is set needs its own scan without
 * it (so that its other values keep their counts). So a search reads one scan
 * and one more per filter set.
 */
export function facetScans(query: Partial<Pick<SearchQuery, SearchFilterKey>>): Record<SearchFilterKey, 'all' | SearchFilterKey> {
  return Object.fromEntries(searchFilterKeys.map((k) => [k, query[k] === undefined ? 'all' : k])) as Record<SearchFilterKey, 'all' | SearchFilterKey>;
}
