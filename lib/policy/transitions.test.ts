import { describe, expect, it } from 'vitest';
import { assessmentStates, type AssessmentState } from '../domain/workflow';
import type { JurisdictionRole } from '../domain/roles';
import type { Actor } from './actor';
import { person as makePerson } from './test-actors';
import { judgeAssessment } from './assessment';
import { judgeDomainReview, judgeTransition, transitionActions, transitions, type TransitionAction } from './transitions';

const OWN = 'own-jurisdiction';
const OTHER = 'other-jurisdiction';

const person = (isAdmin: boolean, roles: JurisdictionRole[], on = OWN) => makePerson(isAdmin, roles, on);

// `onlyIn`: the states in which the profile exists for them at all (reviewers: in review only).
const people: Record<string, { actor: Actor | null; has: (a: TransitionAction) => boolean; sees: boolean; onlyIn?: AssessmentState[] }> = {
  anonymous: { actor: null, has: () => false, sees: false },
  admin: { actor: person(true, []), has: (a) => a === 'publish', sees: true },
  'consultant (own)': { actor: person(false, ['consultant']), has: (a) => a === 'submit', sees: true },
  'focal point (own)': { actor: person(false, ['focal_point']), has: (a) => a === 'request_changes' || a === 'approve', sees: true },
  'consultant + focal point (own)': { actor: person(false, ['consultant', 'focal_point']), has: (a) => a !== 'publish', sees: true },
  'admin + focal point (own)': { actor: person(true, ['focal_point']), has: (a) => a !== 'submit', sees: true },
  'consultant (other)': { actor: person(false, ['consultant'], OTHER), has: () => false, sees: false },
  'focal point (other)': { actor: person(false, ['focal_point'], OTHER), has: () => false, sees: false },
  'no role': { actor: person(false, []), has: () => false, sees: false },
  'reviewer (own)': { actor: person(false, ['reviewer']), has: () => false, sees: true, onlyIn: ['in_review'] },
  'reviewer (other)': { actor: person(false, ['reviewer'], OTHER), has: () => false, sees: false },
  'reviewer + consultant (own)': { actor: person(false, ['reviewer', 'consultant']), has: (a) => a === 'submit', sees: true },
};

const seesIn = (p: (typeof people)[string], state: AssessmentState) => p.sees && (!p.onlyIn || p.onlyIn.includes(state));

describe('the workflow policy, every cell: person × jurisdiction × state × action × edited this round', () => {
  for (const [who, p] of Object.entries(people)) {
    for (const state of assessmentStates) {
      for (const action of transitionActions) {
        for (const edited of [false, true]) {
          const expected = !seesIn(p, state)
            ? 'hidden'
            : !p.has(action)
              ? 'denied'
              : state !== transitions[action].from
                ? 'wrong_state'
                : action === 'approve' && edited
                  ? 'denied'
                  : 'allowed';
          it(`${who} · ${state} · ${action}${edited ? ' · edited' : ''} → ${expected}`, () => {
            expect(judgeTransition(p.actor, action, { jurisdictionId: OWN, state: state as AssessmentState, actorEditedThisRound: edited })).toBe(expected);
          });
        }
      }
    }
  }
});

describe('the editing policy, every cell: person × state', () => {
  for (const [who, p] of Object.entries(people)) {
    const consultant = who.includes('consultant') && p.sees;
    for (const state of assessmentStates) {
      const view = seesIn(p, state) ? 'allowed' : 'hidden';
      const edit = !seesIn(p, state) ? 'hidden' : !consultant ? 'denied' : state === 'draft' ? 'allowed' : 'wrong_state';
      it(`${who} · ${state} → view ${view}, edit ${edit}`, () => {
        expect(judgeAssessment(p.actor, 'view', { jurisdictionId: OWN, state })).toBe(view);
        expect(judgeAssessment(p.actor, 'edit', { jurisdictionId: OWN, state })).toBe(edit);
      });
    }
  }
});

describe('the domain review policy, every cell: person × state', () => {
  for (const [who, p] of Object.entries(people)) {
    for (const state of assessmentStates) {
      const focal = p.sees && who.includes('focal point');
      const expected = !seesIn(p, state) ? 'hidden' : !focal ? 'denied' : state === 'in_review' ? 'allowed' : 'wrong_state';
      it(`${who} · ${state} → ${expected}`, () => {
        expect(judgeDomainReview(p.actor, { jurisdictionId: OWN, state })).toBe(expected);
      });
    }
  }
});
