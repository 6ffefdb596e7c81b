import { describe, expect, it } from 'vitest';
import { assessmentStates } from '../domain/workflow';
import { judgeSuggest, liveAccessOn } from './assessment';
import { person } from './test-actors';

const J = 'j1';

describe('live access to a part', () => {
  it.each(assessmentStates)('in %s: consultants edit only a draft, focal points and reviewers suggest only in review, admins read, strangers get nothing', (state) => {
    const profile = { jurisdictionId: J, state };
    const review = state === 'in_review';
    expect(liveAccessOn(person(false, ['consultant'], J), profile)).toBe(state === 'draft' ? 'edit' : 'read');
    expect(liveAccessOn(person(false, ['consultant', 'focal_point'], J), profile)).toBe(state === 'draft' ? 'edit' : review ? 'suggest' : 'read');
    expect(liveAccessOn(person(false, ['focal_point'], J), profile)).toBe(review ? 'suggest' : 'read');
    // Reviewers do not see the profile outside the review at all.
    expect(liveAccessOn(person(false, ['reviewer'], J), profile)).toBe(review ? 'suggest' : 'none');
    expect(liveAccessOn(person(true, [], J), profile)).toBe('read');
    expect(liveAccessOn(person(true, ['focal_point'], J), profile)).toBe(review ? 'suggest' : 'read');
    expect(liveAccessOn(person(false, [], J), profile)).toBe('none');
    expect(liveAccessOn(person(false, ['consultant'], 'elsewhere'), profile)).toBe('none');
    expect(liveAccessOn(person(false, ['reviewer'], 'elsewhere'), profile)).toBe('none');
    expect(liveAccessOn(null, profile)).toBe('none');
  });

  it.each(assessmentStates)('in %s: who may suggest, and why not', (state) => {
    const profile = { jurisdictionId: J, state };
    const review = state === 'in_review';
    expect(judgeSuggest(person(false, ['consultant'], J), profile)).toBe(state === 'draft' ? 'allowed' : 'wrong_state');
    expect(judgeSuggest(person(false, ['focal_point'], J), profile)).toBe(review ? 'allowed' : 'wrong_state');
    expect(judgeSuggest(person(false, ['reviewer'], J), profile)).toBe(review ? 'allowed' : 'hidden');
    expect(judgeSuggest(person(true, [], J), profile)).toBe('denied');
    expect(judgeSuggest(person(false, ['focal_point'], 'elsewhere'), profile)).toBe('hidden');
  });
});
