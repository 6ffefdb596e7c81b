import 'server-only';
import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { getDb, type Tx } from '../../db/client';
import { assessmentParts, assessments, assessmentTransitions, commentThreads, editions, jurisdictions, suggestionDecisions, users } from '../../db/schema';
import { stripCommentMarks, type FrozenJurisdiction, type FrozenProfile, type SignOff, type SuggestionTally } from '../domain/edition';
import type { Locale } from '../domain/locales';
import { domainKeys, type DomainKey } from '../domain/profile';
import type { Actor } from '../policy';
import { ConflictError, InvalidInputError, NotFoundError } from './errors';
import { getAssessmentHeader } from './assessments';
import { planPublication, type PublicationPlan } from '../domain/publication-plan';
import { holdsNul } from '../domain/plain-text';
import { countryCodesMatching } from '../domain/countries';

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

/** Today's year and month by the database clock, in UTC, and the instant itself. */
async function databaseMonth(tx: Tx) {
  const [row] = await tx
    .select({
      year: sql<number>`extract(year from now() at time zone 'UTC')::int`,
      month: sql<number>`extract(month from now() at time zone 'UTC')::int`,
      now: sql<string>`to_json(now())#>>'{}'`,
    })
    .from(sql`(select 1) as one`);
  return row;
}

/** The newest version of one month's edition of a jurisdiction in a language. */
async function headOfMonth(tx: Tx, where: { jurisdictionId: string; language: Locale; year: number; month: number }) {
  const [row] = await tx
    .select({ id: editions.id, version: editions.version })
    .from(editions)
    .where(
      and(eq(editions.jurisdictionId, where.jurisdictionId), eq(editions.language, where.language), eq(editions.year, where.year), eq(editions.month, where.month)),
    )
    .orderBy(desc(editions.version))
    .limit(1);
  return row;
}

/**
 * What publishing this profile would make, decided by the round (see
 * lib/domain/publication-plan.ts), with the version a correction replaces.
 */
export async function publicationPlanIn(tx: Tx, assessmentId: string) {
  const [profile] = await tx
    .select({ jurisdictionId: assessments.jurisdictionId, language: assessments.language, correctsEditionId: assessments.correctsEditionId, sourceId: assessments.sourceId })
    .from(assessments)
    .where(eq(assessments.id, assessmentId));
  if (!profile) throw new NotFoundError('profile');
  const today = await databaseMonth(tx);
  let corrects: { year: number; month: number; version: number; id: string } | null = null;
  if (profile.correctsEditionId) {
    const [target] = await tx.select({ year: editions.year, month: editions.month }).from(editions).where(eq(editions.id, profile.correctsEditionId));
    // Corrections replace the month's newest version, which may be newer than the one the round started from.
    const head = target && (await headOfMonth(tx, { jurisdictionId: profile.jurisdictionId, language: profile.language, ...target }));
    if (target && head) corrects = { ...target, version: head.version, id: head.id };
  }
  const taken = corrects ? undefined : await headOfMonth(tx, { jurisdictionId: profile.jurisdictionId, language: profile.language, year: today.year, month: today.month });
  // A translation whose source went out joins the source's edition (the month of its newest one).
  let joins: { year: number; month: number; taken: boolean } | null = null;
  if (profile.sourceId && !corrects) {
    const [sourceEdition] = await tx
      .select({ year: editions.year, month: editions.month })
      .from(editions)
      .where(eq(editions.assessmentId, profile.sourceId))
      .orderBy(desc(editions.year), desc(editions.month), desc(editions.version))
      .limit(1);
    if (sourceEdition) {
      const there = await headOfMonth(tx, { jurisdictionId: profile.jurisdictionId, language: profile.language, ...sourceEdition });
      joins = { ...sourceEdition, taken: Boolean(there) };
    }
  }
  const plan = planPublication({ corrects, now: today, currentMonthTaken: Boolean(taken), joins });
  return { plan, replaces: corrects?.id ?? null, now: today.now };
}

