import { NextResponse } from 'next/server';
import { apiError, withDatabaseOutage } from '@/lib/api/handler';
import { presentEdition } from '@/lib/api/present-edition';
import { getEdition, listEditions, listEditionVersions } from '@/lib/data/editions';
import { languagesByMonth } from '@/lib/domain/edition-languages';
import { DOWNLOAD_CACHE_CONTROL } from '@/lib/editions/cache-policy';
import { parseEditionSlug } from '@/lib/domain/edition';
import { isLocale } from '@/lib/domain/locales';
import { isJurisdictionSlug } from '@/lib/editions/page-params';

export const dynamic = 'force-dynamic';

/**
 * One edition: `?locale=` for the label's language, `?lang=` for the content
 * language when there are several. Public. "2024-06" is the month's newest
 * version (a correction replaces it, so it is revalidated); "2024-06-v1" is
 * one version, whose content never changes, but whose answer does: a
 * correction fills `correctedBy` and lengthens `versions`, a translation
 * lengthens `languages`. So shared caches keep it a minute, not for good.
 */
export const GET = withDatabaseOutage(async (request: Request, { params }: { params: Promise<{ slug: string; edition: string }> }) => {
  const { slug, edition: segment } = await params;
  const when = parseEditionSlug(segment);
  if (!when || !isJurisdictionSlug(slug)) return apiError(404, 'not_found', 'No such edition; editions are named like "2024-06" (or "2024-06-v1" for one version).');
  const query = new URL(request.url).searchParams;
  const locale = query.get('locale') ?? 'en';
  const lang = query.get('lang');
  if (!isLocale(locale)) return apiError(400, 'invalid_locale', 'locale must be one of en, fr, es.');
  if (lang !== null && !isLocale(lang)) return apiError(400, 'invalid_lang', 'lang must be one of en, fr, es.');
  const edition = await getEdition(slug, when, lang ?? undefined);
  if (!edition) return apiError(404, 'not_found', 'No such edition.');
  const versions = await listEditionVersions(slug, edition, edition.language);
  const languages = languagesByMonth(await listEditions({ jurisdiction: slug }))({ slug, year: edition.year, month: edition.month });
  return NextResponse.json(presentEdition(edition, locale, versions, languages), {
    headers: { 'cache-control': when.version ? DOWNLOAD_CACHE_CONTROL : 'public, no-cache' },
  });
});
