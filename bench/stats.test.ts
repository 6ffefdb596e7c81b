import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alternatingOrder, median } from './stats';

describe('benchmark rounds', () => {
  it('the median is the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('the median lies between the smallest and the largest, whatever the order', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, min: -1e9, max: 1e9 }), { minLength: 1 }), (values) => {
        const m = median(values);
        expect(m).toBeGreaterThanOrEqual(Math.min(...values));
        expect(m).toBeLessThanOrEqual(Math.max(...values));
        expect(median([...values].reverse())).toBe(m);
      }),
    );
  });

  it('two sides take turns going first, each measured once a round', () => {
    expect(alternatingOrder(['a', 'b'], 3)).toEqual(['a', 'b', 'b', 'a', 'a', 'b']);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), (rounds) => {
        const order = alternatingOrder(['a', 'b'], rounds);
        expect(order.filter((s) => s === 'a')).toHaveLength(rounds);
        const firsts = order.filter((_, i) => i % 2 === 0);
        expect(Math.abs(firsts.filter((s) => s === 'a').length - firsts.filter((s) => s === 'b').length)).toBeLessThanOrEqual(1);
      }),
    );
  });
});