/** What publishing this profile would make, for the page that shows it before anyone presses Publish. */
export async function publicationPlan(actor: Actor, assessmentId: string): Promise<PublicationPlan> {
  await getAssessmentHeader(actor, assessmentId);
  const db = await getDb();
  return db.transaction(async (tx) => (await publicationPlanIn(tx, assessmentId)).plan);
}

/** The suggested changes decided in this profile, per section, with who decided them: part of the sign-off trail. */
async function suggestionTallies(tx: Tx, assessmentId: string): Promise<SuggestionTally[]> {
  const rows = await tx
    .select({ section: suggestionDecisions.section, decision: suggestionDecisions.decision, decider: users.name })
    .from(suggestionDecisions)
    .leftJoin(users, eq(users.id, suggestionDecisions.deciderId))
    .where(eq(suggestionDecisions.assessmentId, assessmentId))
    .orderBy(asc(suggestionDecisions.decidedAt));
  const tallies = new Map<string, SuggestionTally>();
  for (const r of rows) {
    const tally = tallies.get(r.section) ?? { section: r.section, accepted: 0, rejected: 0, decidedBy: [] };
    if (r.decision === 'accepted') tally.accepted++;
    else tally.rejected++;
    if (r.decider && !tally.decidedBy.includes(r.decider)) tally.decidedBy.push(r.decider);
    tallies.set(r.section, tally);
  }
  const order = ['introduction', ...domainKeys] as string[];
  return [...tallies.values()].sort((a, b) => order.indexOf(a.section) - order.indexOf(b.section));
}

/**
 * Everything an edition of this profile would hold, as it stands now: the
 * text with comment marks removed, the jurisdiction as it is named today and
 * the sign-off trail. Shared by publishing and by the preview shown before it.
 */
async function collectEdition(tx: Tx, publisherName: string | null, assessmentId: string, now: string) {
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
    publishedBy: publisherName,
    publishedAt: new Date(now).toISOString(),
    resolvedComments: resolved,
    suggestions: await suggestionTallies(tx, assessmentId),
  };
  const frozen: FrozenJurisdiction = { name: profile.name, level: profile.level, country: profile.country };
  return { profile, content, signOff, frozen };
}

/**
 * Freezes a profile into an edition, inside the publish transition's
 * transaction (the profile row is locked by it). The edition is dated by the
 * database's clock, in UTC. What it becomes was decided when the round started
 * (publicationPlanIn): a new edition of this month, refused with what to do
 * when the month already has one, or the next version of a corrected month,
 * whose note (the publisher's, required) is shown with it.
 */
export async function freezeEdition(tx: Tx, actor: Actor, assessmentId: string, note: string | null = null) {
  const { plan, replaces, now } = await publicationPlanIn(tx, assessmentId);
  const { profile, content, signOff, frozen } = await collectEdition(tx, actor.name, assessmentId, now);
  if (plan.kind === 'wait') {
    throw new ConflictError(
      'edition_exists_this_month',
      `${profile.name} already has an edition in this language published in ${monthName(plan.year, plan.month)}, and editions are dated by month. Publish this profile from next month on; it stays approved until then.`,
      { year: plan.year, month: plan.month },
    );
  }
  if (plan.kind === 'correction' && !note?.trim()) {
    throw new InvalidInputError('correction_note_required', 'Say what this correction changes: the note is published with it.');
  }
  const [edition] = await tx
    .insert(editions)
    .values({
      jurisdictionId: profile.jurisdictionId,
      assessmentId,
      language: profile.language,
      year: plan.year,
      month: plan.month,
      title: profile.title,
      content,
      jurisdiction: frozen,
      signOff,
      ...(plan.kind === 'correction' ? { version: plan.version, correctsEditionId: replaces, note: note!.trim() } : {}),
    })
    .returning({ id: editions.id, year: editions.year, month: editions.month, version: editions.version });
  return edition;
}

/**
 * The edition this profile would become if it were published now, for the
 * preview before publishing: built like the real one, inserted nowhere.
 */
