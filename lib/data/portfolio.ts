import 'server-only';
import { and, asc, count, desc, eq, ilike, ne, sql, type SQL } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { assessments, jurisdictions } from '../../db/schema';
import type { Actor } from '../policy';
import { assertCan } from './guards';
import { holdsNul } from '../domain/plain-text';

// 25 rows: a screenful or two, and a page that costs the same to render however large the portfolio.
export const PORTFOLIO_PAGE_SIZE = 25;
export const portfolioSorts = ['name', 'country', 'level', 'state', 'updated', 'edition'] as const;
export type PortfolioSort = (typeof portfolioSorts)[number];

export interface PortfolioQuery {
  q?: string;
  country?: string;
  level?: 'country' | 'state' | 'municipality';
  state?: 'draft' | 'in_review' | 'approved' | 'none';
  sort: PortfolioSort;
  dir: 'asc' | 'desc';
  page: number;
}

/**
 * Every jurisdiction with its open profile(s), for admins: filtered, sorted and
 * paged in the database so that it stays quick with thousands of rows.
 */
export async function listPortfolio(actor: Actor, query: PortfolioQuery) {
  assertCan(actor, 'view_admin');
  const db = await getDb();
  const filters: SQL[] = [];
  // PostgreSQL text cannot hold NUL: such a filter matches nothing rather than failing the query.
  if ([query.q, query.country].some((v) => v && holdsNul(v))) filters.push(sql`false`);
  else {
    if (query.q) filters.push(ilike(jurisdictions.name, `%${query.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`));
    if (query.country) filters.push(eq(jurisdictions.country, query.country));
  }
  if (query.level) filters.push(eq(jurisdictions.level, query.level));
  if (query.state === 'none') filters.push(sql`${assessments.id} IS NULL`);
  else if (query.state) filters.push(eq(assessments.state, query.state));
  const where = filters.length ? and(...filters) : undefined;
  const order = query.dir === 'desc' ? desc : asc;
  // The newest edition of the jurisdiction, any language, published or imported, as year*100+month
  // (one number, so that it sorts; editions_one_per_month's index starts with jurisdiction_id).
  // Written out qualified: inside a subquery drizzle would name the column without its table.
  const latestEdition = sql<number | null>`(select max(e.year * 100 + e.month) from editions e where e.jurisdiction_id = ${jurisdictions.id})`;
  const sortColumn = {
    name: jurisdictions.name,
    country: jurisdictions.country,
    level: jurisdictions.level,
    state: assessments.state,
    updated: assessments.updatedAt,
    edition: latestEdition,
  }[query.sort];

  const openProfile = and(eq(assessments.jurisdictionId, jurisdictions.id), ne(assessments.state, 'published'));
  // Three independent queries: on PostgreSQL they run at once on the pool's connections.
  const [rows, [{ total }], countries] = await Promise.all([
    db
      .select({
        slug: jurisdictions.slug,
        name: jurisdictions.name,
        country: jurisdictions.country,
        level: jurisdictions.level,
        profileId: assessments.id,
        language: assessments.language,
        state: assessments.state,
        updatedAt: assessments.updatedAt,
        latestEdition,
      })
      .from(jurisdictions)
      .leftJoin(assessments, openProfile)
      .where(where)
      // Jurisdictions without an edition come last whichever way editions are sorted.
      .orderBy(
        query.sort === 'edition' ? (query.dir === 'desc' ? sql`${latestEdition} desc nulls last` : sql`${latestEdition} asc nulls last`) : order(sortColumn),
        asc(jurisdictions.name),
        asc(assessments.language),
      )
      .limit(PORTFOLIO_PAGE_SIZE)
      .offset((query.page - 1) * PORTFOLIO_PAGE_SIZE),
    db.select({ total: count() }).from(jurisdictions).leftJoin(assessments, openProfile).where(where),
    db.selectDistinct({ country: jurisdictions.country }).from(jurisdictions).orderBy(asc(jurisdictions.country)),
  ]);
  const withEdition = rows.map(({ latestEdition: n, ...r }) => ({ ...r, latestEdition: n === null ? null : { year: Math.floor(n / 100), month: n % 100 } }));
  return { rows: withEdition, total, pages: Math.max(1, Math.ceil(total / PORTFOLIO_PAGE_SIZE)), countries: countries.map((c) => c.country) };
}
