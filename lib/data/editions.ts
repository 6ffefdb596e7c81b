import 'server-only';
import { and, asc, desc, eq, ilike, sql, type SQL } from 'drizzle-orm';
import { getDb, type Tx } from '../../db/client';
import { assessmentParts, assessments, assessmentTransitions, commentThreads, editions, jurisdictions, users } from '../../db/schema';
import { stripCommentMarks, type FrozenJurisdiction, type FrozenProfile, type SignOff } from '../domain/edition';
import type { Locale } from '../domain/locales';
import { domainKeys, type DomainKey } from '../domain/profile';
import type { Actor } from '../policy';
import { ConflictError, NotFoundError } from './errors';

const monthName = (year: number, month: number) =>
  new Date(Date.UTC(year, month - 1, 15)).toLocaleString('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** The last time a profile went through a workflow action, and who did it. */
async function lastStep(tx: Tx, assessmentId: string, action: string) {
  const [row] = await tx
    .select({ name: users.name, at: assessmentTransitions.createdAt })
    .from(assessmentTransitions)
    .leftJoin(users, eq(users.id, assessmentTransitions.actorId))
    .where(and(eq(assessmentTransitions.assessmentId, assessmentId), eq(assessmentTransitions.action, action)))
    .orderBy(desc(assessmentTransitions.createdAt))
    .limit(1);
  return row;
}

/**
 * Freezes a profile into an edition, inside the publish transition's
 * transaction (the profile row is locked by it). The edition is dated by the
 * database's clock, in UTC; a second edition of the same jurisdiction and
 * language in the same month is refused, saying why and what to do.
 */
export async function freezeEdition(tx: Tx, actor: Actor, assessmentId: string) {
  const [profile] = await tx
    .select({
      title: assessments.title,
      language: assessments.language,
      jurisdictionId: assessments.jurisdictionId,
      name: jurisdictions.name,
      level: jurisdictions.level,
      country: jurisdictions.country,
    })
    .from(assessments)
    .innerJoin(jurisdictions, eq(jurisdictions.id, assessments.jurisdictionId))
    .where(eq(assessments.id, assessmentId));
  if (!profile) throw new NotFoundError('profile');
  const [{ year, month, now }] = await tx
    .select({
      year: sql<number>`extract(year from now() at time zone 'UTC')::int`,
      month: sql<number>`extract(month from now() at time zone 'UTC')::int`,
      now: sql<string>`to_json(now())#>>'{}'`,
    })
    .from(sql`(select 1) as one`);
  const [clash] = await tx
    .select({ id: editions.id })
    .from(editions)
    .where(and(eq(editions.jurisdictionId, profile.jurisdictionId), eq(editions.language, profile.language), eq(editions.year, year), eq(editions.month, month)));
  if (clash) {
    throw new ConflictError(
      'edition_exists_this_month',
      `${profile.name} already has an edition in this language published in ${monthName(year, month)}, and editions are dated by month. Publish this profile from next month on; it stays approved until then.`,
      { year, month },
    );
  }
  const parts = await tx
    .select({ section: assessmentParts.section, part: assessmentParts.part, doc: assessmentParts.doc })
    .from(assessmentParts)
    .where(eq(assessmentParts.assessmentId, assessmentId));
  const doc = (section: string, part: string) => stripCommentMarks(parts.find((p) => p.section === section && p.part === part)?.doc ?? null);
  const content: FrozenProfile = {
    introduction: doc('introduction', 'body'),
    domains: Object.fromEntries(domainKeys.map((d) => [d, { strengths: doc(d, 'strengths'), potential: doc(d, 'potential') }])) as FrozenProfile['domains'],
  };
  const submitted = await lastStep(tx, assessmentId, 'submit');
  const approved = await lastStep(tx, assessmentId, 'approve');
  const [{ resolved }] = await tx
    .select({ resolved: sql<number>`count(*)::int` })
    .from(commentThreads)
    .where(and(eq(commentThreads.assessmentId, assessmentId), eq(commentThreads.status, 'resolved')));
  const signOff: SignOff = {
    submittedBy: submitted?.name ?? null,
    submittedAt: submitted?.at.toISOString() ?? null,
    approvedBy: approved?.name ?? null,
    approvedAt: approved?.at.toISOString() ?? null,
    publishedBy: actor.name,
    publishedAt: new Date(now).toISOString(),
    resolvedComments: resolved,
  };
  const frozen: FrozenJurisdiction = { name: profile.name, level: profile.level, country: profile.country };
  const [edition] = await tx
    .insert(editions)
    .values({
      jurisdictionId: profile.jurisdictionId,
      assessmentId,
      language: profile.language,
      year,
      month,
      title: profile.title,
      content,
      jurisdiction: frozen,
      signOff,
    })
    .returning({ id: editions.id, year: editions.year, month: editions.month });
  return edition;
}

const summaryColumns = {
  id: editions.id,
  slug: jurisdictions.slug,
  language: editions.language,
  year: editions.year,
  month: editions.month,
  title: editions.title,
  jurisdiction: editions.jurisdiction,
  publishedAt: editions.publishedAt,
};

export type EditionSummary = { id: string; slug: string; language: Locale; year: number; month: number; title: string; jurisdiction: FrozenJurisdiction; publishedAt: Date };

/** Every edition, newest first; or one jurisdiction's. Public: no actor needed. */
export async function listEditions(filter: { jurisdiction?: string } = {}): Promise<EditionSummary[]> {
  const db = await getDb();
  const rows = await db
    .select(summaryColumns)
    .from(editions)
    .innerJoin(jurisdictions, eq(jurisdictions.id, editions.jurisdictionId))
    .where(filter.jurisdiction ? eq(jurisdictions.slug, filter.jurisdiction) : undefined)
    .orderBy(desc(editions.year), desc(editions.month), desc(editions.publishedAt));
  return rows as EditionSummary[];
}

export interface PublicJurisdictionFilter {
  q?: string;
  country?: string;
  level?: 'country' | 'state' | 'municipality';
}

/** Jurisdictions with at least one edition, with their latest, for the public index. */
export async function listPublishedJurisdictions(filter: PublicJurisdictionFilter = {}) {
  const db = await getDb();
  // Written out qualified: inside a subquery drizzle would name the column without its table.
  const published = sql`exists (select 1 from editions e where e.jurisdiction_id = jurisdictions.id)`;
  const where: SQL[] = [published];
  if (filter.q) where.push(ilike(jurisdictions.name, `%${filter.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`));
  if (filter.country) where.push(eq(jurisdictions.country, filter.country));
  if (filter.level) where.push(eq(jurisdictions.level, filter.level));
  const rows = await db
    .select({
      slug: jurisdictions.slug,
      name: jurisdictions.name,
      level: jurisdictions.level,
      country: jurisdictions.country,
      latest: sql<{ year: number; month: number; title: string; language: Locale }>`(
        select json_build_object('year', e.year, 'month', e.month, 'title', e.title, 'language', e.language)
        from editions e where e.jurisdiction_id = jurisdictions.id
        order by e.year desc, e.month desc, e.published_at desc limit 1)`,
    })
    .from(jurisdictions)
    .where(and(...where))
    .orderBy(asc(jurisdictions.name));
  const countries = await db
    .selectDistinct({ country: jurisdictions.country })
    .from(jurisdictions)
    .where(published)
    .orderBy(asc(jurisdictions.country));
  return { rows, countries: countries.map((c) => c.country) };
}

export interface EditionView {
  id: string;
  slug: string;
  language: Locale;
  year: number;
  month: number;
  title: string;
  content: FrozenProfile;
  jurisdiction: FrozenJurisdiction;
  signOff: SignOff;
  note: string | null;
  publishedAt: Date;
}

/**
 * One edition of a jurisdiction: a given month, or the latest. When the
 * jurisdiction has editions in several content languages, `language` picks
 * one; without it the newest wins.
 */
export async function getEdition(slug: string, when: { year: number; month: number } | 'latest', language?: Locale): Promise<EditionView | null> {
  const db = await getDb();
  const conditions = [eq(jurisdictions.slug, slug)];
  if (when !== 'latest') conditions.push(eq(editions.year, when.year), eq(editions.month, when.month));
  if (language) conditions.push(eq(editions.language, language));
  const [row] = await db
    .select({ ...summaryColumns, content: editions.content, signOff: editions.signOff, note: editions.note })
    .from(editions)
    .innerJoin(jurisdictions, eq(jurisdictions.id, editions.jurisdictionId))
    .where(and(...conditions))
    .orderBy(desc(editions.year), desc(editions.month), desc(editions.publishedAt))
    .limit(1);
  return (row as EditionView | undefined) ?? null;
}

/** The latest edition of a jurisdiction in a content language, to start a new round from. */
export async function latestEditionContent(tx: Tx, jurisdictionId: string, language: Locale) {
  const [row] = await tx
    .select({ content: editions.content, title: editions.title })
    .from(editions)
    .where(and(eq(editions.jurisdictionId, jurisdictionId), eq(editions.language, language)))
    .orderBy(desc(editions.year), desc(editions.month), desc(editions.publishedAt))
    .limit(1);
  return row ? { title: row.title, content: row.content as FrozenProfile } : null;
}

/** The document of one slot of a frozen profile. */
export function frozenDoc(content: FrozenProfile, section: 'introduction' | DomainKey, part: string): unknown {
  if (section === 'introduction') return content.introduction;
  return content.domains[section]?.[part as 'strengths' | 'potential'];
}