export async function previewEdition(actor: Actor, assessmentId: string): Promise<{ view: EditionView; plan: PublicationPlan }> {
  const header = await getAssessmentHeader(actor, assessmentId);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { plan, replaces, now } = await publicationPlanIn(tx, assessmentId);
    const { profile, content, signOff, frozen } = await collectEdition(tx, actor.name, assessmentId, now);
    const view: EditionView = {
      id: `preview-${assessmentId}`,
      slug: header.jurisdictionSlug,
      language: profile.language,
      year: plan.year,
      month: plan.month,
      version: plan.kind === 'correction' ? plan.version : 1,
      correctsEditionId: replaces,
      title: profile.title,
      content,
      jurisdiction: frozen,
      signOff,
      note: null,
      publishedAt: new Date(now),
    };
    return { view, plan };
  });
}

/** The edition a profile was published as, if it was. */
export async function editionOfProfile(actor: Actor, assessmentId: string) {
  const header = await getAssessmentHeader(actor, assessmentId);
  const db = await getDb();
  const [row] = await db
    .select({ year: editions.year, month: editions.month, version: editions.version, language: editions.language })
    .from(editions)
    .where(eq(editions.assessmentId, assessmentId));
  return row ? { ...row, slug: header.jurisdictionSlug } : null;
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
  version: editions.version,
  correctsEditionId: editions.correctsEditionId,
};

export type EditionSummary = {
  id: string;
  slug: string;
  language: Locale;
  year: number;
  month: number;
  title: string;
  jurisdiction: FrozenJurisdiction;
  publishedAt: Date;
  /** 1 as first published; 2 and on for corrections. */
  version: number;
  correctsEditionId: string | null;
};

// Written out qualified: inside a subquery drizzle would name the column without its table.
/** The version of its month that no correction has replaced: the one lists show. */
const isCurrentVersion = sql`not exists (select 1 from editions c where c.corrects_edition_id = ${editions.id})`;

/** Every edition (as it stands now: corrected months once, by their newest version), newest first; or one jurisdiction's. Public: no actor needed. */
export async function listEditions(filter: { jurisdiction?: string } = {}): Promise<EditionSummary[]> {
  const db = await getDb();
  const rows = await db
    .select(summaryColumns)
    .from(editions)
    .innerJoin(jurisdictions, eq(jurisdictions.id, editions.jurisdictionId))
    .where(and(isCurrentVersion, filter.jurisdiction ? eq(jurisdictions.slug, filter.jurisdiction) : undefined))
    .orderBy(desc(editions.year), desc(editions.month), desc(editions.publishedAt));
  return rows as EditionSummary[];
}

/** Every version of one month's edition (the original first, then its corrections), for the notices on its pages. */
export async function listEditionVersions(slug: string, when: { year: number; month: number }, language: Locale): Promise<Array<EditionSummary & { note: string | null }>> {
  const db = await getDb();
  const rows = await db
    .select({ ...summaryColumns, note: editions.note })
    .from(editions)
    .innerJoin(jurisdictions, eq(jurisdictions.id, editions.jurisdictionId))
    .where(and(eq(jurisdictions.slug, slug), eq(editions.year, when.year), eq(editions.month, when.month), eq(editions.language, language)))
    .orderBy(asc(editions.version));
  return rows as Array<EditionSummary & { note: string | null }>;
}

export interface PublicJurisdictionFilter {
  q?: string;
  country?: string;
  level?: 'country' | 'state' | 'municipality';
}

/**
 * The public index's words: in the jurisdiction's name or an edition's title
 * ("Metropolitana" finds Lima's "Municipalidad Metropolitana de Lima"), or
 * naming its country in any interface language, accents and case ignored
 * ("canton" finds "Cantón Huaquillas"; unaccent: db/migrations/0017).
 */
function nameTitleOrCountry(q: string): SQL {
  const pattern = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  const codes = countryCodesMatching(q);
  return or(
    sql`unaccent(${jurisdictions.name}) ILIKE unaccent(${pattern})`,
    sql`exists (select 1 from editions t where t.jurisdiction_id = jurisdictions.id and unaccent(t.title) ILIKE unaccent(${pattern}))`,
    codes.length > 0 ? inArray(jurisdictions.country, codes) : undefined,
  )!;
}

