import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '../../db/client';
import type { Locale } from '../domain/locales';
import type { JurisdictionLevel } from '../domain/roles';
import { HIGHLIGHT_START, HIGHLIGHT_STOP, SEARCH_PAGE_SIZE, highlightSegments, type SearchQuery } from '../domain/search/search-query';
import { draftScope, type Actor } from '../policy';
import { rowsOf } from './sql-rows';

/** The text search configuration of each content language (db/migrations/0017: unaccent, then the stemmer). */
const configOf: Record<Locale, string> = { es: 'spanish_unaccent', fr: 'french_unaccent', en: 'english_unaccent' };
const languages = Object.keys(configOf) as Locale[];

export interface SearchHit {
  /** The edition's passage; null for a draft's. */
  editionId: string | null;
  /** The unpublished profile's passage; null for an edition's. */
  assessmentId: string | null;
  draft: boolean;
  slug: string;
  jurisdiction: string;
  country: string;
  level: JurisdictionLevel;
  language: Locale;
  year: number | null;
  month: number | null;
  version: number | null;
  title: string;
  section: string;
  part: string;
  ordinal: number;
  /** The passage (or its best part) with the query's words marked; plain text, never HTML. */
  highlight: Array<{ text: string; match: boolean }>;
}

export type Facet = Array<{ value: string; count: number }>;
export interface SearchResults {
  total: number;
  page: number;
  pages: number;
  hits: SearchHit[];
  /** For each filter, how many passages each value would give with the other filters as they are. */
  facets: Record<'country' | 'level' | 'domain' | 'part' | 'lang' | 'year', Facet>;
}

/** The query in one language's configuration: stemmed and accent-folded as that language's passages are. */
const tsquery = (lang: Locale, q: string) => sql`websearch_to_tsquery(${sql.raw(`'${configOf[lang]}'`)}::regconfig, ${q})`;
/** Each passage is matched against the query in its own language (each arm can use the GIN index). */
const matches = (q: string) => sql.join(languages.map((l) => sql`(p.language = ${l} AND p.words @@ ${tsquery(l, q)})`), sql` OR `);
const ownQuery = (q: string) => sql`CASE p.language ${sql.join(languages.map((l) => sql`WHEN ${l} THEN ${tsquery(l, q)}`), sql` `)} END`;
const ownConfig = sql`CASE p.language ${sql.join(languages.map((l) => sql`WHEN ${l} THEN ${sql.raw(`'${configOf[l]}'`)}::regconfig`), sql` `)} END`;

/** Published passages for everyone; unpublished ones only as lib/policy lets this actor read them. */
function scopeOf(actor: Actor | null): SQL {
  const scope = draftScope(actor);
  switch (scope.kind) {
    case 'none':
      return sql`p.edition_id IS NOT NULL`;
    case 'all':
      return sql`true`;
    case 'some': {
      const readable = sql.join(
        scope.jurisdictions.map((j) => sql`(a.jurisdiction_id = ${j.jurisdictionId} AND a.state IN (${sql.join(j.states.map((s) => sql`${s}`), sql`, `)}))`),
        sql` OR `,
      );
      return sql`(p.edition_id IS NOT NULL OR p.assessment_id IN (SELECT a.id FROM assessments a WHERE ${readable}))`;
    }
  }
}

/** One condition per filter that is set; `true` for the others. */
function filterConditions(query: SearchQuery): Record<keyof SearchResults['facets'], SQL> {
  const on = (value: unknown, condition: SQL) => (value === undefined ? sql`true` : condition);
  return {
    country: on(query.country, sql`p.country = ${query.country}`),
    level: on(query.level, sql`p.level = ${query.level}`),
    domain: on(query.domain, sql`p.section = ${query.domain}`),
    part: on(query.part, sql`p.part = ${query.part}`),
    lang: on(query.lang, sql`p.language = ${query.lang}`),
    year: on(query.year, sql`p.year = ${query.year}`),
  };
}

const HEADLINE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxWords=60, MinWords=25, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * Finds passages across every profile: published editions for everyone, and
 * the drafts the actor may read (marked as drafts). Ranked by ts_rank, newest
 * edition first among equals, paged; with the total and, per filter, counts
 * for each value. The query is never spliced into SQL: websearch_to_tsquery
 * reads any text (operators, unbalanced quotes) without failing.
 */
