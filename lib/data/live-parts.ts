import 'server-only';
import { rewords } from '../domain/editor/rewording';
import { and, eq, sql } from 'drizzle-orm';
import { getDb, type Tx } from '../../db/client';
import { assessmentParts, assessments, partRevisionContributors, partRevisions } from '../../db/schema';
import { collabDocName } from '../collab/doc-name';
import { liveParts } from '../collab/live-registry';
import { nextYState, yStateFromJson } from '../collab/yjs-doc';
import type { ProfileDoc } from '../domain/editor/validate-doc';
import { judgeAssessment, judgeSuggest, liveAccessOn, type Actor, type LiveAccess } from '../policy';
import { clearAcceptance } from './domain-reviews';
import { NotFoundError, verdictError } from './errors';
import type { PartRef } from './parts';
import { rowsOf } from './sql-rows';
import { notifySuggestions } from './suggestion-notifications';

const whereSlot = (ref: PartRef) =>
  and(eq(assessmentParts.assessmentId, ref.assessmentId), eq(assessmentParts.section, ref.section), eq(assessmentParts.part, ref.part));

/**
 * What the actor may do with a part live: 'edit', 'suggest', 'read', or a thrown
 * NotFoundError for someone without a role on it (no hint that it exists),
 * judged by lib/policy exactly as the section's GET and PUT are.
 */
export async function liveAccess(actor: Actor | null, ref: PartRef): Promise<Exclude<LiveAccess, 'none'>> {
  const db = await getDb();
  const [profile] = await db
    .select({ jurisdictionId: assessments.jurisdictionId, state: assessments.state })
    .from(assessments)
    .where(eq(assessments.id, ref.assessmentId));
  const access = profile ? liveAccessOn(actor, profile) : 'none';
  if (access === 'none') throw new NotFoundError('profile');
  return access;
}

/**
 * The Yjs state a live document starts from. A part opened live for the first
 * time gets one made from its stored text, written once (the first instance to
 * write it wins, every other one takes that one), so that all editors, on any
 * instance and offline in any browser, share one history.
 */
export async function loadLiveState(actor: Actor, ref: PartRef): Promise<Uint8Array> {
  await liveAccess(actor, ref);
  return liveStateOf(ref);
}

/**
 * The same, for the server itself (a save made on this instance reaching
 * editors connected to another one): the caller has checked the rights.
 */
export async function liveStateOf(ref: PartRef): Promise<Uint8Array> {
  const db = await getDb();
  const [row] = await db.select({ doc: assessmentParts.doc, state: assessmentParts.yjsState }).from(assessmentParts).where(whereSlot(ref));
  if (!row) throw new NotFoundError('part');
  if (row.state) return row.state;
  await db
    .update(assessmentParts)
    .set({ yjsState: yStateFromJson(row.doc) })
    .where(and(whereSlot(ref), sql`${assessmentParts.yjsState} IS NULL`));
  const [stored] = await db.select({ state: assessmentParts.yjsState }).from(assessmentParts).where(whereSlot(ref));
  return stored!.state!;
}

/**
 * Stores a live document: its Yjs state always, and, when its text differs
 * from the stored one, the text as a new revision whose authors are everyone
 * who changed it since the last one (the last of them is the revision's
 * author), all in one transaction. Like any edit, a new revision takes the
 * domain's acceptance away, and suggestions new since the stored text are
 * told to the consultants (notifySuggestions). `doc` has been validated by the caller.
 */
