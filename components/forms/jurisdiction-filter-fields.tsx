import { countryName } from '@/lib/domain/countries';
import { jurisdictionLevels, type JurisdictionLevel } from '@/lib/domain/roles';

type Labels = { search: string; country: string; level: string; anyCountry: string; anyLevel: string };

/** Stored countries (codes, or names frozen before codes) named in `locale`, in that language's order. */
export function countryChoices(countries: Iterable<string>, locale: string) {
  const collator = new Intl.Collator(locale);
  return [...countries].map((value) => ({ value, label: countryName(value, locale) })).sort((a, b) => collator.compare(a.label, b.label));
}

/** A country `<select>` of a GET filter form, "any" first. */
export function CountrySelect({ id, label, anyLabel, countries, locale, value }: { id: string; label: string; anyLabel: string; countries: string[]; locale: string; value?: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name="country" defaultValue={value ?? ''}>
        <option value="">{anyLabel}</option>
        {countryChoices(countries, locale).map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A jurisdiction level `<select>` of a GET filter form, "any" first. */
export function LevelSelect({ id, label, anyLabel, levelNames, value }: { id: string; label: string; anyLabel: string; levelNames: Record<JurisdictionLevel, string>; value?: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name="level" defaultValue={value ?? ''}>
        <option value="">{anyLabel}</option>
        {jurisdictionLevels.map((l) => (
          <option key={l} value={l}>
            {levelNames[l]}
          </option>
        ))}
      </select>
    </div>
  );
}

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
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}q`}>{labels.search}</label>
        <input id={`${idPrefix}q`} name="q" type="search" defaultValue={values.q ?? ''} />
      </div>
      <CountrySelect id={`${idPrefix}country`} label={labels.country} anyLabel={labels.anyCountry} countries={countries} locale={locale} value={values.country} />
      <LevelSelect id={`${idPrefix}level`} label={labels.level} anyLabel={labels.anyLevel} levelNames={levelNames} value={values.level} />
    </>
  );
}
