import 'server-only';
import { rewords } from '../domain/editor/rewording';
import { and, asc, eq, sql } from 'drizzle-orm';
import { getDb, type Tx } from '../../db/client';
import { assessmentParts, assessments, partRevisionContributors, partRevisions, suggestionDecisions, users } from '../../db/schema';
import { collabDocName } from '../collab/doc-name';
import { liveParts } from '../collab/live-registry';
import { validateProfileDoc } from '../domain/editor/validate-doc';
import { acceptAllSuggestions, decideSuggestion, extractSuggestions, rejectAllSuggestions, type OpenSuggestion } from '../domain/editor/suggestions';
import { isSlot, sectionKeys, type PartKey, type SectionKey } from '../domain/profile';
import { judgeAssessment, type Actor } from '../policy';
import { getAssessmentHeader } from './assessments';
import { clearAcceptance } from './domain-reviews';
import { ConflictError, InvalidInputError, NotFoundError, verdictError } from './errors';
import { announceChanged, moveLiveStateOn } from './live-parts';
import type { PartRef } from './parts';
import { rowsOf } from './sql-rows';
import { notifySuggestions } from './suggestion-notifications';

export type Decision = 'accept' | 'reject';
export interface PartSuggestion extends Omit<OpenSuggestion, 'authorIds' | 'anchor'> {
  section: SectionKey;
  part: PartKey;
}

const whereSlot = (ref: PartRef) =>
  and(eq(assessmentParts.assessmentId, ref.assessmentId), eq(assessmentParts.section, ref.section), eq(assessmentParts.part, ref.part));

const publicView = (s: OpenSuggestion, section: string, part: string): PartSuggestion => ({
  id: s.id,
  kind: s.kind,
  authorId: s.authorId,
  authorName: s.authorName,
  at: s.at,
  comment: s.comment,
  inserted: s.inserted,
  deleted: s.deleted,
  section: section as SectionKey,
  part: part as PartKey,
});

/** Every open suggestion in the profile's stored text, part by part, for whoever may see the profile. */
export async function listOpenSuggestions(actor: Actor, assessmentId: string): Promise<PartSuggestion[]> {
  await getAssessmentHeader(actor, assessmentId);
  const db = await getDb();
  return openIn(db, assessmentId);
}

async function openIn(db: Pick<Tx, 'select'>, assessmentId: string): Promise<PartSuggestion[]> {
  const parts = await db
    .select({ section: assessmentParts.section, part: assessmentParts.part, doc: assessmentParts.doc })
    .from(assessmentParts)
    .where(eq(assessmentParts.assessmentId, assessmentId));
  // A part open live here may hold suggestions not stored yet (stores wait for a pause in typing).
  const live = liveParts();
  return parts.flatMap((p) => {
    const doc = live?.currentDoc(collabDocName({ assessmentId, section: p.section, part: p.part })) ?? p.doc;
    return extractSuggestions(doc).map((s) => publicView(s, p.section, p.part));
  });
}

/**
 * Where suggestions are still open in a profile, per part ("migrants_rights/strengths: 2"),
 * for the refusals of accepting a domain and approving the profile. Inside their transaction.
 */
export async function openSuggestionCounts(tx: Pick<Tx, 'select'>, assessmentId: string, section?: string) {
  const counts = new Map<string, { section: string; part: string; count: number }>();
  for (const s of await openIn(tx, assessmentId)) {
    if (section && s.section !== section) continue;
    const key = `${s.section}/${s.part}`;
    counts.set(key, { section: s.section, part: s.part, count: (counts.get(key)?.count ?? 0) + 1 });
  }
  return [...counts.values()];
}

/**
 * Fails when suggestions are still open (in one domain, or anywhere in the
 * profile), saying how many and where: a domain is not accepted, and a
 * profile not approved, with proposals nobody decided. Inside their transaction.
 */
export async function assertNoOpenSuggestions(tx: Pick<Tx, 'select'>, assessmentId: string, section?: string): Promise<void> {
  const open = await openSuggestionCounts(tx, assessmentId, section);
  if (open.length === 0) return;
  const total = open.reduce((n, o) => n + o.count, 0);
  const where = open.map((o) => `${o.section}/${o.part} (${o.count})`).join(', ');
  throw new ConflictError('suggestions_open', `${total} suggestion${total === 1 ? ' is' : 's are'} still open: ${where}. A consultant accepts or rejects them first.`, { total, where, open });
}

