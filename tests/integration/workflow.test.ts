import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client';
import { assessments, assessmentTransitions, domainReviews } from '../../db/schema';
import { getAssessment, startAssessment, updateAssessmentTitle } from '../../lib/data/assessments';
import { ConflictError, DataError, ForbiddenError, InvalidInputError, NotFoundError } from '../../lib/data/errors';
import { savePart } from '../../lib/data/parts';
import { loadLiveState, storeLivePart } from '../../lib/data/live-parts';
import { COLLAB_FIELD, yDocJson, yStateFromJson } from '../../lib/collab/yjs-doc';
import * as Y from 'yjs';
import { unsafeInsertImportedEdition } from '../../lib/data/imported-editions';
import { listDomainReviews, reviewDomain } from '../../lib/data/domain-reviews';
import type { Actor } from '../../lib/policy';
import { approveProfile, listTransitions, publishProfile, requestChanges, runTransition, submitForReview, workflowAbilities } from '../../lib/data/workflow';
import { domainKeys, profileSlots } from '../../lib/domain/profile';
import { assessmentStates } from '../../lib/domain/workflow';
import { transitionActions, transitions } from '../../lib/policy';
import { seedJurisdiction, seedUser } from '../support/seed';
import { targets, freshDatabasePerSuite } from '../support/test-db';

const para = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

async function acceptAll(focal: Actor, id: string) {
  for (const d of domainKeys) await reviewDomain(focal, id, d, 'accept', null);
}

