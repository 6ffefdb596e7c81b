import Link from 'next/link';
import type { Metadata } from 'next';
import { getLocale, getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { isLocale } from '@/lib/domain/locales';
import { listPublishedJurisdictions } from '@/lib/data/editions';
import { editionLabel } from '@/lib/domain/edition';
import { jurisdictionLevels } from '@/lib/domain/roles';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('public');
  return { title: t('title'), description: t('intro'), openGraph: { title: t('title'), description: t('intro') } };
}

const filterSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  country: z.string().max(100).optional().catch(undefined),
  level: z.enum(jurisdictionLevels).optional().catch(undefined),
});

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
  const filter = filterSchema.parse(Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === 'string' && v !== '')));
  const { rows, countries } = await listPublishedJurisdictions(filter);
  const t = await getTranslations('public');
  const levels = await getTranslations('levels');
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
        <div className="field">
          <label htmlFor="q">{t('search')}</label>
          <input id="q" name="q" type="search" defaultValue={filter.q ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="country">{t('country')}</label>
          <select id="country" name="country" defaultValue={filter.country ?? ''}>
            <option value="">{t('allCountries')}</option>
            {countries.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="level">{t('level')}</label>
          <select id="level" name="level" defaultValue={filter.level ?? ''}>
            <option value="">{t('allLevels')}</option>
            {jurisdictionLevels.map((l) => (
              <option key={l} value={l}>
                {levels(l)}
              </option>
            ))}
          </select>
        </div>
        <div className="field" style={{ alignSelf: 'end' }}>
          <button className="button" type="submit">
            {t('apply')}
          </button>
        </div>
      </form>
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
                {levels(r.level)} · {r.country}
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
