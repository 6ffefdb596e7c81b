import type { Locale } from '../locales';

export interface QueryArm {
  /** The content languages whose passages this arm matches. */
  languages: Locale[];
  /** The query as the database parsed it in those languages' configuration (tsquery text). */
  tsquery: string;
}

/**
 * Each passage is matched by the query in its own language; one index scan
 * per language. Many words stem alike in Spanish, French and English
 * ("crisis", "plan", "migrants"): those languages then share one arm, and the
 * index is read once for them instead of once each. A language whose query
 * holds no word (only stop words) matches nothing and has no arm.
 */
export function queryArms(parsed: Record<Locale, string>): QueryArm[] {
  const arms = new Map<string, Locale[]>();
  for (const [language, tsquery] of Object.entries(parsed) as Array<[Locale, string]>) {
    if (tsquery.trim() === '') continue;
    arms.set(tsquery, [...(arms.get(tsquery) ?? []), language]);
  }
  return [...arms].map(([tsquery, languages]) => ({ languages, tsquery }));
}
