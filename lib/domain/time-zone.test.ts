import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTimeZone } from './time-zone';

describe('readTimeZone', () => {
  it('gives back the zones browsers name, in the form Intl uses', () => {
    expect(readTimeZone('America/Lima')).toBe('America/Lima');
    expect(readTimeZone('Asia/Tokyo')).toBe('Asia/Tokyo');
    expect(readTimeZone('America/Port-au-Prince')).toBe('America/Port-au-Prince');
    expect(readTimeZone('Etc/GMT+5')).toBe('Etc/GMT+5');
    expect(readTimeZone('UTC')).toBe('UTC');
    expect(readTimeZone('america/lima')).toBe('America/Lima');
    expect(readTimeZone('US/Eastern')).toBe('America/New_York');
  });

  it('refuses anything that is not a zone', () => {
    for (const value of [undefined, null, 42, '', ' ', 'Mars/Olympus_Mons', 'America/Lima ', '+05:00', '-0500', 'America/Lima;path=/', '../etc/passwd', `America/${'x'.repeat(80)}`]) {
      expect(readTimeZone(value), String(value)).toBeNull();
    }
  });

  it('never throws, and what it gives back Intl accepts and reads back as itself', () => {
    const names = fc.oneof(fc.string(), fc.stringMatching(/^[A-Za-z][A-Za-z0-9_+\-/]{0,70}$/), fc.constantFrom(...Intl.supportedValuesOf('timeZone')));
    fc.assert(
      fc.property(names, (value) => {
        const zone = readTimeZone(value);
        if (zone === null) return;
        expect(new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone).toBe(zone);
        expect(readTimeZone(zone)).toBe(zone);
      }),
      { numRuns: 2000 },
    );
  });
});
