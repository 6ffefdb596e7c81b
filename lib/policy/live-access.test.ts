import { describe, expect, it } from 'vitest';
import { assessmentStates } from '../domain/workflow';
import { liveAccessOn } from './assessment';
import { person } from './test-actors';

const J = 'j1';

describe('live access to a part', () => {
  it.each(assessmentStates)('in %s: consultants edit only a draft, focal points and admins read, strangers get nothing', (state) => {
    const profile = { jurisdictionId: J, state };
    expect(liveAccessOn(person(false, ['consultant'], J), profile)).toBe(state === 'draft' ? 'edit' : 'read');
    expect(liveAccessOn(person(false, ['consultant', 'focal_point'], J), profile)).toBe(state === 'draft' ? 'edit' : 'read');
    expect(liveAccessOn(person(false, ['focal_point'], J), profile)).toBe('read');
    expect(liveAccessOn(person(true, [], J), profile)).toBe('read');
    expect(liveAccessOn(person(false, [], J), profile)).toBe('none');
    expect(liveAccessOn(person(false, ['consultant'], 'elsewhere'), profile)).toBe('none');
    expect(liveAccessOn(null, profile)).toBe('none');
  });
});