describe.each(targets)('the workflow on %s', (target) => {
  freshDatabasePerSuite(target);

  async function world({ fill = true } = {}) {
    const j = await seedJurisdiction();
    const other = await seedJurisdiction();
    const consultant = (await seedUser({ roles: [{ jurisdictionId: j.id, role: 'consultant' }] })).actor;
    const focal = (await seedUser({ roles: [{ jurisdictionId: j.id, role: 'focal_point' }] })).actor;
    const both = (await seedUser({ roles: [{ jurisdictionId: j.id, role: 'consultant' }, { jurisdictionId: j.id, role: 'focal_point' }] })).actor;
    const admin = (await seedUser({ isAdmin: true })).actor;
    const stranger = (await seedUser({ roles: [{ jurisdictionId: other.id, role: 'focal_point' }] })).actor;
    const { id } = await startAssessment(consultant, { jurisdiction: j.slug, language: 'es' });
    if (fill) {
      for (const slot of profileSlots) {
        await savePart(consultant, { assessmentId: id, ...slot }, { doc: para(`${slot.section} ${slot.part}`), baseRevision: 0 });
      }
    }
    return { id, consultant, focal, both, admin, stranger };
  }

  it('goes draft → in_review → draft → in_review → approved → published, recording every step', async () => {
    const { id, consultant, focal, admin } = await world();
    await submitForReview(consultant, id, 'Primera versión');
    await requestChanges(focal, id, 'Falta el plan local de contingencia.');
    await submitForReview(consultant, id);
    await acceptAll(focal, id);
    await approveProfile(focal, id);
    await publishProfile(admin, id);
    const history = await listTransitions(consultant, id);
    expect(history.map((h) => [h.action, h.fromState, h.toState, h.note])).toEqual([
      ['submit', 'draft', 'in_review', 'Primera versión'],
      ['request_changes', 'in_review', 'draft', 'Falta el plan local de contingencia.'],
      ['submit', 'draft', 'in_review', null],
      ['approve', 'in_review', 'approved', null],
      ['publish', 'approved', 'published', null],
    ]);
    expect(history.map((h) => h.actorName)).toEqual([consultant.name, focal.name, consultant.name, focal.name, admin.name]);
  });

  it('refuses to submit while a part is empty, listing what is missing', async () => {
    const { id, consultant } = await world({ fill: false });
    await savePart(consultant, { assessmentId: id, section: 'introduction', part: 'body' }, { doc: para('Intro'), baseRevision: 0 });
    const attempt = submitForReview(consultant, id);
    await expect(attempt).rejects.toBeInstanceOf(InvalidInputError);
    const error = (await attempt.catch((e) => e)) as DataError;
    expect(error.code).toBe('incomplete');
    expect(error.details?.missing).toHaveLength(12);
    expect(error.details?.missing).toContain('migrants_rights/strengths');
    const db = await getDb();
    const [row] = await db.select().from(assessments).where(eq(assessments.id, id));
    expect(row.state).toBe('draft');
  });

  it('needs a note to request changes; refuses admins approving and editors approving their own round', async () => {
    const { id, consultant, focal, both, admin } = await world();
    await submitForReview(consultant, id);
    await expect(requestChanges(focal, id, '  ')).rejects.toMatchObject({ code: 'note_required' });
    await expect(approveProfile(admin, id)).rejects.toBeInstanceOf(ForbiddenError);
    await requestChanges(focal, id, 'Fix it');
    await savePart(both, { assessmentId: id, section: 'introduction', part: 'body' }, { doc: para('Edited by both'), baseRevision: 1 });
    await submitForReview(consultant, id);
    await acceptAll(focal, id);
    await expect(approveProfile(both, id)).rejects.toMatchObject({ code: 'edited_this_round', status: 403 });
    await approveProfile(focal, id);
  });

  it('does not count a suggestion as an edit: a focal point whose suggestions were stored as their revisions still approves', async () => {
    const { id, consultant, focal, both } = await world();
    await submitForReview(consultant, id);
    const ref = { assessmentId: id, section: 'migrants_rights' as const, part: 'strengths' as const };
    const by = (actor: Actor) => ({ id: actor.userId, authorId: actor.userId, authorName: actor.name, at: '2026-12-02T12:00:00.000Z', comment: null });
    const suggested = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'migrants_rights strengths' }, { type: 'text', text: ' today', marks: [{ type: 'insertion', attrs: { ...by(focal), id: 'focal-1' } }] }] }],
    };
    // A live store whose last contributor is the focal point: the revision is theirs.
    const stored = await storeLivePart(ref, { doc: suggested as never, state: yStateFromJson(suggested), contributors: [focal.userId] });
    expect(stored.changed).toBe(true);
    // Withdrawn in another store of theirs: two revisions by the focal point, the words unchanged.
    const withdrawn = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'migrants_rights strengths' }] }] };
    expect((await storeLivePart(ref, { doc: withdrawn as never, state: yStateFromJson(withdrawn), contributors: [focal.userId] })).changed).toBe(true);
    // Someone who changed the words in a live store of theirs is still refused.
    const edited = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Rewritten by both' }] }] };
    await storeLivePart({ ...ref, part: 'potential' }, { doc: edited as never, state: yStateFromJson(edited), contributors: [both.userId] });
    await acceptAll(focal, id);
    await expect(approveProfile(both, id)).rejects.toMatchObject({ code: 'edited_this_round', status: 403 });
    await approveProfile(focal, id);
  });

  it('does not count a first suggestion on a part untouched since the profile began from its edition as an edit', async () => {
    const j = await seedJurisdiction();
    const bullets = (text: string) => ({ type: 'doc', content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }] }] });
    await unsafeInsertImportedEdition({
      jurisdiction: j.slug,
      language: 'es',
      year: 2024,
      month: 6,
      title: 'Perfil',
      source: 'test',
      content: {
        introduction: bullets('Introducción.'),
        domains: Object.fromEntries(domainKeys.map((d) => [d, { strengths: bullets(`${d}: fortaleza.`), potential: bullets(`${d}: potencial.`) }])) as never,
      },
    });
    const consultant = (await seedUser({ roles: [{ jurisdictionId: j.id, role: 'consultant' }] })).actor;
    const focal = (await seedUser({ roles: [{ jurisdictionId: j.id, role: 'focal_point' }] })).actor;
    const { id } = await startAssessment(consultant, { jurisdiction: j.slug, language: 'es' });
    await submitForReview(consultant, id);
    // The focal point's first suggestion on a part still at its starting copy (revision 0, no revision row),
    // made as the editor makes it: on the live document loaded from that copy.
    const ref = { assessmentId: id, section: 'migrants_rights' as const, part: 'strengths' as const };
    const live = new Y.Doc();
    Y.applyUpdate(live, await loadLiveState(focal, ref));
    const item = live.getXmlFragment(COLLAB_FIELD).get(0) as Y.XmlElement;
    const text = ((item.get(0) as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(text.length, ' y otros', { insertion: { id: 'focal-1', authorId: focal.userId, authorName: focal.name, at: new Date().toISOString(), comment: null } });
    const stored = await storeLivePart(ref, { doc: yDocJson(live) as never, state: Y.encodeStateAsUpdate(live), contributors: [focal.userId] });
    expect(stored).toMatchObject({ changed: true, revision: 1 });
    expect(await workflowAbilities(focal, await getAssessment(focal, id))).toMatchObject({ approveBlockedByOwnEdit: false });
    // They withdraw it (domains with open suggestions cannot be accepted), and approve.
    text.delete(text.length - ' y otros'.length, ' y otros'.length);
    expect(await storeLivePart(ref, { doc: yDocJson(live) as never, state: Y.encodeStateAsUpdate(live), contributors: [focal.userId] })).toMatchObject({ changed: true });
    await acceptAll(focal, id);
    await approveProfile(focal, id);
  });

  it('counts a title change as an edit of the round: its author cannot approve, until a new round', async () => {
    const { id, consultant, focal, both } = await world();
    await updateAssessmentTitle(both, id, 'A title by both');
    await submitForReview(consultant, id);
    await acceptAll(focal, id);
    await expect(approveProfile(both, id)).rejects.toMatchObject({ code: 'edited_this_round', status: 403 });
    // The title edit belongs to that round only.
    await requestChanges(focal, id, 'Again');
    await submitForReview(consultant, id);
    await acceptAll(focal, id);
    await approveProfile(both, id);
  });

  it('answers every action from every state as the policy says, changing nothing when refused', async () => {
    const { id, consultant, focal, admin, stranger } = await world();
    const db = await getDb();
    const roles = { consultant, focal, admin, stranger };
    await db.insert(domainReviews).values(domainKeys.map((domain) => ({ assessmentId: id, domain, decision: 'accepted' as const })));
    const holder: Record<string, string> = { submit: 'consultant', request_changes: 'focal', approve: 'focal', publish: 'admin' };
    for (const state of assessmentStates) {
      for (const action of transitionActions) {
        for (const [name, actor] of Object.entries(roles)) {
          await db.update(assessments).set({ state }).where(eq(assessments.id, id));
          await db.delete(assessmentTransitions).where(eq(assessmentTransitions.assessmentId, id));
          const result = runTransition(actor, id, action, 'note');
          if (name === 'stranger') await expect(result).rejects.toBeInstanceOf(NotFoundError);
          else if (holder[action] !== name) await expect(result).rejects.toBeInstanceOf(ForbiddenError);
          else if (state !== transitions[action].from) await expect(result).rejects.toMatchObject({ code: 'state_moved', status: 409 });
          else {
            await result;
            const [row] = await db.select().from(assessments).where(eq(assessments.id, id));
            expect(row.state, `${name} ${action} from ${state}`).toBe(transitions[action].to);
            continue;
          }
          const [row] = await db.select().from(assessments).where(eq(assessments.id, id));
          expect(row.state, `${name} ${action} from ${state} changed nothing`).toBe(state);
          expect(await db.select().from(assessmentTransitions).where(eq(assessmentTransitions.assessmentId, id))).toHaveLength(0);
        }
      }
    }
  });

  it('lets exactly one of 10 parallel approvals through; the others are told the state moved on', async () => {
    const { id, consultant, focal } = await world();
    await submitForReview(consultant, id);
    await acceptAll(focal, id);
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => approveProfile(focal, id)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(refused).toHaveLength(9);
    for (const r of refused) expect(r.reason).toBeInstanceOf(ConflictError);
    const history = await listTransitions(consultant, id);
    expect(history.filter((h) => h.action === 'approve')).toHaveLength(1);
  });

  it('approves only when all six domains are accepted; an edit takes a domain\'s acceptance away', async () => {
    const { id, consultant, focal, stranger } = await world();
    await expect(reviewDomain(focal, id, 'partnerships', 'accept', null)).rejects.toMatchObject({ code: 'state_moved', status: 409 });
    await submitForReview(consultant, id);
    await expect(reviewDomain(consultant, id, 'partnerships', 'accept', null)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(reviewDomain(stranger, id, 'partnerships', 'accept', null)).rejects.toBeInstanceOf(NotFoundError);
    await expect(reviewDomain(focal, id, 'partnerships', 'request_changes', ' ')).rejects.toMatchObject({ code: 'note_required' });
    for (const d of domainKeys.slice(0, 5)) await reviewDomain(focal, id, d, 'accept', null);
    const attempt = approveProfile(focal, id);
    await expect(attempt).rejects.toMatchObject({ code: 'review_incomplete', details: { pending: ['safe_orderly_regular'] } });
    await reviewDomain(focal, id, 'safe_orderly_regular', 'request_changes', 'Falta el protocolo de desaparecidos.');
    await requestChanges(focal, id, 'Ver la esfera 6.');
    const [part] = (await listDomainReviews(consultant, id)).filter((r) => r.domain === 'safe_orderly_regular');
    expect(part).toMatchObject({ decision: 'changes_requested', note: 'Falta el protocolo de desaparecidos.', reviewerName: focal.name });

    await savePart(consultant, { assessmentId: id, section: 'partnerships', part: 'strengths' }, { doc: para('changed'), baseRevision: 1 });
    const marks = await listDomainReviews(consultant, id);
    expect(marks.find((m) => m.domain === 'partnerships')).toBeUndefined(); // the edit took the acceptance away
    expect(marks.find((m) => m.domain === 'migrants_rights')?.decision).toBe('accepted'); // untouched domains keep theirs
  });

  it('refuses edits outside draft, through the data layer the API uses', async () => {
    const { id, consultant } = await world();
    await submitForReview(consultant, id);
    const attempt = savePart(consultant, { assessmentId: id, section: 'introduction', part: 'body' }, { doc: para('late'), baseRevision: 1 });
    await expect(attempt).rejects.toMatchObject({ code: 'wrong_state', status: 409 });
  });

  it('tells each person why they have nothing to do in words true for them', async () => {
    const { id, consultant, focal, both, admin } = await world();
    const header = async () => (await getAssessment(admin, id));
    const idle = async (actor: Actor) => (await workflowAbilities(actor, await header())).idle;
    expect(await idle(focal)).toBe('waitingForSubmit');
    expect(await idle(consultant)).toBeNull(); // may submit
    await savePart(both, { assessmentId: id, section: 'introduction', part: 'body' }, { doc: para('Edited by both'), baseRevision: 1 });
    await submitForReview(consultant, id);
    // The consultant edited the text too, but is not a focal point: told that it is being reviewed, not who must approve.
    expect(await idle(consultant)).toBe('waitingForReview');
    expect((await workflowAbilities(consultant, await header())).approveBlockedByOwnEdit).toBe(false);
    // A focal point who edited this round could approve but for that: told another must, beside the actions left.
    await acceptAll(focal, id);
    const mixed = await workflowAbilities(both, await header());
    expect(mixed).toMatchObject({ actions: ['request_changes'], approveBlockedByOwnEdit: true, idle: null });
    expect(await workflowAbilities(focal, await header())).toMatchObject({ approveBlockedByOwnEdit: false, idle: null });
    await approveProfile(focal, id);
    expect(await idle(consultant)).toBe('waitingForPublication');
    expect(await idle(admin)).toBeNull(); // may publish
  });
});
