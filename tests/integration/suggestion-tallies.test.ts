import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client';
import { assessmentParts } from '../../db/schema';
import { startAssessment } from '../../lib/data/assessments';
import { reviewDomain } from '../../lib/data/domain-reviews';
import { getEdition } from '../../lib/data/editions';
import { savePart } from '../../lib/data/parts';
import { decideSuggestions } from '../../lib/data/suggestions';
import { approveProfile, publishProfile, requestChanges, submitForReview } from '../../lib/data/workflow';
import { domainKeys, profileSlots } from '../../lib/domain/profile';
import type { Actor } from '../../lib/policy';
import { seedJurisdiction, seedUser } from '../support/seed';
import { freshDatabasePerSuite, targets } from '../support/test-db';

const AT = '2026-12-02T10:00:00.000Z';
const t = (text: string, marks?: object[]) => ({ type: 'text', text, ...(marks ? { marks } : {}) });
const doc = (...content: object[]) => ({ type: 'doc', content: [{ type: 'paragraph', content }] });
const insertion = (id: string, who: { id: string; name: string }) => ({ type: 'insertion', attrs: { id, authorId: who.id, authorName: who.name, at: AT, comment: null } });

/*
 * The sign-off trail counts the suggestions decided in every review round of
 * the profile, not only the last: a consultation often takes two rounds, and
 * the first round's decisions are part of what was signed off.
 */
describe.each(targets)('the sign-off trail over two review rounds on %s', (target) => {
  freshDatabasePerSuite(target);

  it('counts, per domain, the suggestions accepted and rejected in both rounds, and everyone who decided them', async () => {
    const j = await seedJurisdiction();
    const carla = await seedUser({ name: 'Carla Consultant', roles: [{ jurisdictionId: j.id, role: 'consultant' }] });
    const carlos = await seedUser({ name: 'Carlos Consultant', roles: [{ jurisdictionId: j.id, role: 'consultant' }] });
    const focal = await seedUser({ name: 'Fiona Focal', roles: [{ jurisdictionId: j.id, role: 'focal_point' }] });
    const reviewer = await seedUser({ name: 'Rita Reviewer', roles: [{ jurisdictionId: j.id, role: 'reviewer' }] });
    const admin = await seedUser({ isAdmin: true });
    const { id } = await startAssessment(carla.actor, { jurisdiction: j.slug, language: 'en' });
    for (const slot of profileSlots) await savePart(carla.actor, { assessmentId: id, ...slot }, { doc: doc(t(`Text of ${slot.section} ${slot.part}.`)), baseRevision: 0 });
    const who = (u: { user: { id: string; name: string } }) => ({ id: u.user.id, name: u.user.name });
    const rights = { assessmentId: id, section: 'migrants_rights', part: 'strengths' } as const;
    const partners = { assessmentId: id, section: 'partnerships', part: 'potential' } as const;
    // A suggestion a round of review left at the end of the text (made live in review; stored here directly).
    const leave = async (ref: typeof rights | typeof partners, actor: Actor, words: string, by: { id: string; name: string }) => {
      const [row] = await (await getDb())
        .select({ revision: assessmentParts.revision, doc: assessmentParts.doc })
        .from(assessmentParts)
        .where(and(eq(assessmentParts.assessmentId, ref.assessmentId), eq(assessmentParts.section, ref.section), eq(assessmentParts.part, ref.part)));
      const suggestionId = crypto.randomUUID();
      const content = (row.doc as { content: Array<{ content: object[] }> }).content[0].content;
      await savePart(actor, ref, { doc: doc(...content, t(words, [insertion(suggestionId, by)])), baseRevision: row.revision });
      return suggestionId;
    };

    // Round 1: two suggestions; changes requested; Carla accepts one and rejects the other.
    await submitForReview(carla.actor, id);
    await requestChanges(focal.actor, id, 'See the suggestions.');
    const first = await leave(rights, carla.actor, ' First.', who(focal));
    const second = await leave(partners, carla.actor, ' Second.', who(reviewer));
    await decideSuggestions(carla.actor, id, { suggestionId: first }, 'accept');
    await decideSuggestions(carla.actor, id, { suggestionId: second }, 'reject');

    // Round 2: another suggestion in the same domain; changes requested again; Carlos rejects it, then accepts a last one.
    await submitForReview(carla.actor, id);
    await requestChanges(focal.actor, id, 'One more.');
    const third = await leave(rights, carla.actor, ' Third.', who(reviewer));
    await decideSuggestions(carlos.actor, id, { suggestionId: third }, 'reject');
    const fourth = await leave(rights, carla.actor, ' Fourth.', who(focal));
    await decideSuggestions(carlos.actor, id, { suggestionId: fourth }, 'accept');

    await submitForReview(carla.actor, id);
    for (const d of domainKeys) await reviewDomain(focal.actor, id, d, 'accept', null);
    await approveProfile(focal.actor, id);
    await publishProfile(admin.actor, id);
    const edition = (await getEdition(j.slug, 'latest'))!;
    expect(edition.signOff.suggestions).toEqual([
      { section: 'migrants_rights', accepted: 2, rejected: 1, decidedBy: ['Carla Consultant', 'Carlos Consultant'] },
      { section: 'partnerships', accepted: 0, rejected: 1, decidedBy: ['Carla Consultant'] },
    ]);
    expect(JSON.stringify(edition.content.domains.migrants_rights.strengths)).toContain('Text of migrants_rights strengths. First. Fourth.');
  });
});
