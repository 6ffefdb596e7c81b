import 'server-only';
import { rewords } from '../domain/editor/rewording';
import { and, desc, eq, sql } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { assessmentParts, editions, partRevisionContributors, partRevisions, users } from '../../db/schema';
import { validateProfileDoc } from '../domain/editor/validate-doc';
import type { PartKey, SectionKey } from '../domain/profile';
import type { FrozenProfile } from '../domain/edition';
import { emptyDoc } from '../domain/editor/schema';
import { judgeAssessment, type Actor } from '../policy';
import { getAssessmentHeader } from './assessments';
import { ConflictError, InvalidInputError, NotFoundError, verdictError } from './errors';
import { shareLockProfile } from './profile-lock';
import { rowsOf } from './sql-rows';
import { clearAcceptance } from './domain-reviews';
import { frozenDoc } from './editions';
import { announceSaved, moveLiveStateOn } from './live-parts';
import { notifySuggestions } from './suggestion-notifications';

export interface PartRef {
  assessmentId: string;
  section: SectionKey;
  part: PartKey;
}

/** What a conflicting save meets: the current text, and who saved it when (the author may have been removed). */
export interface CurrentPart {
  doc: unknown;
  revision: number;
  savedBy: { name: string } | null;
  /** ISO 8601; null for a part never saved. */
  savedAt: string | null;
}

/** A save based on a revision that is no longer the latest; carries the current text and its author. */
export class RevisionConflictError extends ConflictError {
  constructor(readonly current: CurrentPart) {
    super('revision_conflict', 'Someone saved this part meanwhile; here is their text.', { ...current });
  }
}

const whereSlot = (ref: PartRef) =>
  and(
    eq(assessmentParts.assessmentId, ref.assessmentId),
    eq(assessmentParts.section, ref.section),
    eq(assessmentParts.part, ref.part),
  );

/**
 * Saves a part's document if `baseRevision` is still its latest revision, and
 * records the new revision, in one transaction. Otherwise nothing changes and
 * RevisionConflictError returns the current text: no save silently overwrites
 * another.
 */
export async function savePart(
  actor: Actor,
  ref: PartRef,
  input: { doc: unknown; baseRevision: number },
  options: { restoredFrom?: number } = {},
): Promise<{ revision: number }> {
  const checked = validateProfileDoc(input.doc);
  const db = await getDb();
  const saved = await db.transaction(async (tx) => {
    const profile = await shareLockProfile(tx, ref.assessmentId);
    const verdict = judgeAssessment(actor, 'edit', profile);
    if (verdict !== 'allowed') throw verdictError(verdict, profile.state);
    // Rights first, so that a stranger learns nothing from a validation message.
    if (!checked.ok) throw new InvalidInputError(checked.code, checked.message, checked.path ? { path: checked.path } : undefined);
    // The text replaced, locked: suggestions new since it are told to the consultants.
    const [previous] = await tx.select({ doc: assessmentParts.doc }).from(assessmentParts).where(whereSlot(ref)).for('update');
    // Update the part and record the revision in one statement (one round trip).
    const [saved] = rowsOf<{ revision: number }>(
      await tx.execute(sql`
        WITH saved AS (
          UPDATE ${assessmentParts}
          SET doc = ${JSON.stringify(checked.doc)}::jsonb, revision = revision + 1, updated_by = ${actor.userId}, updated_at = now()
          WHERE assessment_id = ${ref.assessmentId} AND section = ${ref.section} AND part = ${ref.part}
            AND revision = ${input.baseRevision}
          RETURNING assessment_id, section, part, revision, doc
        )
        INSERT INTO ${partRevisions} (assessment_id, section, part, revision, doc, author_id, restored_from, rewords)
        SELECT assessment_id, section, part, revision, doc, ${actor.userId}, ${options.restoredFrom ?? null}::int, ${rewords(previous?.doc, checked.doc)}::boolean FROM saved
        RETURNING revision`),
    );
    if (!saved) {
      const [current] = await tx
        .select({ doc: assessmentParts.doc, revision: assessmentParts.revision, savedByName: users.name, savedAt: assessmentParts.updatedAt })
        .from(assessmentParts)
        .leftJoin(users, eq(users.id, assessmentParts.updatedBy))
        .where(whereSlot(ref));
      if (!current) throw new NotFoundError('part');
      throw new RevisionConflictError({
        doc: current.doc,
        revision: current.revision,
        savedBy: current.savedByName === null ? null : { name: current.savedByName },
        savedAt: current.savedAt?.toISOString() ?? null,
      });
    }
    await moveLiveStateOn(tx, ref, checked.doc);
    if (ref.section !== 'introduction') await clearAcceptance(tx, ref.assessmentId, ref.section);
    const revision = Number(saved.revision);
    await notifySuggestions(tx, ref, previous?.doc, checked.doc);
    // The profile row is only share-locked here: touching it would make
    // concurrent savers deadlock. Its last edit is the newest part's updated_at.
    return { revision };
  });
  if (checked.ok) announceSaved(ref, checked.doc);
  return saved;
}

