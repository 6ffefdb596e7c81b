import { describe, expect, it } from 'vitest';
import { latencyFigures, perDocumentKb, receiversOf, spread } from './collab-figures';

describe('live-editing benchmark arithmetic', () => {
  it('spreads people over instances alternately', () => {
    expect(spread(5, 2)).toEqual([0, 1, 0, 1, 0]);
    expect(spread(3, 1)).toEqual([0, 0, 0]);
  });

  it('a change is awaited at every other client, or only at those on another instance', () => {
    const instances = [0, 1, 0, 1];
    expect(receiversOf(0, instances, false)).toEqual([1, 2, 3]);
    expect(receiversOf(0, instances, true)).toEqual([1, 3]);
    expect(receiversOf(3, instances, true)).toEqual([0, 2]);
    expect(receiversOf(0, [0, 0], true)).toEqual([]);
  });

  it('memory per document is the growth divided by the documents, in KB', () => {
    expect(perDocumentKb(100 * 1024 * 1024, 100 * 1024 * 1024 + 200 * 50 * 1024, 200)).toBe(50);
    expect(perDocumentKb(10, 10, 4)).toBe(0);
    expect(() => perDocumentKb(1, 2, 0)).toThrow(/at least one/);
  });

  it('latency rows are the nearest-rank p50 and p95', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(latencyFigures('2 people', samples)).toEqual([
      { name: '2 people: p50', value: 50, unit: 'ms' },
      { name: '2 people: p95', value: 95, unit: 'ms' },
    ]);
  });
});
