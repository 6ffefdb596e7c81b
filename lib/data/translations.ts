import 'server-only';
import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { getDb, type Tx } from '../../db/client';
import { assessmentParts, assessments, jurisdictions, partRevisions } from '../../db/schema';
import { countryName } from '../domain/countries';
import { stripCommentMarks } from '../domain/edition';
import type { Locale } from '../domain/locales';
import { defaultProfileTitle } from '../domain/profile';
import { staleSlots, withStaleness, type SourcePart } from '../domain/translation';
import { judgeAssessment, judgeStartTranslation, seesProfile, visibleProfileStates, type Actor } from '../policy';
import { openAssessmentConflict } from './assessments';
import { ConflictError, InvalidInputError, isUniqueViolation, NotFoundError, verdictError } from './errors';
import { getPartRevision, getPartStart, type PartRef } from './parts';
import { rowsOf } from './sql-rows';
import { textBlocks } from '../domain/editor/doc-text';

type Queryable = Pick<Tx, 'execute'>;

/**
 * Each part of a profile with its current text revision: the newest saved
 * revision (part_revisions), 0 when it still holds the text it started with.
 * Comment marks move assessment_parts.revision on without changing a word and
 * write no revision row, so they do not count. One index lookup per part.
 */
export async function sourceTextRevisions(q: Queryable, sourceId: string): Promise<Array<SourcePart & { doc: unknown }>> {
  const rows = rowsOf<{ section: string; part: string; doc: unknown; text_revision: number }>(
    await q.execute(sql`
      SELECT p.section, p.part, p.doc,
        coalesce((SELECT max(r.revision) FROM ${partRevisions} r
                  WHERE r.assessment_id = p.assessment_id AND r.section = p.section AND r.part = p.part), 0) AS text_revision
      FROM ${assessmentParts} p WHERE p.assessment_id = ${sourceId}`),
  );
  return rows.map((r) => ({ section: r.section, part: r.part, doc: typeof r.doc === 'string' ? JSON.parse(r.doc) : r.doc, textRevision: Number(r.text_revision) }));
}

/**
 * Starts a translation of a profile (in any state) into another content
 * language: a profile of its own, of the same jurisdiction, linked to its
 * source, whose parts start as copies of the source's text (without comment
 * marks) and record the source revision each was copied from, in one
 * transaction. One open profile per jurisdiction and language, as for any
 * profile: a second is a 409 naming the open one.
 */
export async function startTranslation(actor: Actor, sourceId: string, language: Locale): Promise<{ id: string }> {
  const db = await getDb();
  const [source] = await db
    .select({
      id: assessments.id,
      jurisdictionId: assessments.jurisdictionId,
      state: assessments.state,
      language: assessments.language,
      sourceId: assessments.sourceId,
      jurisdictionName: jurisdictions.name,
      country: jurisdictions.country,
      level: jurisdictions.level,
    })
    .from(assessments)
    .innerJoin(jurisdictions, eq(jurisdictions.id, assessments.jurisdictionId))
    .where(eq(assessments.id, sourceId));
  if (!source) throw new NotFoundError('profile');
  const verdict = judgeStartTranslation(actor, source);
  if (verdict !== 'allowed') throw verdictError(verdict === 'wrong_state' ? 'denied' : verdict);
  if (source.sourceId) {
    throw new InvalidInputError('translate_the_source', 'This profile is itself a translation; translate its source instead.', { sourceId: source.sourceId });
  }
  if (language === source.language) {
    throw new InvalidInputError('same_language', 'A translation is in another language than its source.', { field: 'language' });
  }
  const open = async () => {
    const [row] = await db
      .select({ id: assessments.id })
      .from(assessments)
      .where(and(eq(assessments.jurisdictionId, source.jurisdictionId), eq(assessments.language, language), ne(assessments.state, 'published')));
    return row;
  };
  const existing = await open();
  if (existing) throw openAssessmentConflict(existing.id);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(assessments)
        .values({
          jurisdictionId: source.jurisdictionId,
          language,
          title: defaultProfileTitle(language, source.jurisdictionName, countryName(source.country, language), source.level === 'country'),
          createdBy: actor.userId,
          sourceId: source.id,
        })
        .returning({ id: assessments.id });
      // Text and revision come from one statement, so they belong together.
      const parts = await sourceTextRevisions(tx, source.id);
      await tx.insert(assessmentParts).values(
        parts.map((p) => ({
          assessmentId: row.id,
          section: p.section,
          part: p.part,
          doc: stripCommentMarks(p.doc),
          sourceRevision: p.textRevision,
        })),
      );
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const winner = await open(); // someone started it at the same moment
      if (winner) throw openAssessmentConflict(winner.id);
    }
    throw error;
  }
}

