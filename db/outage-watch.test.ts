import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { databaseOutageKnown, setDatabaseOutage } from '../lib/http/database-outage-state';

const probe = vi.hoisted(() => ({ down: false, calls: 0, kind: 'postgres' as 'postgres' | 'pglite' }));
vi.mock('./client', () => ({ getHandle: async () => ({ kind: probe.kind }) }));
vi.mock('./database-probe', () => ({
  databaseIsDown: async () => {
    probe.calls += 1;
    return probe.down;
  },
}));
const { noteServerError, RECOVERY_PROBE_MS } = await import('./outage-watch');

describe('watching for a database outage', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    setDatabaseOutage(false);
    Object.assign(probe, { down: false, calls: 0, kind: 'postgres' });
  });
  afterEach(() => {
    vi.useRealTimers();
    setDatabaseOutage(false);
  });

  it('does not mark an outage when a request failed for another reason', async () => {
    await noteServerError();
    expect(databaseOutageKnown()).toBe(false);
    expect(probe.calls).toBe(1);
  });

  it('marks an outage when the database does not answer, then asks it on a timer, not per request, until it is back', async () => {
    probe.down = true;
    await noteServerError();
    expect(databaseOutageKnown()).toBe(true);
    // Further failures while the outage is known ask nothing.
    await Promise.all([noteServerError(), noteServerError()]);
    expect(probe.calls).toBe(1);
    await vi.advanceTimersByTimeAsync(RECOVERY_PROBE_MS);
    expect(probe.calls).toBe(2);
    expect(databaseOutageKnown()).toBe(true);
    probe.down = false;
    await vi.advanceTimersByTimeAsync(RECOVERY_PROBE_MS);
    expect(databaseOutageKnown()).toBe(false);
    // Back: no more probes.
    await vi.advanceTimersByTimeAsync(RECOVERY_PROBE_MS * 5);
    expect(probe.calls).toBe(3);
  });

  it('asks once when many requests fail at the same moment', async () => {
    probe.down = true;
    await Promise.all([noteServerError(), noteServerError(), noteServerError()]);
    expect(probe.calls).toBe(1);
    expect(databaseOutageKnown()).toBe(true);
  });

  it('never marks the embedded database, which runs in this process, as away', async () => {
    Object.assign(probe, { down: true, kind: 'pglite' });
    await noteServerError();
    expect(databaseOutageKnown()).toBe(false);
    expect(probe.calls).toBe(0);
  });
});
