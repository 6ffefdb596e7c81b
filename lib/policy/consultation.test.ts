import { describe, expect, it } from 'vitest';
import type { JurisdictionRole } from '../domain/roles';
import { assessmentStates, type AssessmentState } from '../domain/workflow';
import type { Actor } from './actor';
import { judgeConsultation, recordsReading } from './consultation';
import type { Verdict } from './assessment';
import { person as makePerson } from './test-actors';

const OWN = 'own-jurisdiction';
const OTHER = 'other-jurisdiction';
const person = (isAdmin: boolean, roles: JurisdictionRole[], on = OWN) => makePerson(isAdmin, roles, on);
const R = 'in_review';
const all = (v: Verdict) => Object.fromEntries(assessmentStates.map((s) => [s, v])) as Record<AssessmentState, Verdict>;

// Written out by hand from the issue and the README, not derived from the implementation:
// who sees the consultation (per state), and in which states opening a section counts as reading it.
const people: Record<string, { actor: Actor | null; consultation: Record<AssessmentState, Verdict>; reads: AssessmentState[] }> = {
  anonymous: { actor: null, consultation: all('hidden'), reads: [] },
  admin: { actor: person(true, []), consultation: all('allowed'), reads: [] },
  'consultant (own)': { actor: person(false, ['consultant']), consultation: all('allowed'), reads: [] },
  'focal point (own)': { actor: person(false, ['focal_point']), consultation: all('allowed'), reads: [R] },
  // A reviewer sees the profile in review only, and not the others' activity in it.
  'reviewer (own)': { actor: person(false, ['reviewer']), consultation: { draft: 'hidden', in_review: 'denied', approved: 'hidden', published: 'hidden' }, reads: [R] },
  'reviewer + focal point (own)': { actor: person(false, ['reviewer', 'focal_point']), consultation: all('allowed'), reads: [R] },
  'consultant + focal point (own)': { actor: person(false, ['consultant', 'focal_point']), consultation: all('allowed'), reads: [R] },
  'admin + focal point (own)': { actor: person(true, ['focal_point']), consultation: all('allowed'), reads: [R] },
  'focal point (other)': { actor: person(false, ['focal_point'], OTHER), consultation: all('hidden'), reads: [] },
  'reviewer (other)': { actor: person(false, ['reviewer'], OTHER), consultation: all('hidden'), reads: [] },
  'consultant (other)': { actor: person(false, ['consultant'], OTHER), consultation: all('hidden'), reads: [] },
  'no role': { actor: person(false, []), consultation: all('hidden'), reads: [] },
};

describe('the consultation policy, every cell: person × state', () => {
  for (const [who, p] of Object.entries(people)) {
    for (const state of assessmentStates) {
      const profile = { jurisdictionId: OWN, state };
      it(`${who} · ${state} → sees the consultation: ${p.consultation[state]}; a view is recorded: ${p.reads.includes(state)}`, () => {
        expect(judgeConsultation(p.actor, profile)).toBe(p.consultation[state]);
        expect(recordsReading(p.actor, profile)).toBe(p.reads.includes(state));
      });
    }
  }
});