export interface TranslatedPartState {
  section: string;
  part: string;
  sourceRevision: number | null;
  stale: boolean;
  /** The source part's current text revision. */
  sourceTextRevision: number;
  /** The source part's current text, without comment marks. */
  sourceDoc: unknown;
  /** It still says, word for word, what the source says now: not translated yet (a part started as a copy). */
  untranslated: boolean;
}

/**
 * A translation's source and each part's standing against it, or null for a
 * profile that translates nothing. The source's text is included only for
 * those who see the source (lib/policy); staleness is a fact about the
 * translation and shown to whoever sees it.
 */
export async function translationState(
  actor: Actor,
  header: { id: string; sourceId: string | null },
): Promise<{ source: { id: string; title: string; language: Locale; state: string; visible: boolean }; parts: TranslatedPartState[] } | null> {
  if (!header.sourceId) return null;
  const db = await getDb();
  const [source] = await db
    .select({ id: assessments.id, title: assessments.title, language: assessments.language, state: assessments.state, jurisdictionId: assessments.jurisdictionId })
    .from(assessments)
    .where(eq(assessments.id, header.sourceId));
  if (!source) return null;
  const visible = seesProfile(actor, source);
  const translated = await db
    .select({ section: assessmentParts.section, part: assessmentParts.part, sourceRevision: assessmentParts.sourceRevision, doc: assessmentParts.doc })
    .from(assessmentParts)
    .where(eq(assessmentParts.assessmentId, header.id));
  const sourceParts = await sourceTextRevisions(db, source.id);
  const words = (doc: unknown) => textBlocks(doc).join('\n').trim();
  const parts = withStaleness(translated, sourceParts).map(({ doc, ...p }) => {
    const s = sourceParts.find((x) => x.section === p.section && x.part === p.part);
    const untranslated = Boolean(s) && words(doc) !== '' && words(doc) === words(s!.doc);
    return { ...p, sourceTextRevision: s?.textRevision ?? 0, sourceDoc: visible && s ? stripCommentMarks(s.doc) : null, untranslated };
  });
  return { source: { id: source.id, title: source.title, language: source.language, state: source.state, visible }, parts };
}

/** The stale parts of a translation as `section/part` (none for other profiles), inside a transaction. */
export async function staleSlotsOf(tx: Tx, assessmentId: string): Promise<string[]> {
  const [profile] = await tx.select({ sourceId: assessments.sourceId }).from(assessments).where(eq(assessments.id, assessmentId));
  if (!profile?.sourceId) return [];
  const translated = await tx
    .select({ section: assessmentParts.section, part: assessmentParts.part, sourceRevision: assessmentParts.sourceRevision })
    .from(assessmentParts)
    .where(eq(assessmentParts.assessmentId, assessmentId));
  return staleSlots(translated, await sourceTextRevisions(tx, profile.sourceId));
}

/**
 * The source part's text at the revision a translated part recorded, for the
 * word-level diff: a saved revision, or (0) the text the source started with.
 */
