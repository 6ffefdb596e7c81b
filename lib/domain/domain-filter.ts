import { isLocale, type Locale } from './locales';
import { jurisdictionLevels, type JurisdictionLevel } from './roles';
import { holdsNul } from './plain-text';

/** How many jurisdictions `?j=` may name, and how many columns a page shows. */
export const MAX_CHOSEN = 20;
export const COLUMNS_PER_PAGE = 20;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Which jurisdictions a domain is read across: all with an edition, narrowed by these. */
export interface DomainFilter {
  country?: string;
  level?: JurisdictionLevel;
  /** Content language: the latest edition in it, and only jurisdictions that have one. */
  lang?: Locale;
  /** Chosen jurisdictions (slugs); empty: every one. */
  j: string[];
}

/**
 * Reads the filter from a query string (a GET form: empty fields are sent as
 * `country=`). Bad values are dropped and named in `problems`: the page shows
 * what it can of a hand-edited address, the API refuses it with a 400.
 */
export function parseDomainFilter(params: URLSearchParams): { filter: DomainFilter; page: number; problems: string[] } {
  const problems: string[] = [];
  const one = (name: string) => {
    const v = params.get(name);
    return v === null || v === '' ? undefined : v;
  };
  const filter: DomainFilter = { j: [] };
  const country = one('country');
  if (country !== undefined) {
    if (country.length <= 100 && !holdsNul(country)) filter.country = country;
    else problems.push('country');
  }
  const level = one('level');
  if (level !== undefined) {
    if ((jurisdictionLevels as readonly string[]).includes(level)) filter.level = level as JurisdictionLevel;
    else problems.push('level');
  }
  const lang = one('lang');
  if (lang !== undefined) {
    if (isLocale(lang)) filter.lang = lang;
    else problems.push('lang');
  }
  const chosen = params.getAll('j').filter((s) => s !== '');
  if (chosen.some((s) => !SLUG.test(s) || s.length > 60)) problems.push('j');
  if (chosen.length > MAX_CHOSEN) problems.push('j');
  filter.j = [...new Set(chosen.filter((s) => SLUG.test(s) && s.length <= 60))].slice(0, MAX_CHOSEN);
  let page = 1;
  const rawPage = one('page');
  if (rawPage !== undefined) {
    if (/^\d{1,6}$/.test(rawPage) && Number(rawPage) >= 1) page = Number(rawPage);
    else problems.push('page');
  }
  return { filter, page, problems: [...new Set(problems)] };
}

/** The query string of a filter (and page), for links and downloads; empty values left out. */
export function domainFilterQuery(filter: DomainFilter, page = 1): string {
  const q = new URLSearchParams();
  if (filter.country) q.set('country', filter.country);
  if (filter.level) q.set('level', filter.level);
  if (filter.lang) q.set('lang', filter.lang);
  for (const s of filter.j) q.append('j', s);
  if (page > 1) q.set('page', String(page));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Query parameters of a page's `searchParams` as URLSearchParams (repeated keys kept). */
export function searchParamsOf(raw: Record<string, string | string[] | undefined>): URLSearchParams {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(raw)) for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) q.append(k, one);
  return q;
}
