import 'server-only';
import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import { getDb, type Tx } from '../../db/client';
import { assessmentParts, assessments, assessmentTransitions, partRevisions, titleEdits, users } from '../../db/schema';
import { alias } from 'drizzle-orm/pg-core';
import { hasRealText } from '../domain/editor/doc-text';
import { rewords } from '../domain/editor/rewording';
import { profileSlots } from '../domain/profile';
import { allowedTransitions, judgeTransition, transitions, type Actor, type TransitionAction } from '../policy';
import { announceRightsChanged } from '../collab/live-registry';
import { getAssessmentHeader } from './assessments';
import { domainsNotAccepted } from './domain-reviews';
import { assertNoOpenSuggestions } from './suggestions';
import { freezeEdition } from './editions';
import { staleSlotsOf } from './translations';
import { notifyPublished, notifyTransition } from './notifications';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError, verdictError } from './errors';
import { MAX_NOTE_LENGTH, stateInWords, transitionDoneInWords } from '../domain/workflow';
import { idleReason } from '../domain/workflow-status';


/** When the current round began: the last time the profile became a draft. */
async function roundStart(tx: Tx, assessmentId: string, createdAt: Date): Promise<Date> {
  const [last] = await tx
    .select({ at: assessmentTransitions.createdAt })
    .from(assessmentTransitions)
    .where(and(eq(assessmentTransitions.assessmentId, assessmentId), eq(assessmentTransitions.toState, 'draft')))
    .orderBy(desc(assessmentTransitions.createdAt))
    .limit(1);
  return last?.at ?? createdAt;
}

/**
 * Whether the actor changed the text (a part or the title) since the round
 * began. A revision stored from their live changes counts only if it changed
 * what the text says with every open suggestion set aside: someone who only
 * suggested (a focal point in review) proposed words, they did not write them,
 * and may still approve once the suggestions are decided.
 */
async function editedThisRound(tx: Tx, actor: Actor, assessmentId: string, since: Date): Promise<boolean> {
  const previous = alias(partRevisions, 'previous');
  const revisions = await tx
    .select({ rewords: partRevisions.rewords, doc: partRevisions.doc, before: previous.doc })
    .from(partRevisions)
    .leftJoin(
      previous,
      and(
        eq(previous.assessmentId, partRevisions.assessmentId),
        eq(previous.section, partRevisions.section),
        eq(previous.part, partRevisions.part),
        eq(previous.revision, sql`${partRevisions.revision} - 1`),
      ),
    )
    .where(and(eq(partRevisions.assessmentId, assessmentId), eq(partRevisions.authorId, actor.userId), gt(partRevisions.createdAt, since)));
  // Recorded as each revision was written; older revisions are compared with the one before them.
  if (revisions.some((r) => r.rewords ?? rewords(r.before, r.doc))) return true;
  const [title] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(titleEdits)
    .where(and(eq(titleEdits.assessmentId, assessmentId), eq(titleEdits.authorId, actor.userId), gt(titleEdits.createdAt, since)));
  return (title?.n ?? 0) > 0;
}

/** The parts that still hold no real text, e.g. `migrants_rights/potential`. */
async function missingParts(tx: Tx, assessmentId: string): Promise<string[]> {
  const parts = await tx
    .select({ section: assessmentParts.section, part: assessmentParts.part, doc: assessmentParts.doc })
    .from(assessmentParts)
    .where(eq(assessmentParts.assessmentId, assessmentId));
  return profileSlots
    .filter((slot) => !hasRealText(parts.find((p) => p.section === slot.section && p.part === slot.part)?.doc))
    .map((slot) => `${slot.section}/${slot.part}`);
}

/**
 * Moves a profile along one workflow step in one transaction: locks the
 * profile row, checks rights and state (a state that moved on meanwhile is a
 * 409), runs the step's own precondition, writes the new state and the history
 * row together.
 */