export async function sourceTextAt(actor: Actor, sourceRef: PartRef, revision: number): Promise<unknown> {
  if (revision === 0) return (await getPartStart(actor, sourceRef)).doc;
  try {
    return (await getPartRevision(actor, sourceRef, revision)).doc;
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

/**
 * Marks a translated part up to date: records the source part's current text
 * revision. With `seen` (the source revision the translator was shown), the
 * UPDATE records it only if the source is still there, so a source saved
 * meanwhile is a 409 rather than a change nobody looked at; the revision is
 * read in the UPDATE itself, so it is always one the source really has. Same
 * rights as editing the part; the profile row is share-locked, as for a save,
 * so the workflow cannot move on between the check and the write.
 */
export async function markPartUpToDate(actor: Actor, ref: PartRef, seen?: number): Promise<{ sourceRevision: number }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [profile] = await tx
      .select({ jurisdictionId: assessments.jurisdictionId, state: assessments.state, sourceId: assessments.sourceId })
      .from(assessments)
      .where(eq(assessments.id, ref.assessmentId))
      .for('share');
    if (!profile) throw new NotFoundError('profile');
    const verdict = judgeAssessment(actor, 'edit', profile);
    if (verdict !== 'allowed') throw verdictError(verdict, profile.state);
    if (!profile.sourceId) throw new InvalidInputError('not_a_translation', 'This profile is not a translation.');
    const [row] = rowsOf<{ source_revision: number }>(
      await tx.execute(sql`
        UPDATE ${assessmentParts} t SET source_revision = cur.revision
        FROM (SELECT coalesce(max(r.revision), 0) AS revision FROM ${partRevisions} r
              WHERE r.assessment_id = ${profile.sourceId} AND r.section = ${ref.section} AND r.part = ${ref.part}) cur
        WHERE t.assessment_id = ${ref.assessmentId} AND t.section = ${ref.section} AND t.part = ${ref.part}
          AND (${seen ?? null}::int IS NULL OR cur.revision = ${seen ?? null}::int)
        RETURNING t.source_revision`),
    );
    if (row) return { sourceRevision: Number(row.source_revision) };
    const [current] = (await sourceTextRevisions(tx, profile.sourceId)).filter((p) => p.section === ref.section && p.part === ref.part);
    if (!current) throw new NotFoundError('part');
    throw new ConflictError('source_moved', 'The source part changed again meanwhile; look at the new changes first.', {
      sourceRevision: current.textRevision,
    });
  });
}

/** The translations of a profile the actor sees, with how many of their parts are stale. */
export async function listTranslationsOf(actor: Actor, source: { id: string; jurisdictionId: string }) {
  const states = visibleProfileStates(actor, source.jurisdictionId);
  if (states.length === 0) return [];
  const db = await getDb();
  const rows = await db
    .select({ id: assessments.id, title: assessments.title, language: assessments.language, state: assessments.state })
    .from(assessments)
    .where(and(eq(assessments.sourceId, source.id), inArray(assessments.state, states)))
    .orderBy(asc(assessments.language), desc(assessments.createdAt));
  if (rows.length === 0) return [];
  const stale = await staleCounts(db, rows.map((r) => ({ id: r.id, sourceId: source.id })));
  return rows.map((r) => ({ ...r, stale: stale.get(r.id) ?? 0 }));
}

/**
 * How many parts of each translation are stale, for profiles already listed to
 * someone (the overview, the dashboard): one query for their parts, one per
 * source. Profiles that translate nothing are left out of the map.
 */
export async function staleCounts(q: Pick<Tx, 'execute' | 'select'>, profiles: Array<{ id: string; sourceId: string | null }>): Promise<Map<string, number>> {
  const translations = profiles.filter((p): p is { id: string; sourceId: string } => p.sourceId !== null);
  const counts = new Map<string, number>();
  if (translations.length === 0) return counts;
  const parts = await q
    .select({ assessmentId: assessmentParts.assessmentId, section: assessmentParts.section, part: assessmentParts.part, sourceRevision: assessmentParts.sourceRevision })
    .from(assessmentParts)
    .where(inArray(assessmentParts.assessmentId, translations.map((t) => t.id)));
  const sources = new Map<string, SourcePart[]>();
  for (const sourceId of new Set(translations.map((t) => t.sourceId))) sources.set(sourceId, await sourceTextRevisions(q, sourceId));
  for (const t of translations) counts.set(t.id, staleSlots(parts.filter((p) => p.assessmentId === t.id), sources.get(t.sourceId)!).length);
  return counts;
}
