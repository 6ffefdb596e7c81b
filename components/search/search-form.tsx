import { countryName } from '@/lib/domain/countries';
import type { SearchFilterKey, SearchQuery } from '@/lib/domain/search/search-query';
import type { Facet } from '@/lib/data/search';

export interface FilterChoice {
  key: SearchFilterKey;
  label: string;
  /** Every value this filter may take, with its name; counts come from the facets. */
  options: Array<{ value: string; label: string }>;
}

/**
 * The passage search's GET form: the words and one select per filter, each
 * option with how many passages it would give (the facet counts, "n+" when
 * the search stopped counting: lib/domain/search/capped-counts.ts). Works
 * without JavaScript; labels and names arrive translated from the page.
 */
export function SearchForm({
  query,
  qError,
  labels,
  filters,
  facets,
  withCount,
}: {
  query: Partial<SearchQuery>;
  qError: string | null;
  labels: { words: string; any: string; submit: string };
  filters: FilterChoice[];
  facets: Partial<Record<SearchFilterKey, Facet>>;
  /** The option's label with its count; `atLeast` when the count is a lower bound (the search stopped counting). */
  withCount: (label: string, n: number, atLeast: boolean) => string;
}) {
  return (
    <form className="card search-form" role="search" action="/search" method="get">
      <div className="field search-form__words">
        <label htmlFor="search-q">{labels.words}</label>
        <div className="search-form__line">
          <input
            id="search-q"
            name="q"
            type="search"
            maxLength={200}
            defaultValue={query.q ?? ''}
            aria-invalid={qError ? true : undefined}
            aria-describedby={qError ? 'search-q-error' : undefined}
          />
          <button className="button" type="submit">
            {labels.submit}
          </button>
        </div>
        {qError && (
          <p className="field__error" id="search-q-error">
            {qError}
          </p>
        )}
      </div>
      <div className="search-form__filters">
        {filters.map((f) => {
          const counts = new Map((facets[f.key] ?? []).map((c) => [c.value, c]));
          const selected = query[f.key] === undefined ? '' : String(query[f.key]);
          return (
            <div className="field" key={f.key}>
              <label htmlFor={`search-${f.key}`}>{f.label}</label>
              <select id={`search-${f.key}`} name={f.key} defaultValue={selected}>
                <option value="">{labels.any}</option>
                {f.options.map((o) => {
                  const c = counts.get(o.value);
                  return (
                    <option key={o.value} value={o.value}>
                      {c === undefined ? o.label : withCount(o.label, c.count, c.lowerBound === true)}
                    </option>
                  );
                })}
              </select>
            </div>
          );
        })}
      </div>
    </form>
  );
}

/** Country options: those with passages, and the one chosen, named in the reader's language. */
export function countryOptions(facet: Facet, chosen: string | undefined, locale: string) {
  const values = new Set(facet.map((f) => f.value));
  if (chosen) values.add(chosen);
  const collator = new Intl.Collator(locale);
  return [...values].map((value) => ({ value, label: countryName(value, locale) })).sort((a, b) => collator.compare(a.label, b.label));
}