async function transition(actor: Actor, assessmentId: string, action: TransitionAction, note: string | null) {
  if (note && note.length > MAX_NOTE_LENGTH) {
    throw new InvalidInputError('note_too_long', `The note is longer than ${MAX_NOTE_LENGTH} characters.`);
  }
  const db = await getDb();
  const done = await db.transaction(async (tx) => {
    const [profile] = await tx
      .select({ jurisdictionId: assessments.jurisdictionId, state: assessments.state, createdAt: assessments.createdAt })
      .from(assessments)
      .where(eq(assessments.id, assessmentId))
      .for('update');
    if (!profile) throw new NotFoundError('profile');
    const edited =
      action === 'approve' && profile.state === 'in_review'
        ? await editedThisRound(tx, actor, assessmentId, await roundStart(tx, assessmentId, profile.createdAt))
        : false;
    const verdict = judgeTransition(actor, action, { ...profile, actorEditedThisRound: edited });
    const deniedOnlyForEditing =
      verdict === 'denied' && edited && judgeTransition(actor, action, { ...profile, actorEditedThisRound: false }) === 'allowed';
    if (verdict === 'wrong_state') {
      throw new ConflictError('state_moved', `The profile is ${stateInWords[profile.state]}; it cannot be ${transitionDoneInWords[action]} now.`, {
        state: profile.state,
      });
    }
    if (deniedOnlyForEditing) {
      throw new ForbiddenError('You edited this text in the current round, so someone else must approve it.', 'edited_this_round');
    }
    if (verdict !== 'allowed') throw verdictError(verdict);
    switch (action) {
      case 'submit': {
        const missing = await missingParts(tx, assessmentId);
        if (missing.length > 0) {
          throw new InvalidInputError('incomplete', `These parts are still empty: ${missing.join(', ')}.`, { missing });
        }
        // A translation goes to review only once every part matches its source's current text.
        const stale = await staleSlotsOf(tx, assessmentId);
        if (stale.length > 0) {
          throw new InvalidInputError('source_changed', `The source of these parts changed since they were translated: ${stale.join(', ')}. Update them, or mark them up to date.`, { stale });
        }
        break;
      }
      case 'request_changes':
        if (!note?.trim()) throw new InvalidInputError('note_required', 'Say what needs to change: a note is required.');
        break;
      case 'approve': {
        const pending = await domainsNotAccepted(tx, assessmentId);
        if (pending.length > 0) {
          throw new InvalidInputError('review_incomplete', `Accept every domain first; still open: ${pending.join(', ')}.`, { pending });
        }
        await assertNoOpenSuggestions(tx, assessmentId);
        break;
      }
      case 'publish':
        break;
    }
    const { from, to } = transitions[action];
    await tx.update(assessments).set({ state: to, updatedAt: sql`now()` }).where(eq(assessments.id, assessmentId));
    const [row] = await tx
      .insert(assessmentTransitions)
      .values({ assessmentId, action, fromState: from, toState: to, actorId: actor.userId, note: note?.trim() || null })
      .returning();
    // Publishing freezes the profile into an edition in this same transaction: all or nothing.
    // The note goes with it: a correction publishes it as what was corrected.
    const edition = action === 'publish' ? await freezeEdition(tx, actor, assessmentId, row.note) : null;
    if (edition) await notifyPublished(tx, { actor, assessmentId, jurisdictionId: profile.jurisdictionId, editionId: edition.id });
    await notifyTransition(tx, { action, assessmentId, jurisdictionId: profile.jurisdictionId, actor, note: row.note });
    // Its approved, up-to-date translations go out with it, in this transaction: one month, several languages.
    const translations = edition ? await publishTranslationsWith(tx, actor, assessmentId, edition) : [];
    return { ...row, edition, translations };
  });
  // Who may edit changed with the state: open editors of its parts follow now (submitted → read-only).
  announceRightsChanged({ assessmentId });
  for (const t of done.translations) announceRightsChanged({ assessmentId: t.id });
  return done;
}

/**
 * Inside the publish transaction of a source: each of its approved translations
 * whose every part matches the source's current text is published too, into
 * the same month's edition in its own language. A translation still stale stays
 * approved; one that cannot be published in that same month (its language has
 * an edition this month already) refuses the whole publication, so that the
 * edition comes out in every language or not at all.
 */
