import { NextResponse } from 'next/server';
import { apiError, withDatabaseOutage } from '@/lib/api/handler';
import { listDomainComparison } from '@/lib/data/domain-comparison';
import { editionLabel, editionSlug } from '@/lib/domain/edition';
import { findingsOf } from '@/lib/domain/findings-text';
import { COLUMNS_PER_PAGE, parseDomainFilter } from '@/lib/domain/domain-filter';
import { isLocale } from '@/lib/domain/locales';
import { domainName, isDomainKey } from '@/lib/domain/profile';
import { DOWNLOAD_CACHE_CONTROL } from '@/lib/editions/cache-policy';

export const dynamic = 'force-dynamic';

/**
 * One domain's two parts from the latest edition of each jurisdiction, with the
 * page's filters (`country`, `level`, `lang`, `j`…, `page`), 20 jurisdictions a
 * page. Public; it changes on publication, hence a short shared cache.
 */
export const GET = withDatabaseOutage(async (request: Request, { params }: { params: Promise<{ domain: string }> }) => {
  const { domain } = await params;
  if (!isDomainKey(domain)) return apiError(404, 'not_found', 'No such domain.');
  const search = new URL(request.url).searchParams;
  const { filter, page, problems } = parseDomainFilter(search);
  if (problems.length > 0) return apiError(400, 'invalid_filter', `Not a valid value: ${problems.join(', ')}.`, { fields: problems });
  const locale = search.get('locale') ?? 'en';
  if (!isLocale(locale)) return apiError(400, 'invalid_locale', 'locale must be one of en, fr, es.');
  const { total, columns } = await listDomainComparison(domain, filter, { limit: COLUMNS_PER_PAGE, offset: (page - 1) * COLUMNS_PER_PAGE });
  const part = (doc: unknown) => ({ doc: doc ?? null, findings: findingsOf(doc) });
  return NextResponse.json(
    {
      domain,
      name: domainName(domain, locale),
      total,
      page,
      pageSize: COLUMNS_PER_PAGE,
      jurisdictions: columns.map((c) => ({
        jurisdiction: c.slug,
        name: c.name,
        level: c.level,
        country: c.country,
        language: c.language,
        edition: editionSlug(c.year, c.month),
        version: c.version,
        label: editionLabel(c.year, c.month, locale),
        title: c.title,
        url: `/api/v1/editions/${c.slug}/${editionSlug(c.year, c.month)}?lang=${c.language}`,
        strengths: part(c.strengths),
        potential: part(c.potential),
      })),
    },
    { headers: { 'cache-control': DOWNLOAD_CACHE_CONTROL, vary: 'Accept-Encoding' } },
  );
});
