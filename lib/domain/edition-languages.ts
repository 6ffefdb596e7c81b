import { locales, type Locale } from './locales';

export interface MonthKey {
  slug: string;
  year: number;
  month: number;
  language: Locale;
}

const monthOf = (e: Omit<MonthKey, 'language'>) => `${e.slug}/${e.year}-${e.month}`;

/**
 * The languages each month's edition of a jurisdiction comes in: a source and
 * its translations published together (or later into that month) are one
 * edition in several languages. Returns a lookup, in the order of `locales`.
 */
export function languagesByMonth(editions: readonly MonthKey[]): (e: Omit<MonthKey, 'language'>) => Locale[] {
  const found = new Map<string, Set<Locale>>();
  for (const e of editions) {
    const key = monthOf(e);
    if (!found.has(key)) found.set(key, new Set());
    found.get(key)!.add(e.language);
  }
  return (e) => locales.filter((l) => found.get(monthOf(e))?.has(l));
}
