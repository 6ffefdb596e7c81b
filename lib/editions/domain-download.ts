import 'server-only';
import { getTranslations } from 'next-intl/server';
import { withDatabaseOutage } from '../api/handler';
import { parseDomainFilter } from '../domain/domain-filter';
import { isLocale, locales, type Locale } from '../domain/locales';
import { isDomainKey } from '../domain/profile';
import { jurisdictionLevels } from '../domain/roles';
import { csvBytes, tsvUtf16Bytes } from '../domain/table-file';
import { getEnv } from '../env';
import { DOWNLOAD_CACHE_CONTROL } from './cache-policy';
import { domainTableRows } from './domain-table';
import { listDomainComparison } from '../data/domain-comparison';

type Params = { params: Promise<{ locale: string; domain: string }> };

const formats = {
  csv: { type: 'text/csv; charset=utf-8; header=present', extension: 'csv', bytes: csvBytes },
  // Excel's own "Unicode Text": UTF-16LE, tab-separated, opened with every accent intact.
  tsv: { type: 'text/tab-separated-values; charset=utf-16le', extension: 'tsv', bytes: tsvUtf16Bytes },
} as const;

/**
 * The route handler of one download of a domain across jurisdictions (same
 * filters as the page, every matching jurisdiction, not one page of them).
 * Public. It changes when an edition is published, so shared caches may keep
 * it a short while only; its header row speaks the reader's language, hence
 * `Vary` (which route handlers may set, unlike pages).
 */
export function domainDownload(format: keyof typeof formats) {
  return withDatabaseOutage(async (request: Request, { params }: Params) => {
    const { locale, domain } = await params;
    if (!isLocale(locale) || !isDomainKey(domain)) {
      return new Response('No such domain.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    }
    const { filter } = parseDomainFilter(new URL(request.url).searchParams);
    // Straight from the database, not through the data cache: serialising every column's documents
    // into the cache cost seconds for 1,000 jurisdictions (bench/domain-scale.ts), the query a few
    // hundred milliseconds; shared caches keep the file a minute (Cache-Control below).
    const { columns } = await listDomainComparison(domain, filter);
    const t = await getTranslations({ locale, namespace: 'domains' });
    const levels = await getTranslations({ locale, namespace: 'levels' });
    // The content language named in the reader's language ("espagnol" in a French file), as the page names it.
    const languageNames = await getTranslations({ locale, namespace: 'profiles.languages' });
    const rows = domainTableRows(
      columns,
      locale,
      {
        headers: [t('colJurisdiction'), t('colCountry'), t('colLevel'), t('colEdition'), t('colLanguage'), t('colTitle'), t('colPart'), t('colFinding'), t('colAddress')],
        levels: Object.fromEntries(jurisdictionLevels.map((l) => [l, levels(l)])) as Record<(typeof jurisdictionLevels)[number], string>,
        languages: Object.fromEntries(locales.map((l) => [l, languageNames(l)])) as Record<Locale, string>,
      },
      getEnv().APP_URL,
    );
    const f = formats[format];
    return new Response(f.bytes(rows) as Uint8Array<ArrayBuffer>, {
      headers: {
        'content-type': f.type,
        'content-disposition': `attachment; filename="mgi-${domain.replace(/_/g, '-')}.${f.extension}"`,
        'cache-control': DOWNLOAD_CACHE_CONTROL,
        vary: 'Cookie, Accept-Language',
      },
    });
  });
}