async function publishTranslationsWith(tx: Tx, actor: Actor, sourceId: string, edition: { year: number; month: number }) {
  const approved = await tx
    .select({ id: assessments.id, jurisdictionId: assessments.jurisdictionId, state: assessments.state, language: assessments.language })
    .from(assessments)
    .where(and(eq(assessments.sourceId, sourceId), eq(assessments.state, 'approved')))
    .orderBy(asc(assessments.language))
    .for('update');
  const published: Array<{ id: string; language: string; edition: { id: string; year: number; month: number; version: number } }> = [];
  for (const t of approved) {
    if ((await staleSlotsOf(tx, t.id)).length > 0) continue;
    if (judgeTransition(actor, 'publish', { ...t, actorEditedThisRound: false }) !== 'allowed') continue;
    await tx.update(assessments).set({ state: 'published', updatedAt: sql`now()` }).where(eq(assessments.id, t.id));
    await tx.insert(assessmentTransitions).values({ assessmentId: t.id, action: 'publish', fromState: 'approved', toState: 'published', actorId: actor.userId, note: null });
    const own = await freezeEdition(tx, actor, t.id, null);
    if (own.year !== edition.year || own.month !== edition.month) {
      throw new ConflictError('translation_elsewhere', `The ${t.language} translation would not be published in the same edition as its source; publish it on its own.`, {
        language: t.language,
      });
    }
    await notifyPublished(tx, { actor, assessmentId: t.id, jurisdictionId: t.jurisdictionId, editionId: own.id });
    published.push({ id: t.id, language: t.language, edition: own });
  }
  return published;
}

/** A consultant sends a complete draft to the focal points. */
export const submitForReview = (actor: Actor, id: string, note: string | null = null) => transition(actor, id, 'submit', note);
/** A focal point sends the profile back to draft, saying why. */
export const requestChanges = (actor: Actor, id: string, note: string) => transition(actor, id, 'request_changes', note);
/** A focal point who did not edit this round approves the profile. */
export const approveProfile = (actor: Actor, id: string, note: string | null = null) => transition(actor, id, 'approve', note);
/** An admin publishes an approved profile: it becomes an immutable edition. */
export const publishProfile = (actor: Actor, id: string, note: string | null = null) => transition(actor, id, 'publish', note);

export function runTransition(actor: Actor, id: string, action: TransitionAction, note: string | null) {
  switch (action) {
    case 'submit':
      return submitForReview(actor, id, note);
    case 'request_changes':
      return requestChanges(actor, id, note ?? '');
    case 'approve':
      return approveProfile(actor, id, note);
    case 'publish':
      return publishProfile(actor, id, note);
  }
}

/** A profile's workflow history, oldest first. */
export async function listTransitions(actor: Actor, assessmentId: string) {
  await getAssessmentHeader(actor, assessmentId);
  const db = await getDb();
  return db
    .select({
      id: assessmentTransitions.id,
      action: assessmentTransitions.action,
      fromState: assessmentTransitions.fromState,
      toState: assessmentTransitions.toState,
      note: assessmentTransitions.note,
      createdAt: assessmentTransitions.createdAt,
      actorName: users.name,
    })
    .from(assessmentTransitions)
    .leftJoin(users, eq(users.id, assessmentTransitions.actorId))
    .where(eq(assessmentTransitions.assessmentId, assessmentId))
    .orderBy(asc(assessmentTransitions.createdAt));
}

/** What the actor may do next with this profile, for the UI (computed like the transitions). */
export async function workflowAbilities(actor: Actor, profile: { id: string; jurisdictionId: string; state: typeof assessments.$inferSelect.state; createdAt: Date }) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const since = await roundStart(tx, profile.id, profile.createdAt);
    const edited = await editedThisRound(tx, actor, profile.id, since);
    const subject = { jurisdictionId: profile.jurisdictionId, state: profile.state, actorEditedThisRound: edited };
    const actions = allowedTransitions(actor, subject);
    // Only someone whose own edits are all that keep them from approving is told so (a consultant who edited is not).
    const approveBlockedByOwnEdit =
      edited && !actions.includes('approve') && judgeTransition(actor, 'approve', { ...subject, actorEditedThisRound: false }) === 'allowed';
    return { actions, editedThisRound: edited, approveBlockedByOwnEdit, idle: idleReason({ state: profile.state, hasActions: actions.length > 0 }) };
  });
}