/** The decisions made in a part, oldest first, with who suggested and who decided. */
export async function listSuggestionDecisions(actor: Actor, ref: PartRef) {
  await getAssessmentHeader(actor, ref.assessmentId);
  const db = await getDb();
  return db
    .select({
      suggestionId: suggestionDecisions.suggestionId,
      authorName: suggestionDecisions.authorName,
      deciderName: users.name,
      decision: suggestionDecisions.decision,
      kind: suggestionDecisions.kind,
      inserted: suggestionDecisions.inserted,
      deleted: suggestionDecisions.deleted,
      revision: suggestionDecisions.revision,
      decidedAt: suggestionDecisions.decidedAt,
    })
    .from(suggestionDecisions)
    .leftJoin(users, eq(users.id, suggestionDecisions.deciderId))
    .where(and(eq(suggestionDecisions.assessmentId, ref.assessmentId), eq(suggestionDecisions.section, ref.section), eq(suggestionDecisions.part, ref.part)))
    .orderBy(asc(suggestionDecisions.decidedAt));
}

export type DecisionTarget = { suggestionId: string } | { section: string; part: string };
/** Every open suggestion in one domain (section), or in the whole profile. */
export type BulkTarget = { section: string } | { all: true };

/**
 * Accepts or rejects every open suggestion in a domain, or in the whole
 * profile, by someone who may edit it: part by part, each as a single part is
 * decided (in the live document when open, else in the stored text; each part
 * a new revision; every decision recorded). Answers how many were decided, per part.
 */
export async function decideAllSuggestions(
  actor: Actor,
  assessmentId: string,
  target: BulkTarget,
  decision: Decision,
): Promise<{ decided: number; parts: Array<{ section: string; part: string; decided: number; revision: number | null }> }> {
  const header = await getAssessmentHeader(actor, assessmentId);
  const verdict = judgeAssessment(actor, 'edit', header);
  if (verdict !== 'allowed') throw verdictError(verdict, header.state);
  if ('section' in target && !(sectionKeys as readonly string[]).includes(target.section)) throw new NotFoundError('domain');
  const db = await getDb();
  const open = await openSuggestionCounts(db, assessmentId, 'section' in target ? target.section : undefined);
  const parts = [];
  // One part after the other: each is its own revision (and live change), as when decided from its editor.
  for (const { section, part } of open) {
    const done = await decideSuggestions(actor, assessmentId, { section, part }, decision);
    if (done.decided > 0) parts.push({ section, part, ...done });
  }
  return { decided: parts.reduce((n, p) => n + p.decided, 0), parts };
}

/**
 * Accepts or rejects one suggestion (by id) or every one in a part: only
 * someone who may edit the profile now (its consultants, in draft). An
 * accepted suggestion becomes text in a new revision by the decider; each
 * decision is recorded with who suggested it. When the part is open live here,
 * the change is made in the live document itself, so nothing typed meanwhile
 * is lost; otherwise in the stored text, and announced to live editors.
 */
