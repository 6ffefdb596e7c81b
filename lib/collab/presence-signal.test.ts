import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { presenceChanged, PRESENCE_FIELD } from './presence-signal';

const SELF = 1;

describe('presenceChanged', () => {
  it('asks the server again when someone else announces a stored marker, once per announcement', () => {
    const seen = new Map<number, unknown>();
    const states = new Map<number, unknown>([[2, { [PRESENCE_FIELD]: 'a' }]]);
    expect(presenceChanged(states, SELF, { added: [2], updated: [], removed: [] }, seen)).toBe(true);
    // The same announcement again (a caret moved, the state was renewed): nothing new.
    states.set(2, { [PRESENCE_FIELD]: 'a', cursor: { anchor: 3 } });
    expect(presenceChanged(states, SELF, { added: [], updated: [2], removed: [] }, seen)).toBe(false);
    // Announced again (they reopened the part): ask again.
    states.set(2, { [PRESENCE_FIELD]: 'b' });
    expect(presenceChanged(states, SELF, { added: [], updated: [2], removed: [] }, seen)).toBe(true);
  });

  it('ignores this client, clients that have not announced, and departures of those', () => {
    const seen = new Map<number, unknown>();
    const states = new Map<number, unknown>([
      [SELF, { [PRESENCE_FIELD]: 'me' }],
      [3, { cursor: null }],
    ]);
    expect(presenceChanged(states, SELF, { added: [SELF, 3], updated: [], removed: [] }, seen)).toBe(false);
    expect(presenceChanged(states, SELF, { added: [], updated: [], removed: [3] }, seen)).toBe(false);
  });

  it('asks again when someone who had announced leaves', () => {
    const seen = new Map<number, unknown>();
    const states = new Map<number, unknown>([[4, { [PRESENCE_FIELD]: 'x' }]]);
    presenceChanged(states, SELF, { added: [4], updated: [], removed: [] }, seen);
    states.delete(4);
    expect(presenceChanged(states, SELF, { added: [], updated: [], removed: [4] }, seen)).toBe(true);
    expect(seen.has(4)).toBe(false);
  });

  it('never loops: answering beats announce nothing, so a second identical change never asks again', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.constantFrom('a', 'b', undefined)), { maxLength: 30 }), (events) => {
        const seen = new Map<number, unknown>();
        const states = new Map<number, unknown>();
        for (const [id, value] of events) {
          states.set(id, value === undefined ? {} : { [PRESENCE_FIELD]: value });
          presenceChanged(states, SELF, { added: [], updated: [id], removed: [] }, seen);
          expect(presenceChanged(states, SELF, { added: [], updated: [id], removed: [] }, seen)).toBe(false);
        }
      }),
    );
  });
});
