import Link from 'next/link';
import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { countryName } from '@/lib/domain/countries';
import { editionLabel } from '@/lib/domain/edition';
import { JurisdictionFilterFields } from '@/components/forms/jurisdiction-filter-fields';
import type { PublicJurisdictionFilter } from '@/lib/data/editions';
import { jurisdictionLevels, type JurisdictionLevel } from '@/lib/domain/roles';
import { searchHref } from '@/lib/domain/search/search-query';
import type { cachedPublishedJurisdictions } from '@/lib/editions/public-data';

export async function profilesIndexMetadata(): Promise<Metadata> {
  const t = await getTranslations('public');
  return { title: t('title'), description: t('intro'), openGraph: { title: t('title'), description: t('intro') } };
}

/**
 * Every jurisdiction with a published edition, with the form that filters them
 * (a GET form: it works before any script). Shown unfiltered from Next's cache
 * (one copy per window: app/(public)/[locale]/profile-index) and filtered per
 * request (app/(public)/[locale]/profiles).
 */
export async function ProfilesIndex({ filter, rows, countries }: { filter: PublicJurisdictionFilter } & Awaited<ReturnType<typeof cachedPublishedJurisdictions>>) {
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
