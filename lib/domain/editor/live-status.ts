/**
 * What a part's badge can say: "Connecting…" while the text is first fetched, the live states, and
 * "Unchanged in this round"; the title form's badge says "Not saved" (error) too.
 */
export type LiveStatus = 'idle' | 'connecting' | 'saving' | 'saved' | 'offline' | 'conflict' | 'error';

export interface LiveFacts {
  /** The text is there (from the server, or this browser's copy). */
  ready: boolean;
  /** The socket has answered and is open. */
  connected: boolean;
  /** The browser believes it has a network. */
  browserOnline: boolean;
  /** The socket has been open at least once since the page loaded. */
  everConnected: boolean;
  /** Changes sent that the server has not acknowledged. */
  unsynced: number;
  /** A server snapshot held every change made here. */
  confirmed: boolean;
}

/**
 * The badge of a live part. Before the text is there, "Offline" only when the browser says so:
 * a slow first answer is not an outage. After, Offline while the browser has no network (even if
 * its socket has not noticed yet) or the socket is down once it had been up (the text stays in
 * this browser); Saving until the server holds every change, then Saved.
 */
export function liveStatus(f: LiveFacts): LiveStatus {
  if (!f.ready) return f.connected || f.browserOnline ? 'connecting' : 'offline';
  // The browser knows first: its socket may look open for a while after the network went (the
  // close waits on a handshake that cannot pass), and what is typed meanwhile cannot be saving.
  if (!f.browserOnline) return 'offline';
  // This browser's own copy can be there before the socket's first answer: not an outage yet.
  if (!f.connected) return f.everConnected ? 'offline' : 'connecting';
  return f.unsynced > 0 || !f.confirmed ? 'saving' : 'saved';
}
