import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { getDb, type Db } from '../../db/client';
import type { Locale } from '../domain/locales';
import type { JurisdictionLevel } from '../domain/roles';
import { cappedCount, facetScans, SEARCH_COUNT_LIMIT } from '../domain/search/capped-counts';
import { queryArms, relaxPhrases } from '../domain/search/query-arms';
import { HIGHLIGHT_START, HIGHLIGHT_STOP, SEARCH_PAGE_SIZE, highlightSegments, searchFilterKeys, type SearchFilterKey, type SearchQuery } from '../domain/search/search-query';
import { draftScope, type Actor } from '../policy';
import { MAX_PASSAGE_CHUNK, passageChunkOf } from '../../db/schema';
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

/** A filter's value and how many passages it would give; `lowerBound`: at least that many (the scan stopped, see SEARCH_COUNT_LIMIT). */
export type Facet = Array<{ value: string; count: number; lowerBound?: boolean }>;
export interface SearchResults {
  /** Passages found, exact up to SEARCH_COUNT_LIMIT; past it `totalIsLowerBound` and this is the limit ("more than 500"). */
  total: number;
  totalIsLowerBound: boolean;
  page: number;
  pages: number;
  hits: SearchHit[];
  /** For each filter, how many passages each value would give with the other filters as they are. */
  facets: Record<SearchFilterKey, Facet>;
}

/** The query in each language's configuration (stemmed and accent-folded as that language's passages are), as tsquery text. */
export async function parseQuery(db: Db, q: string): Promise<Record<Locale, string>> {
  // "--x" and "- - x" are "not not x" to websearch_to_tsquery: 33 such hyphens in a row overflowed
  // its stack ("tsquery stack too small", a 500). One hyphen says what any run of them can.
  const words = q.replace(/-(?:\s*-)+/g, '-');
  try {
    const [row] = rowsOf<Record<Locale, string>>(
      await db.execute(sql`SELECT ${sql.join(languages.map((l) => sql`websearch_to_tsquery(${sql.raw(`'${configOf[l]}'`)}::regconfig, ${words})::text AS ${sql.raw(l)}`), sql`, `)}`),
    );
    return row;
  } catch (error) {
    // Any other query PostgreSQL cannot parse within its limits finds nothing, rather than failing.
    if (!isTsqueryLimit(error)) throw error;
    return Object.fromEntries(languages.map((l) => [l, ''])) as Record<Locale, string>;
  }
}

