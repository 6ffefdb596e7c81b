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

/**
 * A phrase query with its phrase operators (`<->`, `<N>`) made `&`: every
 * passage with the phrase holds all its words, so this finds a superset the
 * GIN index answers without reading each passage's word positions. A search
 * for a phrase reads the passages holding the words (capped) and keeps those
 * with the phrase; reading every passage holding two common words to find
 * the few where they touch is what made phrases slow. Null when there is no
 * phrase, or under a negation (`!`), where the relaxed query is no superset.
 */
export function relaxPhrases(tsquery: string): string | null {
  // Quoted lexemes ('it''s', with :* or weights after) apart from the operators between them.
  const parts = tsquery.match(/'(?:[^']|'')*'(?::[*A-D]+)?|[^']+/g);
  if (!parts || parts.join('') !== tsquery) return null;
  const operators = parts.filter((p) => !p.startsWith("'"));
  if (operators.some((p) => p.includes('!')) || !operators.some((p) => /<(?:-|\d+)>/.test(p))) return null;
  return parts.map((p) => (p.startsWith("'") ? p : p.replace(/<(?:-|\d+)>/g, '&'))).join('');
}
