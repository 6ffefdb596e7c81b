import 'server-only';
import { frozenDoc, latestEditionContent } from './editions';
import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { assessmentParts, assessments, jurisdictions, titleEdits, users } from '../../db/schema';
import type { Locale } from '../domain/locales';
import { defaultProfileTitle, profileSlots } from '../domain/profile';
import { countryName } from '../domain/countries';
import { emptyDoc } from '../domain/editor/schema';
import { canSeeJurisdiction, canStartAssessment, judgeAssessment, visibleProfileStates, type Actor } from '../policy';
import { ConflictError, ForbiddenError, InvalidInputError, isUniqueViolation, NotFoundError, verdictError } from './errors';

const assessmentColumns = {
  id: assessments.id,
  language: assessments.language,
  title: assessments.title,
  state: assessments.state,
  createdAt: assessments.createdAt,
  updatedAt: assessments.updatedAt,
  basedOnEditionId: assessments.basedOnEditionId,
  correctsEditionId: assessments.correctsEditionId,
  sourceId: assessments.sourceId,
  jurisdictionId: jurisdictions.id,
  jurisdictionSlug: jurisdictions.slug,
  jurisdictionName: jurisdictions.name,
  jurisdictionLevel: jurisdictions.level,
  country: jurisdictions.country,
};

export function openAssessmentConflict(id: string) {
  return new ConflictError('assessment_open', 'An unpublished profile in this language already exists; continue that one.', { id });
}

/**
 * Starts a profile of a jurisdiction in a content language, with its thirteen
 * parts (empty, or copied from the latest edition in that language), in one
 * transaction. Only a consultant of the jurisdiction may. `publishAs` decides
 * now, not at the end, whether the round becomes a new edition or a correction
 * of the latest one (lib/domain/publication-plan.ts).
 */
export async function startAssessment(actor: Actor, input: { jurisdiction: string; language: Locale; publishAs?: 'edition' | 'correction' }) {
  const db = await getDb();
  const [j] = await db.select().from(jurisdictions).where(eq(jurisdictions.slug, input.jurisdiction.toLowerCase()));
  if (!j || !canSeeJurisdiction(actor, j.id)) throw new NotFoundError('jurisdiction');
  if (!canStartAssessment(actor, j.id)) throw new ForbiddenError('Only a consultant of this jurisdiction can start its profile.');
  const open = async () => {
    const [row] = await db
      .select({ id: assessments.id })
      .from(assessments)
      .where(and(eq(assessments.jurisdictionId, j.id), eq(assessments.language, input.language), ne(assessments.state, 'published')));
    return row;
  };
  const existing = await open();
  if (existing) throw openAssessmentConflict(existing.id);
  try {
    return await db.transaction(async (tx) => {
      // A new round starts from the latest edition in this language, if there is one.
      const previous = await latestEditionContent(tx, j.id, input.language);
      if (input.publishAs === 'correction' && !previous) {
        throw new InvalidInputError('nothing_to_correct', 'There is no edition in this language to correct yet.', { field: 'publishAs' });
      }
      const [row] = await tx
        .insert(assessments)
        .values({
          jurisdictionId: j.id,
          language: input.language,
          title: previous?.title ?? defaultProfileTitle(input.language, j.name, countryName(j.country, input.language), j.level === 'country'),
          createdBy: actor.userId,
          basedOnEditionId: previous?.id ?? null,
          correctsEditionId: input.publishAs === 'correction' ? previous!.id : null,
        })
        .returning({ id: assessments.id });
      await tx.insert(assessmentParts).values(
        profileSlots.map((slot) => ({
          assessmentId: row.id,
          section: slot.section,
          part: slot.part,
          doc: (previous && frozenDoc(previous.content, slot.section, slot.part)) ?? emptyDoc,
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

/** A profile's header, or NotFoundError when it does not exist for this actor. */
export async function getAssessmentHeader(actor: Actor, id: string) {
  const db = await getDb();
  const [row] = await db
    .select(assessmentColumns)
    .from(assessments)
    .innerJoin(jurisdictions, eq(jurisdictions.id, assessments.jurisdictionId))
    .where(eq(assessments.id, id));
  if (!row) throw new NotFoundError('profile');
  const verdict = judgeAssessment(actor, 'view', row);
  if (verdict !== 'allowed') throw verdictError(verdict);
  return row;
}

/** A profile with every part's document and revision, for the editor and the API. */
export async function getAssessment(actor: Actor, id: string) {
  const header = await getAssessmentHeader(actor, id);
  const db = await getDb();
  const parts = await db
    .select({
      section: assessmentParts.section,
      part: assessmentParts.part,
      doc: assessmentParts.doc,
      revision: assessmentParts.revision,
      sourceRevision: assessmentParts.sourceRevision,
      updatedAt: assessmentParts.updatedAt,
      updatedByName: users.name,
    })
    .from(assessmentParts)
    .leftJoin(users, eq(users.id, assessmentParts.updatedBy))
    .where(eq(assessmentParts.assessmentId, id));
  return { ...header, parts };
}

/** Profiles of one jurisdiction the actor may see, newest first. */
export async function listAssessmentsOfJurisdiction(actor: Actor, jurisdictionId: string) {
  if (!canSeeJurisdiction(actor, jurisdictionId)) throw new NotFoundError('jurisdiction');
  // A reviewer sees only the profiles in review; lib/policy says which states.
  const states = visibleProfileStates(actor, jurisdictionId);
  if (states.length === 0) return [];
  const db = await getDb();
  return db
    .select({ id: assessments.id, title: assessments.title, language: assessments.language, state: assessments.state, updatedAt: assessments.updatedAt })
    .from(assessments)
    .where(and(eq(assessments.jurisdictionId, jurisdictionId), inArray(assessments.state, states)))
    .orderBy(desc(assessments.updatedAt), asc(assessments.language));
}

/**
 * Renames a draft profile; same rights as editing its text. The change is
 * recorded with its author (`title_edits`): a title edit is an edit of the
 * round, so whoever made it may not approve it (lib/data/workflow.ts).
 */
export async function updateAssessmentTitle(actor: Actor, id: string, title: string) {
  const header = await getAssessmentHeader(actor, id);
  const verdict = judgeAssessment(actor, 'edit', header);
  if (verdict !== 'allowed') throw verdictError(verdict, header.state);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(assessments)
      .set({ title, updatedAt: new Date() })
      .where(and(eq(assessments.id, id), eq(assessments.state, 'draft')))
      .returning({ id: assessments.id });
    if (!row) throw verdictError('wrong_state');
    await tx.insert(titleEdits).values({ assessmentId: id, title, authorId: actor.userId });
  });
}
