import { describe, expect, it } from 'vitest';
import { announceRightsChanged, registerLiveParts, type LiveParts, type RightsScope } from './live-registry';

const server = (told: RightsScope[]): LiveParts => ({
  applySaved: () => undefined,
  applyChange: () => undefined,
  amendLive: async () => null,
  changeLive: async () => null,
  currentDoc: () => null,
  rightsChanged: (scope) => told.push(scope),
});

describe('telling the live server that rights changed', () => {
  it('hands the scope to the live server of this process', () => {
    const told: RightsScope[] = [];
    const unregister = registerLiveParts(server(told));
    announceRightsChanged({ userId: 'u1' });
    announceRightsChanged({ assessmentId: 'a1' });
    unregister();
    expect(told).toEqual([{ userId: 'u1' }, { assessmentId: 'a1' }]);
  });

  it('tells the newest server still running, whichever stopped first', () => {
    const first: RightsScope[] = [];
    const second: RightsScope[] = [];
    const stopFirst = registerLiveParts(server(first));
    const stopSecond = registerLiveParts(server(second));
    announceRightsChanged({ userId: 'a' });
    stopSecond();
    announceRightsChanged({ userId: 'b' });
    const stopThird = registerLiveParts(server(second));
    stopFirst();
    announceRightsChanged({ userId: 'c' });
    stopThird();
    announceRightsChanged({ userId: 'd' });
    expect(first).toEqual([{ userId: 'b' }]);
    expect(second).toEqual([{ userId: 'a' }, { userId: 'c' }]);
  });

  it('does nothing where no live server runs (scripts, the CLI, tests without one)', () => {
    expect(() => announceRightsChanged({ userId: 'u1' })).not.toThrow();
  });
});
