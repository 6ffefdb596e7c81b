import { getTranslations } from 'next-intl/server';
import { countryName } from '@/lib/domain/countries';
import type { DomainFilter } from '@/lib/domain/domain-filter';
import { localeNames, type Locale } from '@/lib/domain/locales';
import { jurisdictionLevels } from '@/lib/domain/roles';

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
  const collator = new Intl.Collator(ui);
  const countryChoices = countries.map((value) => ({ value, label: countryName(value, ui) })).sort((a, b) => collator.compare(a.label, b.label));
  return (
    <form className="card form-row domain-filter" action={action} aria-label={t('filters')}>
      {filter.j.map((s) => (
        <input key={s} type="hidden" name="j" value={s} />
      ))}
      <div className="field">
        <label htmlFor="domain-country">{t('country')}</label>
        <select id="domain-country" name="country" defaultValue={filter.country ?? ''}>
          <option value="">{t('anyCountry')}</option>
          {countryChoices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="domain-level">{t('level')}</label>
        <select id="domain-level" name="level" defaultValue={filter.level ?? ''}>
          <option value="">{t('anyLevel')}</option>
          {jurisdictionLevels.map((l) => (
            <option key={l} value={l}>
              {levels(l)}
            </option>
          ))}
        </select>
      </div>
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
