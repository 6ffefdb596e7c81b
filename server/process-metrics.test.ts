import { describe, expect, it } from 'vitest';
import { startProcessMetrics } from './process-metrics';

describe('process metrics', () => {
  it('settled memory is read after a full collection: garbage no longer counts, what is held does', () => {
    const metrics = startProcessMetrics();
    let held: number[][] | null = Array.from({ length: 200 }, () => Array.from({ length: 10_000 }, (_, i) => i + 0.5)); // about 16 MB
    const holding = metrics.settled();
    expect(held.length).toBe(200);
    held = null;
    const released = metrics.settled();
    expect(holding.heapUsedMb - released.heapUsedMb).toBeGreaterThan(8);
    expect(released.rssMb).toBeGreaterThan(released.heapUsedMb);
  });
});
