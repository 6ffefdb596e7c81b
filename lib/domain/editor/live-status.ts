import type { SaveStatus } from './autosave-machine';

/** What a part's badge can say: the save states, and "Connecting…" while the text is first fetched. */
export type LiveStatus = SaveStatus | 'connecting';

export interface LiveFacts {
  /** The text is there (from the server, or this browser's copy). */
  ready: boolean;
  /** The socket has answered and is open. */
  connected: boolean;
  /** The browser believes it has a network. */
  browserOnline: boolean;
  /** Changes sent that the server has not acknowledged. */
  unsynced: number;
  /** A server snapshot held every change made here. */
  confirmed: boolean;
}

/**
 * The badge of a live part. Before the text is there, "Offline" only when the browser says so:
 * a slow first answer is not an outage. After, Offline while the socket is down (the text
 * stays in this browser), Saving until the server holds every change, then Saved.
 */
export function liveStatus(f: LiveFacts): LiveStatus {
  if (!f.ready) return f.connected || f.browserOnline ? 'connecting' : 'offline';
  if (!f.connected) return 'offline';
  return f.unsynced > 0 || !f.confirmed ? 'saving' : 'saved';
}
