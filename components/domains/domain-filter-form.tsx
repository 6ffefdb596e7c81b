import { getTranslations } from 'next-intl/server';
import { CountrySelect, LevelSelect } from '@/components/forms/jurisdiction-filter-fields';
import type { DomainFilter } from '@/lib/domain/domain-filter';
import { localeNames, type Locale } from '@/lib/domain/locales';
import { jurisdictionLevels, type JurisdictionLevel } from '@/lib/domain/roles';

/**
 * The GET form over a domain's columns: country, level, content language.
 * Jurisdictions chosen with `?j=` stay chosen (hidden fields), so a filter
 * narrows the choice; a link shows them all again. Works without JavaScript.
 */
export async function DomainFilterForm({
  action,
  filter,
  countries,
  languages,
  ui,
}: {
  action: string;
  filter: DomainFilter;
  countries: string[];
  languages: Locale[];
  ui: Locale;
}) {
  const t = await getTranslations('domains');
  const levels = await getTranslations('levels');
  const levelNames = Object.fromEntries(jurisdictionLevels.map((l) => [l, levels(l)])) as Record<JurisdictionLevel, string>;
  return (
    <form className="card form-row domain-filter" action={action} aria-label={t('filters')}>
      {filter.j.map((s) => (
        <input key={s} type="hidden" name="j" value={s} />
      ))}
      <CountrySelect id="domain-country" label={t('country')} anyLabel={t('anyCountry')} countries={countries} locale={ui} value={filter.country} />
      <LevelSelect id="domain-level" label={t('level')} anyLabel={t('anyLevel')} levelNames={levelNames} value={filter.level} />
      <div className="field">
        <label htmlFor="domain-lang">{t('language')}</label>
        <select id="domain-lang" name="lang" defaultValue={filter.lang ?? ''}>
          <option value="">{t('anyLanguage')}</option>
          {languages.map((l) => (
            <option key={l} value={l} lang={l}>
              {localeNames[l]}
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
  );
}