export async function searchPassages(actor: Actor | null, query: SearchQuery): Promise<SearchResults> {
  const db = await getDb();
  const where = sql`(${matches(query.q)}) AND ${scopeOf(actor)}`;
  const filters = filterConditions(query);
  const keys = Object.keys(filters) as Array<keyof typeof filters>;
  const allFilters = sql.join(Object.values(filters), sql` AND `);
  const others = (key: keyof typeof filters) => sql.join(keys.filter((k) => k !== key).map((k) => filters[k]), sql` AND `);
  const column: Record<keyof typeof filters, SQL> = {
    country: sql`p.country`,
    level: sql`p.level::text`,
    domain: sql`p.section`,
    part: sql`p.part`,
    lang: sql`p.language::text`,
    year: sql`p.year::text`,
  };

  // One pass over the matching passages for every facet and the total: each facet counts with the other filters applied.
  const facetRows = rowsOf<Record<string, string | number | null>>(
    await db.execute(sql`
      SELECT ${sql.join(keys.map((k) => sql`${column[k]} AS ${sql.raw(`v_${k}`)}, grouping(${column[k]}) AS ${sql.raw(`g_${k}`)}, count(*) FILTER (WHERE ${others(k)}) AS ${sql.raw(`n_${k}`)}`), sql`, `)},
             count(*) FILTER (WHERE ${allFilters}) AS n_all
      FROM search.passages p
      WHERE ${where}
      GROUP BY GROUPING SETS (${sql.join(keys.map((k) => sql`(${column[k]})`), sql`, `)}, ())`),
  );
  const facets = Object.fromEntries(keys.map((k) => [k, [] as Facet])) as SearchResults['facets'];
  let total = 0;
  for (const row of facetRows) {
    const grouped = keys.filter((k) => Number(row[`g_${k}`]) === 0);
    if (grouped.length === keys.length) continue; // cannot happen: every set groups one column at most
    if (grouped.length === 0) {
      total = Number(row.n_all);
      continue;
    }
    const [k] = grouped;
    const value = row[`v_${k}`];
    const count = Number(row[`n_${k}`]);
    if (value !== null && count > 0) facets[k].push({ value: String(value), count });
  }
  for (const k of keys) facets[k].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));

  const offset = (query.page - 1) * SEARCH_PAGE_SIZE;
  const hits = offset >= total ? [] : rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      SELECT p.edition_id, p.assessment_id, j.slug, p.jurisdiction_name, p.country, p.level, p.language, p.year, p.month, p.version, p.title,
             p.section, p.part, p.ordinal, ts_headline(${ownConfig}, p.body, ${ownQuery(query.q)}, ${HEADLINE_OPTIONS}) AS headline
      FROM (
        SELECT p.*, ts_rank(p.words, ${ownQuery(query.q)}) AS rank
        FROM search.passages p
        WHERE ${where} AND ${allFilters}
        ORDER BY rank DESC, p.year DESC NULLS FIRST, p.month DESC NULLS FIRST, p.id
        LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${offset}
      ) p
      JOIN jurisdictions j ON j.id = p.jurisdiction_id
      ORDER BY p.rank DESC, p.year DESC NULLS FIRST, p.month DESC NULLS FIRST, p.id`),
  );
  return {
    total,
    page: query.page,
    pages: Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE)),
    facets,
    hits: hits.map((r) => ({
      editionId: (r.edition_id as string | null) ?? null,
      assessmentId: (r.assessment_id as string | null) ?? null,
      draft: r.edition_id === null,
      slug: String(r.slug),
      jurisdiction: String(r.jurisdiction_name),
      country: String(r.country),
      level: r.level as JurisdictionLevel,
      language: r.language as Locale,
      year: r.year === null ? null : Number(r.year),
      month: r.month === null ? null : Number(r.month),
      version: r.version === null ? null : Number(r.version),
      title: String(r.title),
      section: String(r.section),
      part: String(r.part),
      ordinal: Number(r.ordinal),
      highlight: highlightSegments(String(r.headline)),
    })),
  };
}

/**
 * The countries and years that published editions have, for the filters of a
 * search form with nothing found yet (an empty form, or no match): the
 * choices are then what exists, not an empty list.
 */
export async function publishedFilterValues(): Promise<{ country: Facet; year: Facet }> {
  const db = await getDb();
  const countries = rowsOf<{ value: string; count: number }>(
    // The jurisdiction's country as it is today, as the index files passages under it.
    await db.execute(sql`SELECT j.country AS value, count(*)::int AS count FROM editions e JOIN jurisdictions j ON j.id = e.jurisdiction_id GROUP BY 1`),
  );
  const years = rowsOf<{ value: string; count: number }>(await db.execute(sql`SELECT year::text AS value, count(*)::int AS count FROM editions GROUP BY 1`));
  return { country: countries.map((r) => ({ value: r.value, count: Number(r.count) })), year: years.map((r) => ({ value: r.value, count: Number(r.count) })) };
}