/** Jurisdictions with at least one edition, with their latest, for the public index. */
export async function listPublishedJurisdictions(filter: PublicJurisdictionFilter = {}) {
  const db = await getDb();
  // Written out qualified: inside a subquery drizzle would name the column without its table.
  const published = sql`exists (select 1 from editions e where e.jurisdiction_id = jurisdictions.id)`;
  const where: SQL[] = [published];
  // PostgreSQL text cannot hold NUL: such a filter matches nothing (as a query it would fail, and a
  // stranger's `?q=%00` would get a server error).
  if ([filter.q, filter.country].some((v) => v && holdsNul(v))) where.push(sql`false`);
  else {
    if (filter.q) where.push(nameTitleOrCountry(filter.q));
    if (filter.country) where.push(eq(jurisdictions.country, filter.country));
  }
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
  version: number;
  correctsEditionId: string | null;
  title: string;
  content: FrozenProfile;
  jurisdiction: FrozenJurisdiction;
  signOff: SignOff;
  note: string | null;
  publishedAt: Date;
}

/**
 * One edition of a jurisdiction: a given month (its newest version, or the
 * version named), or the latest. When the jurisdiction has editions in
 * several content languages, `language` picks one; without it the newest wins.
 */
export async function getEdition(
  slug: string,
  when: { year: number; month: number; version?: number } | 'latest',
  language?: Locale,
): Promise<EditionView | null> {
  const db = await getDb();
  const conditions = [eq(jurisdictions.slug, slug)];
  if (when !== 'latest') conditions.push(eq(editions.year, when.year), eq(editions.month, when.month));
  if (when !== 'latest' && when.version) conditions.push(eq(editions.version, when.version));
  if (language) conditions.push(eq(editions.language, language));
  const [row] = await db
    .select({ ...summaryColumns, content: editions.content, signOff: editions.signOff, note: editions.note })
    .from(editions)
    .innerJoin(jurisdictions, eq(jurisdictions.id, editions.jurisdictionId))
    .where(and(...conditions))
    .orderBy(desc(editions.year), desc(editions.month), desc(editions.version), desc(editions.publishedAt))
    .limit(1);
  return (row as EditionView | undefined) ?? null;
}

/** The latest edition of a jurisdiction in a content language (its newest version), to start a new round from. */
export async function latestEditionContent(tx: Tx, jurisdictionId: string, language: Locale) {
  const [row] = await tx
    .select({ id: editions.id, year: editions.year, month: editions.month, version: editions.version, content: editions.content, title: editions.title })
    .from(editions)
    .where(and(eq(editions.jurisdictionId, jurisdictionId), eq(editions.language, language)))
    .orderBy(desc(editions.year), desc(editions.month), desc(editions.version), desc(editions.publishedAt))
    .limit(1);
  return row ? { ...row, content: row.content as FrozenProfile } : null;
}

/** The latest edition of a jurisdiction per content language, for the start form and the jurisdiction page. */
export async function latestEditionsOf(jurisdictionId: string) {
  const db = await getDb();
  const rows = await db
    .select({ id: editions.id, language: editions.language, year: editions.year, month: editions.month, version: editions.version })
    .from(editions)
    .where(and(eq(editions.jurisdictionId, jurisdictionId), isCurrentVersion))
    .orderBy(desc(editions.year), desc(editions.month), desc(editions.publishedAt));
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.language) && seen.add(r.language));
}

/** The document of one slot of a frozen profile. */
export function frozenDoc(content: FrozenProfile, section: 'introduction' | DomainKey, part: string): unknown {
  if (section === 'introduction') return content.introduction;
  return content.domains[section]?.[part as 'strengths' | 'potential'];
}

/** The month and version of an edition by its id (editions are public), e.g. the one a round was copied from. */
export async function editionMonthById(id: string) {
  const db = await getDb();
  const [row] = await db.select({ year: editions.year, month: editions.month, version: editions.version }).from(editions).where(eq(editions.id, id));
  return row ?? null;
}
