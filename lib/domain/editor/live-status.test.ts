import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { liveStatus } from './live-status';

const base = { ready: true, connected: true, browserOnline: true, everConnected: true, unsynced: 0, confirmed: true };

describe('liveStatus', () => {
  it('says Connecting while the text is first fetched, Offline then only when the browser is offline', () => {
    expect(liveStatus({ ...base, ready: false, connected: false })).toBe('connecting');
    expect(liveStatus({ ...base, ready: false, connected: true })).toBe('connecting');
    expect(liveStatus({ ...base, ready: false, connected: false, browserOnline: false })).toBe('offline');
  });

  it('says Connecting when the copy kept in this browser is there before the socket first opens, Offline once it had been open', () => {
    expect(liveStatus({ ...base, connected: false, everConnected: false })).toBe('connecting');
    expect(liveStatus({ ...base, connected: false, everConnected: false, browserOnline: false })).toBe('offline');
  });

  it('says Offline when the socket is down after it had been open, whatever the browser believes', () => {
    expect(liveStatus({ ...base, connected: false })).toBe('offline');
    expect(liveStatus({ ...base, connected: false, browserOnline: false, unsynced: 3 })).toBe('offline');
  });

  it('says Offline as soon as the browser has no network, while its socket still looks open', () => {
    expect(liveStatus({ ...base, browserOnline: false, unsynced: 2, confirmed: false })).toBe('offline');
    expect(liveStatus({ ...base, browserOnline: false })).toBe('offline');
  });

  it('says Saved only when online, connected, nothing is unacknowledged and the server snapshot held everything', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), fc.nat(5), fc.boolean(), (ready, connected, browserOnline, everConnected, unsynced, confirmed) => {
        const status = liveStatus({ ready, connected, browserOnline, everConnected, unsynced, confirmed });
        expect(status === 'saved').toBe(ready && connected && browserOnline && unsynced === 0 && confirmed);
      }),
    );
  });
});
