import { NextResponse } from 'next/server';
import { apiError, withDatabaseOutage } from '@/lib/api/handler';
import { presentEditionSummary } from '@/lib/api/present-edition';
import { listEditions } from '@/lib/data/editions';
import { slugParam } from '@/lib/domain/api-schemas';
import { isLocale } from '@/lib/domain/locales';
import { languagesByMonth } from '@/lib/domain/edition-languages';

export const dynamic = 'force-dynamic';

/** Every published edition, newest first; `?jurisdiction=slug` for one jurisdiction's, `?locale=` for the labels. Public. */
export const GET = withDatabaseOutage(async (request: Request) => {
  const params = new URL(request.url).searchParams;
  const jurisdiction = params.get('jurisdiction') ?? undefined;
  if (jurisdiction !== undefined && !slugParam.safeParse(jurisdiction).success) {
    return apiError(400, 'invalid_jurisdiction', `"${jurisdiction.slice(0, 60)}" is not a jurisdiction slug (lower-case letters, digits and hyphens).`);
  }
  const locale = params.get('locale') ?? 'en';
  if (!isLocale(locale)) return apiError(400, 'invalid_locale', 'locale must be one of en, fr, es.');
  const editions = await listEditions({ jurisdiction });
  const languages = languagesByMonth(editions);
  return NextResponse.json({ editions: editions.map((e) => presentEditionSummary(e, locale, languages(e))) }, { headers: { 'cache-control': 'public, max-age=60' } });
});
