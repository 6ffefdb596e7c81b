import { afterEach, describe, expect, it } from 'vitest';
import { announceRightsChanged, setLiveParts, type RightsScope } from './live-registry';

describe('telling the live server that rights changed', () => {
  afterEach(() => setLiveParts(undefined));

  it('hands the scope to the live server of this process', () => {
    const told: RightsScope[] = [];
    setLiveParts({ applySaved: () => undefined, applyChange: () => undefined, amendLive: async () => null, changeLive: async () => null, currentDoc: () => null, rightsChanged: (scope) => told.push(scope) });
    announceRightsChanged({ userId: 'u1' });
    announceRightsChanged({ assessmentId: 'a1' });
    expect(told).toEqual([{ userId: 'u1' }, { assessmentId: 'a1' }]);
  });

  it('does nothing where no live server runs (scripts, the CLI, tests without one)', () => {
    expect(() => announceRightsChanged({ userId: 'u1' })).not.toThrow();
  });
});
