'use client';

import { HocuspocusProvider, WebSocketStatus } from '@hocuspocus/provider';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { COLLAB_FIELD, SNAPSHOT_PLEASE } from '@/lib/collab/protocol';
import { keepLocalCopy } from './local-copy';
import { storeNow } from './store-now';
import { liveStatus } from '@/lib/domain/editor/live-status';

/** How soon to ask again when the server's snapshot still lacks changes that are on their way. */
const RECHECK_MS = 400;

function subscribeOnline(onChange: () => void) {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}


/**
 * One part's live document: a Yjs document kept in this browser (IndexedDB, so
 * edits made offline survive a closed tab) and synchronised with the server's
 * (server/collab.ts) over the app's /collab WebSocket. The status reads the
 * provider's unacknowledged changes: Saving while the server has not
 * confirmed every change, Offline while it cannot be reached, Saved when it
 * holds all of them. That count alone is not trusted for "Saved" (after a
 * reconnect it can reach zero while offline updates are still in flight): a
 * snapshot of the server's document must contain every change made here.
 */
export function useLivePart(docName: string) {
  const [live] = useState(() => {
    const ydoc = new Y.Doc();
    const local = new IndexeddbPersistence(`mgi:${docName}`, ydoc);
    // Before the provider: what a tab closed too soon left behind goes to the server with the rest.
    const copy = keepLocalCopy(docName, ydoc, local);
    const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    // The session cookie authenticates the handshake; the token only satisfies the protocol.
    const provider = new HocuspocusProvider({ url: `${protocol}//${window.location.host}/collab`, name: docName, document: ydoc, token: 'session' });
    // Noted from the start: the first sync can arrive before React subscribes (a busy machine
    // runs the socket's messages before the effects), and "synced" fires only once.
    const seen = { synced: false, denied: false, deniedUnsaved: false, readOnly: false, everConnected: false, typedUnconfirmed: false };
    provider.on('status', ({ status }: { status: WebSocketStatus }) => {
      if (status === WebSocketStatus.Connected) seen.everConnected = true;
    });
    provider.on('synced', () => {
      seen.synced = true;
    });
    // Refused on (re)connecting: the round moved on, a role or the session ended. What this browser
    // holds is dropped, as when it comes back read-only: the server will not take it.
    provider.on('authenticationFailed', () => {
      // Not unsyncedChanges: a reconnection counts its own opening sync there until answered.
      seen.deniedUnsaved = seen.typedUnconfirmed;
      seen.denied = true;
      copy.clear();
      void local.clearData();
    });
    // What the server lets this connection do: it decides (lib/policy) at each (re)connection. A right
    // taken away closes the connection (server/collab.ts) and the reconnection comes back read-only.
    provider.on('authenticated', ({ scope }: { scope: string }) => {
      seen.readOnly = scope !== 'read-write';
      // What this browser still holds the server now refuses: it must not come back with a later right to edit.
      if (seen.readOnly) {
        copy.clear();
        void local.clearData();
      }
    });
    return { ydoc, local, copy, provider, seen };
  });
  const { ydoc, local, copy, provider, seen } = live;
  // Read from the provider at each render, so no event sent before the subscription is missed.
  const subscribe = useCallback(
    (onChange: () => void) => {
      const events = ['status', 'synced', 'unsyncedChanges', 'authenticationFailed', 'authenticated'] as const;
      events.forEach((e) => provider.on(e, onChange));
      return () => events.forEach((e) => provider.off(e, onChange));
    },
    [provider],
  );
  const connected = useSyncExternalStore(
    subscribe,
    () => provider.configuration.websocketProvider.status === WebSocketStatus.Connected,
    () => false,
  );
  const unsynced = useSyncExternalStore(subscribe, () => provider.unsyncedChanges, () => 0);
  const synced = useSyncExternalStore(subscribe, () => seen.synced, () => false);
  const denied = useSyncExternalStore(subscribe, () => seen.denied, () => false);
  const deniedUnsent = useSyncExternalStore(subscribe, () => seen.deniedUnsaved, () => false);
  const readOnly = useSyncExternalStore(subscribe, () => seen.readOnly, () => false);
  const everConnected = useSyncExternalStore(subscribe, () => seen.everConnected, () => false);
  const [localReady, setLocalReady] = useState(false);
  const ready = synced || localReady;
  // True once a server snapshot held this browser's whole document; any local change clears it.
  const [confirmed, setConfirmed] = useState(true);
  const confirmedRef = useRef(true);

  useEffect(() => {
    const markConfirmed = (value: boolean) => {
      confirmedRef.current = value;
      setConfirmed(value);
      if (value) seen.typedUnconfirmed = false;
    };
    let asked = false;
    const onStatus = () => {
      asked = false; // an answer asked for on a lost connection never comes
    };
    let recheck: ReturnType<typeof setTimeout> | undefined;
    const askSnapshot = () => {
      clearTimeout(recheck);
      if (asked || provider.hasUnsyncedChanges || !provider.isSynced) return;
      asked = true;
      provider.sendStateless(SNAPSHOT_PLEASE);
    };
    const onLocalUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin === provider) return; // the server's changes are the server's already
      // Changes made in this page (not this browser's copy read back): what a refusal would lose.
      if (origin !== local) seen.typedUnconfirmed = true;
      markConfirmed(false);
    };
    const onSnapshot = ({ payload }: { payload: string }) => {
      let encoded: string | undefined;
      try {
        encoded = (JSON.parse(payload) as { snapshot?: string }).snapshot;
      } catch {
        return; // not ours
      }
      if (encoded === undefined) return;
      asked = false;
      const held = Y.decodeSnapshot(Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0)));
      if (Y.snapshotContainsUpdate(held, Y.encodeStateAsUpdate(ydoc))) markConfirmed(true);
      else recheck = setTimeout(askSnapshot, RECHECK_MS); // still on its way
    };
    const onUnsyncedCheck = ({ number }: { number: number }) => {
      if (number === 0) askSnapshot();
    };
    ydoc.on('update', onLocalUpdate);
    provider.on('stateless', onSnapshot);
    provider.on('unsyncedChanges', onUnsyncedCheck);
    provider.on('synced', askSnapshot);
    if (provider.isSynced) askSnapshot(); // synced before this effect ran
    provider.on('status', onStatus);
    // Typing starts once the text is there: from the server, or from this browser's copy when offline.
    void local.whenSynced.then(() => {
      if (ydoc.getXmlFragment(COLLAB_FIELD).length > 0) setLocalReady(true);
    });
    // Closing the tab with changes the server has not confirmed: the browser asks first.
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!seen.readOnly && (provider.hasUnsyncedChanges || !confirmedRef.current)) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    // The browser knows at once when the network goes; the socket would notice only at its next timeout.
    const socket = provider.configuration.websocketProvider;
    const goOffline = () => {
      socket.disconnect();
      // Its close waits on a handshake that cannot pass now, and until then the socket counts as
      // open: connect() would do nothing when the network is back, and the late close would not
      // reconnect (disconnect() said not to). Closed at once instead, as the provider itself does
      // with a connection gone silent (checkConnection).
      if (socket.status !== WebSocketStatus.Disconnected) socket.onClose({ event: new CloseEvent('close', { code: 4408, reason: 'offline' }) });
    };
    const goOnline = () => void socket.connect();
    window.addEventListener('offline', goOffline);
    window.addEventListener('online', goOnline);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('online', goOnline);
      provider.off('status', onStatus);
      provider.off('stateless', onSnapshot);
      provider.off('unsyncedChanges', onUnsyncedCheck);
      provider.off('synced', askSnapshot);
      ydoc.off('update', onLocalUpdate);
      clearTimeout(recheck);
    };
  }, [ydoc, local, provider, seen]);

  useEffect(
    () => () => {
      copy.stop();
      provider.destroy();
      void local.destroy();
      ydoc.destroy();
    },
    [ydoc, local, copy, provider],
  );

  const browserOnline = useSyncExternalStore(subscribeOnline, () => navigator.onLine, () => true);
  const status = liveStatus({ ready, connected, browserOnline, everConnected, unsynced, confirmed });

  const storeLive = useCallback(() => storeNow(provider, { afterOwnChanges: true }), [provider]);

  // Refused with changes typed here that the server never acknowledged or confirmed holding (typed offline).
  const deniedUnsaved = denied && deniedUnsent;
  return { ydoc, provider, status, ready, denied, deniedUnsaved, readOnly, storeNow: storeLive };
}
