import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { throttleAddress } from './throttle-address';

describe('throttleAddress', () => {
  it('keeps IPv4 addresses, and counts IPv6 ones by their /64', () => {
    expect(throttleAddress('192.0.2.7')).toBe('192.0.2.7');
    expect(throttleAddress('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(throttleAddress('2001:DB8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(throttleAddress('::1')).toBe('0:0:0:0::/64');
    expect(throttleAddress('2001:db8::')).toBe('2001:db8:0:0::/64');
    expect(throttleAddress('fe80::1:2:3:4')).toBe('fe80:0:0:0::/64');
  });

  it('is null for no address or something that is not one', () => {
    expect(throttleAddress(null)).toBeNull();
    expect(throttleAddress('unknown')).toBeNull();
  });

  it('gives every address of one /64 the same key, and different /64s different keys', () => {
    const group = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
    fc.assert(
      fc.property(fc.array(group, { minLength: 8, maxLength: 8 }), fc.array(group, { minLength: 4, maxLength: 4 }), (a, tail) => {
        const same = [...a.slice(0, 4), ...tail].join(':');
        expect(throttleAddress(a.join(':'))).toBe(throttleAddress(same));
        const other = [a[0], ((parseInt(a[1], 16) + 1) % 0x10000).toString(16), ...a.slice(2)].join(':');
        expect(throttleAddress(other)).not.toBe(throttleAddress(a.join(':')));
      }),
    );
  });
});