export async function decideSuggestions(actor: Actor, assessmentId: string, target: DecisionTarget, decision: Decision): Promise<{ decided: number; revision: number | null }> {
  const header = await getAssessmentHeader(actor, assessmentId);
  const verdict = judgeAssessment(actor, 'edit', header);
  if (verdict !== 'allowed') throw verdictError(verdict, header.state);
  const db = await getDb();
  let ref: PartRef;
  if ('suggestionId' in target) {
    // Where the suggestion is: in the live document when the part is open (one typed a moment ago
    // is not stored yet: stores wait for a pause in typing), else in the stored text.
    const parts = await db
      .select({ section: assessmentParts.section, part: assessmentParts.part, doc: assessmentParts.doc })
      .from(assessmentParts)
      .where(eq(assessmentParts.assessmentId, assessmentId));
    const live = liveParts();
    const found = parts.find((p) =>
      extractSuggestions(live?.currentDoc(collabDocName({ assessmentId, section: p.section, part: p.part })) ?? p.doc).some((s) => s.id === target.suggestionId),
    );
    if (!found) throw new NotFoundError('suggestion');
    ref = { assessmentId, section: found.section as SectionKey, part: found.part as PartKey };
  } else {
    if (!isSlot(target.section, target.part)) throw new NotFoundError('part');
    ref = { assessmentId, section: target.section as SectionKey, part: target.part as PartKey };
  }
  const change = (doc: unknown) =>
    'suggestionId' in target ? decideSuggestion(doc, target.suggestionId, decision) : decision === 'accept' ? acceptAllSuggestions(doc) : rejectAllSuggestions(doc);
  const decidedIn = (before: unknown) => extractSuggestions(before).filter((s) => !('suggestionId' in target) || s.id === target.suggestionId);

  const live = await liveParts()?.changeLive(collabDocName(ref), change, actor.userId);
  if (live) {
    const decided = decidedIn(live.before);
    if ('suggestionId' in target && decided.length === 0) throw new NotFoundError('suggestion');
    if (decided.length > 0) await db.insert(suggestionDecisions).values(decisionRows(ref, decided, actor, decision, live.revision));
    return { decided: decided.length, revision: live.revision };
  }

  const result = await db.transaction(async (tx) => {
    const [profile] = await tx.select({ jurisdictionId: assessments.jurisdictionId, state: assessments.state }).from(assessments).where(eq(assessments.id, assessmentId)).for('share');
    const again = profile ? judgeAssessment(actor, 'edit', profile) : 'hidden';
    if (again !== 'allowed') throw verdictError(again, profile?.state);
    const [row] = await tx.select({ doc: assessmentParts.doc }).from(assessmentParts).where(whereSlot(ref)).for('update');
    if (!row) throw new NotFoundError('part');
    const decided = decidedIn(row.doc);
    if ('suggestionId' in target && decided.length === 0) throw new NotFoundError('suggestion');
    if (decided.length === 0) return { decided: 0, revision: null, ids: [] };
    const checked = validateProfileDoc(change(row.doc));
    if (!checked.ok) throw new InvalidInputError(checked.code, checked.message);
    const [saved] = rowsOf<{ revision: number }>(
      await tx.execute(sql`
        WITH saved AS (
          UPDATE ${assessmentParts}
          SET doc = ${JSON.stringify(checked.doc)}::jsonb, revision = revision + 1, updated_by = ${actor.userId}, updated_at = now()
          WHERE assessment_id = ${ref.assessmentId} AND section = ${ref.section} AND part = ${ref.part}
          RETURNING assessment_id, section, part, revision, doc
        )
        INSERT INTO ${partRevisions} (assessment_id, section, part, revision, doc, author_id, rewords)
        SELECT assessment_id, section, part, revision, doc, ${actor.userId}, ${rewords(row.doc, checked.doc)}::boolean FROM saved
        RETURNING revision`),
    );
    const revision = Number(saved!.revision);
    await tx.insert(partRevisionContributors).values({ ...ref, revision, userId: actor.userId });
    await moveLiveStateOn(tx, ref, checked.doc);
    if (ref.section !== 'introduction') await clearAcceptance(tx, ref.assessmentId, ref.section);
    await tx.insert(suggestionDecisions).values(decisionRows(ref, decided, actor, decision, revision));
    // Decided suggestions leave the consultants' unread digests (decided live, the store does it).
    await notifySuggestions(tx, ref, row.doc, checked.doc);
    return { decided: decided.length, revision, ids: decided.map((s) => s.id) };
  });
  // Open on another instance: the same suggestions are decided in the text as it stands there
  // (exactly those recorded, not ones typed there since), keeping what was typed meanwhile.
  if (result.ids.length > 0) announceChanged(ref, (doc) => result.ids.reduce((d, id) => decideSuggestion(d, id, decision), doc));
  return { decided: result.decided, revision: result.revision };
}

function decisionRows(ref: PartRef, decided: OpenSuggestion[], actor: Actor, decision: Decision, revision: number | null) {
  return decided.map((s) => ({
    ...ref,
    suggestionId: s.id,
    authorId: s.authorId,
    authorName: s.authorName,
    deciderId: actor.userId,
    decision: decision === 'accept' ? ('accepted' as const) : ('rejected' as const),
    kind: s.kind,
    inserted: s.inserted,
    deleted: s.deleted,
    revision,
  }));
}
