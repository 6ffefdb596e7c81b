import { NextResponse } from 'next/server';
import { apiError, withDatabaseOutage } from '@/lib/api/handler';
import { getActor } from '@/lib/auth/current-actor';
import { searchPassages } from '@/lib/data/search';
import { domainName, isDomainKey } from '@/lib/domain/profile';
import { SEARCH_COUNT_LIMIT } from '@/lib/domain/search/capped-counts';
import { hitHref } from '@/lib/domain/search/hit-href';
import { parseSearchParams } from '@/lib/domain/search/search-query';
import { editionLabel } from '@/lib/domain/edition';

export const dynamic = 'force-dynamic';

/**
 * Passages of every profile matching `q`, with the /search page's filters.
 * Public: published editions for everyone; with a token or session, also the
 * drafts lib/policy lets that person read (`draft: true`).
 */
export const GET = withDatabaseOutage(async (request: Request) => {
  const parsed = parseSearchParams(new URL(request.url).searchParams);
  if (!parsed.ok) return apiError(400, 'invalid_query', parsed.message, { field: parsed.field });
  // A bearer token that does not authenticate is refused rather than answered as the public.
  const actor = await getActor();
  if (!actor && request.headers.get('authorization')) return apiError(401, 'unauthenticated', 'The bearer token is not valid.');
  const result = await searchPassages(actor, parsed.query);
  const body = {
    total: result.total,
    // Past the count limit the search stops counting: total is then the limit and a lower bound, as are the facets marked so.
    totalIsLowerBound: result.totalIsLowerBound,
    countLimit: SEARCH_COUNT_LIMIT,
    page: result.page,
    pages: result.pages,
    facets: result.facets,
    results: result.hits.map((h) => ({
      draft: h.draft,
      jurisdiction: { slug: h.slug, name: h.jurisdiction, country: h.country, level: h.level },
      edition: h.year !== null && h.month !== null ? { year: h.year, month: h.month, version: h.version, label: editionLabel(h.year, h.month, 'en') } : null,
      profileId: h.assessmentId,
      title: h.title,
      language: h.language,
      domain: h.section,
      domainName: isDomainKey(h.section) ? domainName(h.section, h.language) : null,
      part: h.part,
      passage: h.ordinal,
      url: hitHref(h),
      text: h.highlight.map((s) => s.text).join(''),
      highlight: h.highlight,
    })),
  };
  // What the public gets may be kept a minute; what a signed-in person gets is theirs alone.
  return NextResponse.json(body, {
    headers: actor ? { 'cache-control': 'private, no-store' } : { 'cache-control': 'public, max-age=60', vary: 'Authorization, Cookie' },
  });
});
