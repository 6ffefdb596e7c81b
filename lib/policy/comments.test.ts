import { describe, expect, it } from 'vitest';
import { assessmentStates } from '../domain/workflow';
import type { JurisdictionRole } from '../domain/roles';
import type { AssessmentState } from '../domain/workflow';
import type { Actor } from './actor';
import { person as makePerson } from './test-actors';
import { allowedCommentActions, commentActions, judgeComment } from './comments';

const OWN = 'own-jurisdiction';
const OTHER = 'other-jurisdiction';

const person = (isAdmin: boolean, roles: JurisdictionRole[], on = OWN) => makePerson(isAdmin, roles, on);

// Written out by hand from the issue, not derived from the implementation:
// the states in which each person may start / reply / resolve.
const D = 'draft', R = 'in_review', A = 'approved';
// `onlyIn`: the states in which the profile exists for them at all (reviewers: in review only).
const people: Record<string, { actor: Actor | null; sees: boolean; onlyIn?: AssessmentState[]; start: string[]; reply: string[]; resolve: string[] }> = {
  anonymous: { actor: null, sees: false, start: [], reply: [], resolve: [] },
  admin: { actor: person(true, []), sees: true, start: [], reply: [], resolve: [] },
  'consultant (own)': { actor: person(false, ['consultant']), sees: true, start: [D, R], reply: [D, R, A], resolve: [D, R, A] },
  'focal point (own)': { actor: person(false, ['focal_point']), sees: true, start: [R], reply: [R], resolve: [R] },
  'consultant + focal point (own)': { actor: person(false, ['consultant', 'focal_point']), sees: true, start: [D, R], reply: [D, R, A], resolve: [D, R, A] },
  'admin + focal point (own)': { actor: person(true, ['focal_point']), sees: true, start: [R], reply: [R], resolve: [R] },
  'consultant (other)': { actor: person(false, ['consultant'], OTHER), sees: false, start: [], reply: [], resolve: [] },
  'focal point (other)': { actor: person(false, ['focal_point'], OTHER), sees: false, start: [], reply: [], resolve: [] },
  'no role': { actor: person(false, []), sees: false, start: [], reply: [], resolve: [] },
  'reviewer (own)': { actor: person(false, ['reviewer']), sees: true, onlyIn: [R], start: [R], reply: [R], resolve: [] },
  'reviewer (other)': { actor: person(false, ['reviewer'], OTHER), sees: false, start: [], reply: [], resolve: [] },
  'reviewer + focal point (own)': { actor: person(false, ['reviewer', 'focal_point']), sees: true, start: [R], reply: [R], resolve: [R] },
};

describe('the comment policy, every cell: person × jurisdiction × state × action', () => {
  for (const [who, p] of Object.entries(people)) {
    const writes = p.start.length + p.reply.length > 0;
    for (const state of assessmentStates) {
      for (const action of commentActions) {
        const sees = p.sees && (!p.onlyIn || p.onlyIn.includes(state));
        const expected = !sees ? 'hidden' : !writes || p[action].length === 0 ? 'denied' : p[action].includes(state) ? 'allowed' : 'wrong_state';
        it(`${who} · ${state} · ${action} → ${expected}`, () => {
          expect(judgeComment(p.actor, action, { jurisdictionId: OWN, state })).toBe(expected);
        });
      }
    }
  }

  it('offers only the allowed actions', () => {
    expect(allowedCommentActions(people['reviewer (own)'].actor, { jurisdictionId: OWN, state: 'in_review' })).toEqual(['start', 'reply']);
    expect(allowedCommentActions(people['focal point (own)'].actor, { jurisdictionId: OWN, state: 'approved' })).toEqual([]);
    expect(allowedCommentActions(people['consultant (own)'].actor, { jurisdictionId: OWN, state: 'approved' })).toEqual(['reply', 'resolve']);
    expect(allowedCommentActions(people['consultant (own)'].actor, { jurisdictionId: OWN, state: 'published' })).toEqual([]);
  });
});
