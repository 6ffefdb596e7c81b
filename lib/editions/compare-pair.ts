import type { Locale } from '../domain/locales';

type Edition = { language: Locale };

/**
 * The two editions to compare when the address names no content language. Each
 * month gives its newest text then, and a Spanish edition against a French
 * translation showed every word deleted and added: when the months share a
 * language, both are taken in it (the older's first: the profile's own).
 * `find` reads one month in one language (null: not in it).
 */
export async function samePairLanguage<E extends Edition>(older: E, newer: E, find: (which: 'older' | 'newer', language: Locale) => Promise<E | null>): Promise<{ older: E; newer: E }> {
  if (older.language === newer.language) return { older, newer };
  const newerAsOlder = await find('newer', older.language);
  if (newerAsOlder) return { older, newer: newerAsOlder };
  const olderAsNewer = await find('older', newer.language);
  return olderAsNewer ? { older: olderAsNewer, newer } : { older, newer };
}
