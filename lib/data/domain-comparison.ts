import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '../../db/client';
import type { DomainFilter } from '../domain/domain-filter';
import type { Locale } from '../domain/locales';
import type { DomainKey } from '../domain/profile';
import type { JurisdictionLevel } from '../domain/roles';
import { holdsNul } from '../domain/plain-text';
import { rowsOf } from './sql-rows';

/** One jurisdiction's column: its latest edition (in the filtered language) and the domain's two parts. */
export interface DomainColumn {
  slug: string;
  name: string;
  level: JurisdictionLevel;
  country: string;
  language: Locale;
  year: number;
  month: number;
  version: number;
  title: string;
  strengths: unknown;
  potential: unknown;
}

export interface DomainComparison {
  /** Jurisdictions that match the filter (all pages). */
  total: number;
  columns: DomainColumn[];
}

/**
 * The latest published edition of every jurisdiction (or of those the filter
 * keeps), with one domain's two parts, ordered by jurisdiction name. Public:
 * only `editions` is read, which holds nothing but published text (drafts live
 * in assessment parts and never reach it). "Latest" is the newest month and,
 * within it, the newest version (a correction); with `lang`, the newest in that
 * content language (two languages dated alike: the first of en, fr, es, so that the answer
 * never changes by chance). `limit`/`offset` page the columns; without them every
 * match comes back (the downloads).
 *
 * Two steps so that only the shown editions' documents are read: the first
 * picks one edition id per jurisdiction from the index columns, the second
 * fetches that page's domain documents.
 */
export async function listDomainComparison(domain: DomainKey, filter: DomainFilter, page: { limit?: number; offset?: number } = {}): Promise<DomainComparison> {
  // PostgreSQL text cannot hold NUL: such a filter matches nothing (as a parameter it would fail the query).
  if ([filter.country, ...filter.j].some((v) => v && holdsNul(v))) return { total: 0, columns: [] };
  const db = await getDb();
  const where: SQL[] = [];
  if (filter.country) where.push(sql`j.country = ${filter.country}`);
  if (filter.level) where.push(sql`j.level = ${filter.level}`);
  if (filter.j.length > 0) where.push(sql`j.slug in (${sql.join(filter.j.map((s) => sql`${s}`), sql`, `)})`);
  const language = filter.lang ? sql`where e.language = ${filter.lang}` : sql``;
  const picked = rowsOf<{ id: string; total: number }>(
    await db.execute(sql`
      with latest as (
        select distinct on (e.jurisdiction_id) e.id, e.jurisdiction_id
        from editions e ${language}
        order by e.jurisdiction_id, e.year desc, e.month desc, e.version desc, e.published_at desc, e.language
      )
      select l.id, count(*) over ()::int as total
      from latest l join jurisdictions j on j.id = l.jurisdiction_id
      ${where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``}
      order by j.name, j.slug
      ${page.limit !== undefined ? sql`limit ${page.limit}` : sql``}
      ${page.offset ? sql`offset ${page.offset}` : sql``}`),
  );
  if (picked.length === 0) {
    // Past the last page the count is not known from the page itself.
    if (page.offset) return { total: (await listDomainComparison(domain, filter, { limit: 1 })).total, columns: [] };
    return { total: 0, columns: [] };
  }
  const ids = picked.map((p) => p.id);
  const rows = rowsOf<DomainColumn>(
    await db.execute(sql`
      select j.slug, j.name, j.level, j.country, e.language, e.year, e.month, e.version, e.title,
             e.content->'domains'->${domain}->'strengths' as strengths,
             e.content->'domains'->${domain}->'potential' as potential
      from editions e join jurisdictions j on j.id = e.jurisdiction_id
      where e.id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
      order by j.name, j.slug`),
  );
  return { total: picked[0].total, columns: rows };
}

/** Countries and content languages of jurisdictions with an edition, for the filter's choices. */
export async function listDomainFilterChoices(): Promise<{ countries: string[]; languages: Locale[] }> {
  const db = await getDb();
  const countries = rowsOf<{ country: string }>(
    await db.execute(sql`select distinct j.country from jurisdictions j where exists (select 1 from editions e where e.jurisdiction_id = j.id) order by 1`),
  );
  const languages = rowsOf<{ language: Locale }>(await db.execute(sql`select distinct language from editions order by 1`));
  return { countries: countries.map((c) => c.country), languages: languages.map((l) => l.language) };
}
