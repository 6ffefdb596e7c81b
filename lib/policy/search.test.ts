import { describe, expect, it } from 'vitest';
import { assessmentStates } from '../domain/workflow';
import { draftScope, mayFindDraft, type Actor } from './index';

const LIMA = 'lima-id';
const SONORA = 'sonora-id';
const actor = (overrides: Partial<Actor>): Actor => ({ userId: 'u', email: 'u@example.org', name: 'U', isAdmin: false, locale: null, memberships: [], via: 'session', ...overrides });
const m = (jurisdictionId: string, role: 'consultant' | 'focal_point' | 'reviewer') => ({ jurisdictionId, slug: jurisdictionId, name: jurisdictionId, role });

const people = {
  anonymous: null,
  admin: actor({ isAdmin: true }),
  noRole: actor({}),
  consultantLima: actor({ memberships: [m(LIMA, 'consultant')] }),
  reviewerLima: actor({ memberships: [m(LIMA, 'reviewer')] }),
  consultantLimaReviewerSonora: actor({ memberships: [m(LIMA, 'consultant'), m(SONORA, 'reviewer')] }),
};

describe('draftScope', () => {
  it('gives the public nothing, admins everything, others their jurisdictions in the states they may read', () => {
    expect(draftScope(people.anonymous)).toEqual({ kind: 'none' });
    expect(draftScope(people.noRole)).toEqual({ kind: 'none' });
    expect(draftScope(people.admin)).toEqual({ kind: 'all' });
    expect(draftScope(people.consultantLima)).toEqual({ kind: 'some', jurisdictions: [{ jurisdictionId: LIMA, states: ['draft', 'in_review', 'approved'] }] });
    expect(draftScope(people.reviewerLima)).toEqual({ kind: 'some', jurisdictions: [{ jurisdictionId: LIMA, states: ['in_review'] }] });
    expect(draftScope(people.consultantLimaReviewerSonora)).toEqual({
      kind: 'some',
      jurisdictions: [
        { jurisdictionId: LIMA, states: ['draft', 'in_review', 'approved'] },
        { jurisdictionId: SONORA, states: ['in_review'] },
      ],
    });
  });

  // The scope (for lists) and the check (for one profile) never disagree.
  for (const [who, person] of Object.entries(people)) {
    it(`agrees with mayFindDraft for ${who}`, () => {
      const scope = draftScope(person);
      for (const jurisdictionId of [LIMA, SONORA]) {
        for (const state of assessmentStates) {
          const inScope = scope.kind === 'all' ? state !== 'published' : scope.kind === 'some' && scope.jurisdictions.some((j) => j.jurisdictionId === jurisdictionId && j.states.includes(state));
          expect(inScope).toBe(mayFindDraft(person, { jurisdictionId, state }));
        }
      }
    });
  }
});
