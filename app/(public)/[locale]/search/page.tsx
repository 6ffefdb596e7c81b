import Link from 'next/link';
import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { countryOptions, SearchForm, type FilterChoice } from '@/components/search/search-form';
import { SearchHitCard } from '@/components/search/search-hit';
import { getActor } from '@/lib/auth/current-actor';
import { publishedFilterValues, searchPassages, type SearchResults } from '@/lib/data/search';
import { isLocale, locales } from '@/lib/domain/locales';
import { domainKeys, domainName, domainParts } from '@/lib/domain/profile';
import { jurisdictionLevels } from '@/lib/domain/roles';
import { SEARCH_COUNT_LIMIT } from '@/lib/domain/search/capped-counts';
import { MAX_SEARCH_PAGE, parseSearchParams, searchHref, type SearchQuery } from '@/lib/domain/search/search-query';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('search');
  return { title: t('title'), description: t('intro') };
}

type Raw = Record<string, string | string[] | undefined>;
const toParams = (raw: Raw) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(raw)) for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) params.append(k, one);
  return params;
};

/**
 * Passages across every profile (reached as /search, proxy.ts). Public: the
 * published editions; a signed-in person also finds the drafts lib/policy lets
 * them read, marked as drafts. A GET form, so it works without JavaScript.
 */
export default async function SearchPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Raw> }) {
  const ui = (await params).locale;
  if (!isLocale(ui)) notFound();
  setRequestLocale(ui);
  const t = await getTranslations('search');
  const levels = await getTranslations('levels');
  const raw = toParams(await searchParams);

  // A filter that cannot be read is left out (a hand-edited address still gets a page); bad words are said so.
  let parsed = parseSearchParams(raw);
  let qError: string | null = null;
  let filterError = false;
  for (let tries = 0; !parsed.ok && tries < 8; tries++) {
    if (parsed.field === 'q') {
      qError = raw.has('q') && raw.get('q')?.trim() ? t('error_q') : null;
      break;
    }
    filterError = true;
    raw.delete(parsed.field);
    parsed = parseSearchParams(raw);
  }
  const query: Partial<SearchQuery> = parsed.ok ? parsed.query : Object.fromEntries([...raw.entries()].filter(([k]) => k !== 'q'));
  if (!parsed.ok) query.q = raw.get('q')?.slice(0, 200) ?? '';
  const results: SearchResults | null = parsed.ok ? await searchPassages(await getActor(), parsed.query) : null;
  const facets = results?.facets ?? {};
  // Nothing found (or nothing asked yet): offer the countries and years that exist, without counts. When the
  // search stopped counting, its facets may miss some: those that exist are offered too, counted or not.
  const existing = !results || results.total === 0 || results.totalIsLowerBound ? await publishedFilterValues() : null;
  const choices = {
    country: [...(results?.facets.country ?? []), ...(existing?.country ?? [])],
    year: [...(results?.facets.year ?? []), ...(existing?.year ?? [])],
  };

  const filters: FilterChoice[] = [
    { key: 'country', label: t('country'), options: countryOptions(choices.country ?? [], query.country, ui) },
    { key: 'level', label: t('level'), options: jurisdictionLevels.map((l) => ({ value: l, label: levels(l) })) },
    {
      key: 'domain',
      label: t('domain'),
      options: [{ value: 'introduction', label: t('introduction') }, ...domainKeys.map((d) => ({ value: d, label: domainName(d, ui) }))],
    },
    { key: 'part', label: t('part'), options: domainParts.map((p) => ({ value: p, label: t(p) })) },
    { key: 'lang', label: t('lang'), options: locales.map((l) => ({ value: l, label: t(`language_${l}`) })) },
    {
      key: 'year',
      label: t('year'),
      options: [...new Set([...(choices.year ?? []).map((f) => f.value), ...(query.year ? [String(query.year)] : [])])]
        .sort()
        .reverse()
        .map((y) => ({ value: y, label: y })),
    },
  ];

  return (
    <div className="stack search-page">
      <div className="page-header">
        <div>
          <h1>{t('title')}</h1>
          <p>{t('intro')}</p>
        </div>
      </div>
      <SearchForm
        query={query}
        qError={qError}
        labels={{ words: t('words'), any: t('any'), submit: t('submit') }}
        filters={filters}
        facets={facets}
        withCount={(label, n, atLeast) => t(atLeast ? 'withCountAtLeast' : 'withCount', { label, n })}
      />
      {filterError && <p className="muted">{t('error_other')}</p>}
      {results && (
        <section aria-labelledby="search-results-title" className="stack">
          <h2 id="search-results-title" className="search-count" role="status">
            {!results.totalIsLowerBound ? t('found', { n: results.total }) : results.total >= SEARCH_COUNT_LIMIT ? t('foundMore', { n: results.total }) : t('foundAtLeast', { n: results.total })}
          </h2>
          {results.totalIsLowerBound && (
            <p className="muted" data-testid="search-capped">
              {t('capped', { n: SEARCH_COUNT_LIMIT })}
            </p>
          )}
          {results.hits.length > 0 && (
            <ol className="search-results" data-testid="search-results">
              {results.hits.map((hit, i) => (
                <SearchHitCard
                  key={`${hit.editionId ?? hit.assessmentId}-${hit.section}-${hit.part}-${hit.ordinal}-${i}`}
                  hit={hit}
                  locale={ui}
                  labels={{ draft: t('draft'), draftNote: t('draftNote'), read: t('readPassage'), openDraft: t('openDraft'), introduction: t('introduction') }}
                />
              ))}
            </ol>
          )}
          {results.pages > 1 && parsed.ok && (
            <nav className="pager" aria-label={t('pages')}>
              {results.page > 1 ? <Link href={searchHref('/search', { ...parsed.query, page: results.page - 1 })}>{t('previous')}</Link> : <span />}
              <span className="muted">{t('pageOf', { page: results.page, pages: Math.min(results.pages, MAX_SEARCH_PAGE) })}</span>
              {results.page < Math.min(results.pages, MAX_SEARCH_PAGE) ? (
                <Link href={searchHref('/search', { ...parsed.query, page: results.page + 1 })} rel="next">
                  {t('next')}
                </Link>
              ) : (
                <span />
              )}
            </nav>
          )}
        </section>
      )}
    </div>
  );
}
