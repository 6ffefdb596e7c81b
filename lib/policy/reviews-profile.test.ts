import { describe, expect, it } from 'vitest';
import { assessmentStates } from '../domain/workflow';
import { reviewsProfile } from './assessment';
import { person } from './test-actors';

const J = 'j1';

describe('who reviews a profile (and is shown what changed since their review)', () => {
  it.each(assessmentStates)('in %s: focal points and reviewers who see it; not consultants, admins or strangers', (state) => {
    const profile = { jurisdictionId: J, state };
    expect(reviewsProfile(person(false, ['focal_point'], J), profile)).toBe(true);
    // Reviewers see a profile only in review: in any other state it does not exist for them.
    expect(reviewsProfile(person(false, ['reviewer'], J), profile)).toBe(state === 'in_review');
    expect(reviewsProfile(person(false, ['consultant', 'focal_point'], J), profile)).toBe(true);
    expect(reviewsProfile(person(false, ['consultant'], J), profile)).toBe(false);
    expect(reviewsProfile(person(true, [], J), profile)).toBe(false);
    expect(reviewsProfile(person(false, ['focal_point'], 'elsewhere'), profile)).toBe(false);
    expect(reviewsProfile(person(false, [], J), profile)).toBe(false);
    expect(reviewsProfile(null, profile)).toBe(false);
  });
});