/** The saved revisions of a part, newest first, without their documents. */
export async function listPartRevisions(actor: Actor, ref: PartRef) {
  await getAssessmentHeader(actor, ref.assessmentId);
  const db = await getDb();
  return db
    .select({
      revision: partRevisions.revision,
      createdAt: partRevisions.createdAt,
      // Everyone whose live edits went into it, or else its one author.
      authorName: sql<string | null>`coalesce((
        SELECT string_agg(u.name, ', ' ORDER BY u.name) FROM ${partRevisionContributors} c JOIN ${users} u ON u.id = c.user_id
        WHERE c.assessment_id = ${partRevisions.assessmentId} AND c.section = ${partRevisions.section}
          AND c.part = ${partRevisions.part} AND c.revision = ${partRevisions.revision}), ${users.name})`,
      restoredFrom: partRevisions.restoredFrom,
      // False: suggestions made, withdrawn or turned down, the words as they were (null: not recorded then).
      rewords: partRevisions.rewords,
    })
    .from(partRevisions)
    .leftJoin(users, eq(users.id, partRevisions.authorId))
    .where(and(eq(partRevisions.assessmentId, ref.assessmentId), eq(partRevisions.section, ref.section), eq(partRevisions.part, ref.part)))
    .orderBy(desc(partRevisions.revision));
}

export async function getPartRevision(actor: Actor, ref: PartRef, revision: number) {
  await getAssessmentHeader(actor, ref.assessmentId);
  const db = await getDb();
  const [row] = await db
    .select({ revision: partRevisions.revision, doc: partRevisions.doc, createdAt: partRevisions.createdAt, authorName: users.name })
    .from(partRevisions)
    .leftJoin(users, eq(users.id, partRevisions.authorId))
    .where(
      and(
        eq(partRevisions.assessmentId, ref.assessmentId),
        eq(partRevisions.section, ref.section),
        eq(partRevisions.part, ref.part),
        eq(partRevisions.revision, revision),
      ),
    );
  if (!row) throw new NotFoundError('revision');
  return row;
}

/**
 * What a part held before its first save (its revision 0): the copy of the
 * latest edition in the profile's language when the profile was started
 * (lib/data/assessments.ts copies it), or an empty text. Editions published
 * later cannot be its origin: publishing closes the round.
 */
export async function getPartStart(actor: Actor, ref: PartRef): Promise<{ doc: unknown; edition: { year: number; month: number } | null }> {
  const header = await getAssessmentHeader(actor, ref.assessmentId);
  const db = await getDb();
  const [edition] = await db
    .select({ year: editions.year, month: editions.month, content: editions.content })
    .from(editions)
    .where(
      and(
        eq(editions.jurisdictionId, header.jurisdictionId),
        eq(editions.language, header.language),
        sql`${editions.publishedAt} <= ${header.createdAt}`,
      ),
    )
    .orderBy(desc(editions.year), desc(editions.month), desc(editions.publishedAt))
    .limit(1);
  const doc = edition ? frozenDoc(edition.content as FrozenProfile, ref.section, ref.part) : undefined;
  return doc ? { doc, edition: { year: edition.year, month: edition.month } } : { doc: emptyDoc, edition: null };
}

/** Restoring an old revision saves its text as a new revision; nothing is erased. */
export async function restorePartRevision(actor: Actor, ref: PartRef, revision: number, baseRevision: number) {
  const old = await getPartRevision(actor, ref, revision);
  return savePart(actor, ref, { doc: old.doc, baseRevision }, { restoredFrom: revision });
}