export async function storeLivePart(
  ref: PartRef,
  input: { doc: ProfileDoc; state: Uint8Array; contributors: string[] },
): Promise<{ revision: number; changed: boolean }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    // Share-lock the profile, as savePart does, so a transition does not slip in between.
    const [profile] = await tx.select({ id: assessments.id }).from(assessments).where(eq(assessments.id, ref.assessmentId)).for('share');
    if (!profile) throw new NotFoundError('profile');
    // The text this store replaces, locked: its suggestions are what the new ones are compared with.
    const [previous] = await tx.select({ doc: assessmentParts.doc }).from(assessmentParts).where(whereSlot(ref)).for('update');
    const author = input.contributors.at(-1) ?? null;
    const [saved] = rowsOf<{ revision: number }>(
      await tx.execute(sql`
        WITH saved AS (
          UPDATE ${assessmentParts}
          SET doc = ${JSON.stringify(input.doc)}::jsonb, revision = revision + 1, updated_by = ${author}::uuid, updated_at = now()
          WHERE assessment_id = ${ref.assessmentId} AND section = ${ref.section} AND part = ${ref.part}
            AND doc IS DISTINCT FROM ${JSON.stringify(input.doc)}::jsonb
          RETURNING assessment_id, section, part, revision, doc
        )
        INSERT INTO ${partRevisions} (assessment_id, section, part, revision, doc, author_id, rewords)
        SELECT assessment_id, section, part, revision, doc, ${author}::uuid, ${rewords(previous?.doc, input.doc)}::boolean FROM saved
        RETURNING revision`),
    );
    await tx.update(assessmentParts).set({ yjsState: input.state }).where(whereSlot(ref));
    if (!saved) {
      const [current] = await tx.select({ revision: assessmentParts.revision }).from(assessmentParts).where(whereSlot(ref));
      if (!current) throw new NotFoundError('part');
      return { revision: current.revision, changed: false };
    }
    const revision = Number(saved.revision);
    if (input.contributors.length > 0) {
      await tx
        .insert(partRevisionContributors)
        .values([...new Set(input.contributors)].map((userId) => ({ ...ref, revision, userId })))
        .onConflictDoNothing();
    }
    if (ref.section !== 'introduction') await clearAcceptance(tx, ref.assessmentId, ref.section);
    await notifySuggestions(tx, ref, previous?.doc, input.doc);
    return { revision, changed: true };
  });
}

/**
 * For saves made outside the live document (API, restore, comment marks),
 * inside their transaction: the stored Yjs state moves on to the new text, so
 * a browser holding offline edits merges them into it rather than beside it.
 */
export async function moveLiveStateOn(tx: Tx, ref: PartRef, doc: unknown): Promise<void> {
  const [row] = await tx.select({ state: assessmentParts.yjsState }).from(assessmentParts).where(whereSlot(ref));
  if (!row?.state) return; // never opened live: its first live state is made from the text then
  await tx.update(assessmentParts).set({ yjsState: nextYState(row.state, doc) }).where(whereSlot(ref));
}

/**
 * After a save that replaces the text (an API save against a revision, a
 * restore) has committed: editors who have the part open see it now.
 */
export function announceSaved(ref: PartRef, doc: unknown): void {
  liveParts()?.applySaved(collabDocName(ref), doc);
}

/**
 * After a change of the stored text that is not a replacement (a comment's
 * mark, a decided suggestion) has committed: the same change is made to the
 * text editors have open as it stands, so what they typed meanwhile stays.
 */
export function announceChanged(ref: PartRef, change: (doc: unknown) => unknown): void {
  liveParts()?.applyChange(collabDocName(ref), change);
}

/**
 * How the actor may still change the part ('edit', or 'suggest': only their
 * own suggestions), or a thrown error when they may not change it at all:
 * checked for every change that arrives.
 */
export async function assertMayChangeLive(actor: Actor, ref: PartRef): Promise<'edit' | 'suggest'> {
  const db = await getDb();
  const [profile] = await db
    .select({ jurisdictionId: assessments.jurisdictionId, state: assessments.state })
    .from(assessments)
    .where(eq(assessments.id, ref.assessmentId));
  if (!profile) throw new NotFoundError('profile');
  if (judgeAssessment(actor, 'edit', profile) === 'allowed') return 'edit';
  const verdict = judgeSuggest(actor, profile);
  if (verdict !== 'allowed') throw verdictError(verdict, profile.state);
  return 'suggest';
}
