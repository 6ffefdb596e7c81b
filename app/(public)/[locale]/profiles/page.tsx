import Link from 'next/link';
import type { Metadata } from 'next';
import { getLocale, getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { countryName } from '@/lib/domain/countries';
import { isLocale } from '@/lib/domain/locales';
import { cachedPublishedJurisdictions } from '@/lib/editions/public-data';
import { editionLabel } from '@/lib/domain/edition';
import { JurisdictionFilterFields } from '@/components/forms/jurisdiction-filter-fields';
import { filledParams, jurisdictionFilterSchema } from '@/lib/domain/jurisdiction-filter';
import { jurisdictionLevels, type JurisdictionLevel } from '@/lib/domain/roles';
import { searchHref } from '@/lib/domain/search/search-query';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('public');
  return { title: t('title'), description: t('intro'), openGraph: { title: t('title'), description: t('intro') } };
}

/** Every jurisdiction with a published edition: search by name, filter by country and level. No login. */
export default async function ProfilesIndex({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ui = (await params).locale;
  if (!isLocale(ui)) notFound();
  setRequestLocale(ui);
  const raw = await searchParams;
  const filter = jurisdictionFilterSchema.parse(filledParams(raw));
  const { rows, countries } = await cachedPublishedJurisdictions(filter);
  const t = await getTranslations('public');
  const levels = await getTranslations('levels');
  const search = await getTranslations('search');
  const locale = await getLocale();
  return (
    <div className="stack">
      <div className="page-header">
        <div>
          <h1>{t('title')}</h1>
          <p>{t('intro')}</p>
        </div>
      </div>
      <form className="card form-row" role="search" aria-label={t('search')}>
        <JurisdictionFilterFields
          idPrefix=""
          labels={{ search: t('search'), country: t('country'), level: t('level'), anyCountry: t('allCountries'), anyLevel: t('allLevels') }}
          levelNames={Object.fromEntries(jurisdictionLevels.map((l) => [l, levels(l)])) as Record<JurisdictionLevel, string>}
          countries={countries}
          locale={locale}
          values={filter}
        />
        <div className="field" style={{ alignSelf: 'end' }}>
          <button className="button" type="submit">
            {t('apply')}
          </button>
        </div>
      </form>
      <p className="small">
        {/* The same words, looked for inside the profiles' passages. */}
        <Link href={searchHref('/search', { q: filter.q })} data-testid="search-inside">
          {filter.q ? search('fromProfiles', { q: filter.q }) : search('fromProfilesPlain')}
        </Link>
      </p>
      {rows.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <ul className="profile-cards" data-testid="published-profiles">
          {rows.map((r) => (
            <li key={r.slug} className="card profile-card">
              <h2>
                <Link href={`/profiles/${r.slug}`}>{r.name}</Link>
              </h2>
              <p className="muted small">
                {levels(r.level)} · {countryName(r.country, locale)}
              </p>
              <p lang={r.latest.language}>{r.latest.title}</p>
              <p className="small">
                <span className="badge">{t('latest', { label: editionLabel(r.latest.year, r.latest.month, locale) })}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
