import { countryName } from '@/lib/domain/countries';
import { jurisdictionLevels, type JurisdictionLevel } from '@/lib/domain/roles';

type Labels = { search: string; country: string; level: string; anyCountry: string; anyLevel: string };

/**
 * The name, country and level fields of a GET filter form (the public index,
 * the admin portfolio). Labels come translated from the page.
 */
export function JurisdictionFilterFields({
  idPrefix,
  labels,
  levelNames,
  countries,
  locale,
  values,
}: {
  idPrefix: string;
  labels: Labels;
  levelNames: Record<JurisdictionLevel, string>;
  /** Stored countries (codes, or names frozen before codes), named here in `locale`. */
  countries: string[];
  locale: string;
  values: { q?: string; country?: string; level?: JurisdictionLevel };
}) {
  const collator = new Intl.Collator(locale);
  const countryChoices = countries
    .map((value) => ({ value, label: countryName(value, locale) }))
    .sort((a, b) => collator.compare(a.label, b.label));
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}q`}>{labels.search}</label>
        <input id={`${idPrefix}q`} name="q" type="search" defaultValue={values.q ?? ''} />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}country`}>{labels.country}</label>
        <select id={`${idPrefix}country`} name="country" defaultValue={values.country ?? ''}>
          <option value="">{labels.anyCountry}</option>
          {countryChoices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}level`}>{labels.level}</label>
        <select id={`${idPrefix}level`} name="level" defaultValue={values.level ?? ''}>
          <option value="">{labels.anyLevel}</option>
          {jurisdictionLevels.map((l) => (
            <option key={l} value={l}>
              {levelNames[l]}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