/** A limit of PostgreSQL's query parser (it raises "tsquery stack too small" as an internal error, XX000). */
function isTsqueryLimit(error: unknown): boolean {
  const messages = [(error as Error)?.message, (error as { cause?: Error })?.cause?.message];
  return messages.some((m) => typeof m === 'string' && /tsquery stack|statement too complex/i.test(m));
}
/** Each passage matched by the query in its own language; languages that parse it alike share an arm (one index scan). */
function matches(parsed: Record<Locale, string>): SQL {
  const arms = queryArms(parsed);
  if (arms.length === 0) return sql`false`;
  return sql.join(
    arms.map((a) =>
      a.languages.length === languages.length
        ? sql`p.words @@ ${a.tsquery}::tsquery`
        : sql`(p.language IN (${sql.join(a.languages.map((l) => sql`${l}`), sql`, `)}) AND p.words @@ ${a.tsquery}::tsquery)`,
    ),
    sql` OR `,
  );
}
/** For a phrase search, the query with its phrases relaxed to "all these words" in every language; null when there is no phrase to relax. */
function relaxed(parsed: Record<Locale, string>): Record<Locale, string> | null {
  const out = Object.fromEntries(languages.map((l) => [l, parsed[l].trim() === '' ? '' : (relaxPhrases(parsed[l]) ?? parsed[l])])) as Record<Locale, string>;
  return languages.some((l) => out[l] !== parsed[l]) && languages.every((l) => parsed[l].trim() === '' || relaxPhrases(parsed[l]) !== null) ? out : null;
}
const ownQuery = (parsed: Record<Locale, string>) => sql`CASE p.language ${sql.join(languages.map((l) => sql`WHEN ${l} THEN ${parsed[l]}::tsquery`), sql` `)} END`;
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
function filterConditions(query: SearchQuery): Record<SearchFilterKey, SQL> {
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

/** The filters whose columns are in the GIN index beside the words (db/schema/search.ts). */
const indexedFilters = new Set<SearchFilterKey>(['country', 'domain', 'year']);

/** Each facet's column in search.passages, as text. */
const facetColumn: Record<SearchFilterKey, SQL> = {
  country: sql`country`,
  level: sql`level::text`,
  domain: sql`section`,
  part: sql`part`,
  lang: sql`language::text`,
  year: sql`year::text`,
};

const HEADLINE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxWords=60, MinWords=25, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

/** The one statement of a search (exported for the benchmark's EXPLAIN): the capped scans, the facet counts and the ranked page. */
export function searchStatement(actor: Actor | null, query: SearchQuery, parsed: Record<Locale, string>): SQL {
  const filters = filterConditions(query);
  const scans = facetScans(query);
  const own = searchFilterKeys.filter((k) => scans[k] === k);
  // The filters other than `key`: those the GIN index holds (tested in the index scan) and the rest.
  const allBut = (key: SearchFilterKey | null, indexed: boolean) =>
    sql.join([sql`true`, ...searchFilterKeys.filter((k) => k !== key && indexedFilters.has(k) === indexed).map((k) => filters[k])], sql` AND `);
  // A scan: the first matches (in index order, unsorted: sorting them all is the cost we avoid), one past the limit.
  // For a phrase, the first passages holding its words are read (the index answers that alone) and those with
  // the phrase kept: the positions of the words are checked in at most the limit of passages.
  const loose = relaxed(parsed);
  // The matches are read chunk by chunk (db/schema/search.ts), oldest first, and the reading stops at the limit:
  // each chunk is one small bitmap of the index, where a scan of the whole index would build the bitmap of
  // every passage holding the words first. OFFSET 0 keeps the chunk's scan a loop of its own (a join would
  // read every chunk at once) and keeps the conditions outside it (the scope, the filters the GIN index does
  // not hold) out of it: inside, the planner would AND the bitmap with a btree's for a column that half the
  // passages share (part = 'potential' through passages_assessment_idx: 180,000 entries per chunk).
  const chunked = (words: Record<Locale, string>, key: SearchFilterKey | null) => {
    const columns = sql`p.id, p.words, p.language, p.year, p.month, p.country, p.level, p.section, p.part`;
    return sql`SELECT ${columns} FROM chunks c, LATERAL (
        SELECT ${columns}, p.edition_id, p.assessment_id FROM search.passages p
        WHERE (${matches(words)}) AND ${allBut(key, true)} AND p.chunk = c.chunk OFFSET 0
      ) p WHERE ${scopeOf(actor)} AND ${allBut(key, false)} LIMIT ${SEARCH_COUNT_LIMIT + 1}`;
  };
  // The chunks up to the newest passage's, from a series of constant bounds: the planner then knows there are
  // a few (from a bound it cannot see it assumes a thousand, and a plan that dear is compiled by PostgreSQL's
  // JIT first, 50 ms).
  const chunks = sql`chunks AS MATERIALIZED (
      SELECT chunk FROM generate_series(0, ${MAX_PASSAGE_CHUNK}) chunk WHERE chunk <= ${passageChunkOf(sql`(SELECT coalesce(max(id), 0) FROM search.passages)`)})`;
  const scan = (name: string, key: SearchFilterKey | null) => {
    if (!loose) return sql`${sql.raw(name)} AS MATERIALIZED (${chunked(parsed, key)})`;
    return sql`${sql.raw(`${name}_read`)} AS MATERIALIZED (${chunked(loose, key)}),
      ${sql.raw(name)} AS MATERIALIZED (SELECT * FROM (SELECT * FROM ${sql.raw(`${name}_read`)} LIMIT ${SEARCH_COUNT_LIMIT}) p WHERE ${matches(parsed)})`;
  };
  // What is ranked and counted: the scan's first rows up to the limit (a materialized CTE is read back in the order it was written).
  const kept = (name: string) => sql`(SELECT * FROM ${sql.raw(name)} LIMIT ${SEARCH_COUNT_LIMIT})`;
  const offset = (query.page - 1) * SEARCH_PAGE_SIZE;
  const facetCounts = searchFilterKeys.map((k) => {
    const source = scans[k] === 'all' ? 'found' : `found_${k}`;
    return sql`SELECT ${k} AS facet, ${facetColumn[k]} AS value, count(*)::int AS n, NULL AS hits FROM ${kept(source)} c GROUP BY 2`;
  });
  const scanSizes = own.map((k) => sql`SELECT ${`#${k}`}, NULL, (SELECT count(*)::int FROM ${sql.raw(`found_${k}`)}), NULL`);
  // How many passages a phrase search read: past the limit, what it found is a lower bound.
  const readSizes = loose ? ['found', ...own.map((k) => `found_${k}`)].map((n) => sql`SELECT ${`read:${n}`}, NULL, (SELECT count(*)::int FROM ${sql.raw(`${n}_read`)}), NULL`) : [];

  return sql`
      WITH ${sql.join([chunks, scan('found', null), ...own.map((k) => scan(`found_${k}`, k))], sql`, `)},
      ranked AS (
        SELECT p.id, p.rank FROM (SELECT p.*, ts_rank(p.words, ${ownQuery(parsed)}) AS rank FROM ${kept('found')} p) p
        ORDER BY p.rank DESC, p.year DESC NULLS FIRST, p.month DESC NULLS FIRST, p.id
        LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${offset}
      )
      SELECT '' AS facet, NULL AS value, (SELECT count(*)::int FROM found) AS n, (
        SELECT json_agg(h ORDER BY h.rank DESC, h.year DESC NULLS FIRST, h.month DESC NULLS FIRST, h.id)::text FROM (
          SELECT p.id, r.rank, p.edition_id, p.assessment_id, j.slug, p.jurisdiction_name, p.country, p.level, p.language, p.year, p.month, p.version, p.title,
                 p.section, p.part, p.ordinal, ts_headline(${ownConfig}, p.body, ${ownQuery(parsed)}, ${HEADLINE_OPTIONS}) AS headline
          FROM ranked r JOIN search.passages p ON p.id = r.id JOIN jurisdictions j ON j.id = p.jurisdiction_id
        ) h) AS hits
      ${sql.join(
        [...scanSizes, ...readSizes, ...facetCounts].map((part) => sql` UNION ALL ${part}`),
        sql``,
      )}`;
}

/**
 * Finds passages across every profile: published editions for everyone, and
 * the drafts the actor may read (marked as drafts). Ranked by ts_rank, newest
 * edition first among equals, paged; with the total and, per filter, counts
 * for each value. The query is never spliced into SQL: websearch_to_tsquery
 * reads any text (operators, unbalanced quotes) without failing, and the
 * tsquery it makes comes back as a parameter.
 *
 * The work is capped (SEARCH_COUNT_LIMIT, README: Search): each scan takes
 * the first matches the index yields, at most the limit and one more, in one
 * statement. The results are those of that candidate set ranked; the total
 * and the facets count it, exact when the scan ended before the limit, lower
 * bounds otherwise. A filter that is set has its own scan for its facet.
 */
export async function searchPassages(actor: Actor | null, query: SearchQuery): Promise<SearchResults> {
  const db = await getDb();
  const scans = facetScans(query);
  const rows = rowsOf<{ facet: string; value: string | null; n: number | string; hits: string | null }>(await db.execute(searchStatement(actor, query, await parseQuery(db, query.q))));
  const sizes = new Map<string, number>();
  const read = new Map<string, number>();
  const facets = Object.fromEntries(searchFilterKeys.map((k) => [k, [] as Facet])) as SearchResults['facets'];
  let hitRows: Array<Record<string, unknown>> = [];
  for (const row of rows) {
    if (row.facet === '') {
      sizes.set('all', Number(row.n));
      hitRows = row.hits ? (JSON.parse(row.hits) as Array<Record<string, unknown>>) : [];
    } else if (row.facet.startsWith('#')) sizes.set(row.facet.slice(1), Number(row.n));
    else if (row.facet.startsWith('read:')) read.set(row.facet === 'read:found' ? 'all' : row.facet.slice('read:found_'.length), Number(row.n));
  }
  // A scan's counts are lower bounds when it stopped: it found more than the limit, or (a phrase) read more.
  const capped = (source: string) => cappedCount(sizes.get(source) ?? 0).lowerBound || cappedCount(read.get(source) ?? 0).lowerBound;
  for (const row of rows) {
    const k = row.facet as SearchFilterKey;
    if (!searchFilterKeys.includes(k) || row.value === null) continue;
    facets[k].push({ value: String(row.value), count: Number(row.n), ...(capped(scans[k]) ? { lowerBound: true } : {}) });
  }
  for (const k of searchFilterKeys) facets[k].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  const total = cappedCount(sizes.get('all') ?? 0).count;
  const totalIsLowerBound = capped('all');

  return {
    total,
    totalIsLowerBound,
    page: query.page,
    pages: Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE)),
    facets,
    hits: hitRows.map((r) => ({
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
