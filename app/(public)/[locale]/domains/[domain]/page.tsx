import Link from 'next/link';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { DomainColumns } from '@/components/domains/domain-columns';
import { DomainFilterForm } from '@/components/domains/domain-filter-form';
import { COLUMNS_PER_PAGE, domainFilterQuery, parseDomainFilter, searchParamsOf } from '@/lib/domain/domain-filter';
import { isLocale } from '@/lib/domain/locales';
import { domainName, isDomainKey } from '@/lib/domain/profile';
import { cachedDomainComparison, cachedDomainFilterChoices } from '@/lib/editions/public-data';
import { withColon } from '@/lib/domain/french-spacing';

/*
 * Reached from /domains/{domain}?country=&level=&lang=&j=&page= (rewritten by
 * proxy.ts, query kept). Rendered per request under its nonce; the data comes
 * from Next's data cache (lib/editions/public-data.ts), dropped on publication.
 */
export const dynamic = 'force-dynamic';

type Params = { locale: string; domain: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { locale, domain } = await params;
  if (!isLocale(locale) || !isDomainKey(domain)) return {};
  const t = await getTranslations({ locale, namespace: 'domains' });
  return { title: t('title', { domain: domainName(domain, locale) }), description: t('intro') };
}

/** One domain's key findings from the latest edition of every (chosen) jurisdiction, side by side. Public. */
export default async function DomainPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale: ui, domain } = await params;
  if (!isLocale(ui) || !isDomainKey(domain)) notFound();
  setRequestLocale(ui);
  const { filter, page } = parseDomainFilter(searchParamsOf(await searchParams));
  const [{ total, columns }, choices] = await Promise.all([cachedDomainComparison(domain, filter, page), cachedDomainFilterChoices()]);
  const t = await getTranslations('domains');
  const pages = Math.max(1, Math.ceil(total / COLUMNS_PER_PAGE));
  const base = `/domains/${domain}`;
  const query = domainFilterQuery(filter);
  return (
    <div className="stack">
      <p className="breadcrumb">
        <Link href="/domains">← {t('indexTitle')}</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>{t('title', { domain: domainName(domain, ui) })}</h1>
          <p>{t('intro')}</p>
        </div>
      </div>
      <DomainFilterForm action={base} filter={filter} countries={choices.countries} languages={choices.languages} ui={ui} />
      <div className="domain-summary">
        <p className="small" data-testid="domain-count">
          <strong>{t('count', { n: total })}</strong>
          {filter.j.length > 0 && (
            <>
              {' · '}
              {t('chosen', { n: filter.j.length })} <Link href={`${base}${domainFilterQuery({ ...filter, j: [] })}`}>{t('showAll')}</Link>
            </>
          )}
        </p>
        {total > 0 && (
          <p className="small domain-downloads">
            <span>{withColon(t('downloads'), ui)}</span>{' '}
            <a className="button button--secondary button--small" href={`${base}/csv${query}`} download>
              {t('downloadCsv')}
            </a>{' '}
            <a className="button button--secondary button--small" href={`${base}/tsv${query}`} download>
              {t('downloadSheet')}
            </a>
          </p>
        )}
      </div>
      {columns.length === 0 ? <p className="muted">{t('none')}</p> : <DomainColumns columns={columns} ui={ui} />}
      {pages > 1 && (
        <nav className="pager" aria-label={t('pages')}>
          {page > 1 && <Link href={`${base}${domainFilterQuery(filter, page - 1)}`}>← {t('previous')}</Link>}
          <span className="small">{t('page', { page, pages })}</span>
          {page < pages && <Link href={`${base}${domainFilterQuery(filter, page + 1)}`}>{t('next')} →</Link>}
        </nav>
      )}
    </div>
  );
}
