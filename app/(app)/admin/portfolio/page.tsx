import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { requireAbility } from '@/lib/auth/require-admin';
import { listPortfolio, portfolioSorts, type PortfolioQuery } from '@/lib/data/portfolio';
import { JurisdictionFilterFields } from '@/components/forms/jurisdiction-filter-fields';
import { filledParams, jurisdictionFilterSchema } from '@/lib/domain/jurisdiction-filter';
import { jurisdictionLevels } from '@/lib/domain/roles';
import { editionLabel, editionSlug } from '@/lib/domain/edition-label';
import { countryName } from '@/lib/domain/countries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('portfolio'))('title') };
}

const querySchema = jurisdictionFilterSchema.extend({
  state: z.enum(['draft', 'in_review', 'approved', 'none']).optional().catch(undefined),
  sort: z.enum(portfolioSorts).catch('name'),
  dir: z.enum(['asc', 'desc']).catch('asc'),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export default async function PortfolioPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requireAbility('view_admin', '/admin/portfolio');
  const raw = await searchParams;
  const query = querySchema.parse(filledParams(raw)) as PortfolioQuery;
  const { rows, total, pages, countries } = await listPortfolio(actor, query);
  const t = await getTranslations('portfolio');
  const p = await getTranslations('profiles');
  const levels = await getTranslations('levels');
  const format = await getFormatter();
  const locale = await getLocale();
  // Translated once, not per row: the page renders fifty rows.
  const label = Object.fromEntries((['jurisdiction', 'country', 'level', 'openProfile', 'updated', 'latestEdition'] as const).map((k) => [k, t(k)])) as Record<
    'jurisdiction' | 'country' | 'level' | 'openProfile' | 'updated' | 'latestEdition',
    string
  >;
  const levelName = Object.fromEntries(jurisdictionLevels.map((l) => [l, levels(l)])) as Record<(typeof jurisdictionLevels)[number], string>;
  const stateName = Object.fromEntries((['draft', 'in_review', 'approved', 'published'] as const).map((s) => [s, p(`state.${s}`)])) as Record<string, string>;
  const day = { format: (d: Date) => format.dateTime(d, { dateStyle: 'medium' }) };
  const link = (patch: Partial<PortfolioQuery>) => {
    const next = { ...query, ...patch };
    const params = new URLSearchParams(Object.entries(next).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)]));
    return `/admin/portfolio?${params}`;
  };
  const sortHeader = (key: PortfolioQuery['sort'], label: string) => {
    const active = query.sort === key;
    const dir = active && query.dir === 'asc' ? 'desc' : 'asc';
    return (
      <th scope="col" aria-sort={active ? (query.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <Link href={link({ sort: key, dir, page: 1 })}>
          {label}
          {active ? (query.dir === 'asc' ? ' ▲' : ' ▼') : ''}
        </Link>
      </th>
    );
  };

  return (
    <div className="stack">
      <div className="page-header">
        <div>
          <h1>{t('title')}</h1>
          <p data-testid="portfolio-total">{t('total', { total })}</p>
        </div>
      </div>
      <form className="card form-row" method="get" aria-label={t('filters')}>
        <JurisdictionFilterFields
          idPrefix="pf-"
          labels={{ search: t('search'), country: t('country'), level: t('level'), anyCountry: t('any'), anyLevel: t('any') }}
          levelNames={levelName}
          countries={countries}
          locale={locale}
          values={query}
        />
        <div className="field">
          <label htmlFor="pf-state">{t('state')}</label>
          <select id="pf-state" name="state" defaultValue={query.state ?? ''}>
            <option value="">{t('any')}</option>
            {(['draft', 'in_review', 'approved'] as const).map((s) => (
              <option key={s} value={s}>
                {p(`state.${s}`)}
              </option>
            ))}
            <option value="none">{t('noOpenProfile')}</option>
          </select>
        </div>
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.dir} />
        <div className="field" style={{ alignSelf: 'end' }}>
          <button className="button" type="submit">
            {t('apply')}
          </button>
        </div>
      </form>
      <div className="card table-wrap">
        <table className="table table--stack" data-testid="portfolio">
          <thead>
            <tr>
              {sortHeader('name', t('jurisdiction'))}
              {sortHeader('country', t('country'))}
              {sortHeader('level', t('level'))}
              {sortHeader('state', t('openProfile'))}
              {sortHeader('updated', t('updated'))}
              {sortHeader('edition', t('latestEdition'))}
            </tr>
          </thead>
          <tbody>
            {/* Plain links: fifty rows of next/link would each hydrate and prefetch. */}
            {rows.map((r) => (
              <tr key={`${r.slug}-${r.profileId ?? 'none'}`}>
                <td data-label={label.jurisdiction}>
                  <a href={`/jurisdictions/${r.slug}`}>{r.name}</a>
                </td>
                <td data-label={label.country}>{countryName(r.country, locale)}</td>
                <td data-label={label.level}>{levelName[r.level]}</td>
                <td data-label={label.openProfile}>
                  {r.profileId && r.state ? (
                    <a href={`/assessments/${r.profileId}`}>
                      <span className="badge">{stateName[r.state]}</span> {r.language?.toUpperCase()}
                    </a>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td data-label={label.updated}>{r.updatedAt ? day.format(r.updatedAt) : '—'}</td>
                <td data-label={label.latestEdition} data-testid="latest-edition">
                  {r.latestEdition ? (
                    <a href={`/profiles/${r.slug}/${editionSlug(r.latestEdition.year, r.latestEdition.month)}`}>{editionLabel(r.latestEdition.year, r.latestEdition.month, locale)}</a>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="section-nav" aria-label={t('pages')}>
        {query.page > 1 ? <Link href={link({ page: query.page - 1 })}>← {t('previous')}</Link> : <span />}
        <span className="muted">{t('page', { page: query.page, pages })}</span>
        {query.page < pages ? <Link href={link({ page: query.page + 1 })}>{t('next')} →</Link> : <span />}
      </nav>
    </div>
  );
}
