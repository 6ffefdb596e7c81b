import { describe, expect, it } from 'vitest';
import { assessmentStates } from '../domain/workflow';
import { judgeStartTranslation } from './assessment';
import { person } from './test-actors';

describe('starting a translation', () => {
  const j = 'j1';
  it('is for the jurisdiction’s consultants, from a source in any state', () => {
    for (const state of assessmentStates) {
      expect(judgeStartTranslation(person(false, ['consultant'], j), { jurisdictionId: j, state })).toBe('allowed');
      expect(judgeStartTranslation(person(false, ['focal_point'], j), { jurisdictionId: j, state })).toBe('denied');
      expect(judgeStartTranslation(person(true, [], j), { jurisdictionId: j, state })).toBe('denied');
      // Someone of another jurisdiction, or nobody, does not see the source at all.
      expect(judgeStartTranslation(person(false, ['consultant'], 'j2'), { jurisdictionId: j, state })).toBe('hidden');
      expect(judgeStartTranslation(null, { jurisdictionId: j, state })).toBe('hidden');
    }
  });
});
