'use client';

import type { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';

/** What y-indexeddb calls the object store its updates go to. */
const UPDATES_STORE = 'updates';

const stashKey = (name: string) => `mgi-unsaved:${name}`;

function toBase64(bytes: Uint8Array) {
  let text = '';
  // In slices: String.fromCharCode(...a whole document) can overflow the call stack.
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

function fromBase64(text: string) {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

/**
 * Makes "your text is kept in this browser" true even when the tab is closed
 * right after a key is pressed. y-indexeddb writes each change in an IndexedDB
 * transaction that commits a moment later, and a page that goes away aborts the
 * transactions it still has open: the last letters were lost (seen in CI). So
 * this follows when IndexedDB has committed every change (an empty read-write
 * transaction on the same store completes only after the earlier ones), and
 * when the page is hidden or leaves with changes not yet committed it copies
 * them to localStorage, which the browser keeps as soon as `setItem` returns.
 * The next page on the part applies that copy (Yjs updates apply idempotently)
 * and removes it once IndexedDB holds it.
 *
 * Call before any other change reaches the document, after y-indexeddb is set up.
 */
export function keepLocalCopy(name: string, ydoc: Y.Doc, local: IndexeddbPersistence) {
  let made = 0; // changes y-indexeddb was asked to write
  let committed = 0; // of those, committed
  let committedVector: Uint8Array | null = null; // what IndexedDB held at the last commit seen
  let checking = false;
  let stopped = false;

  const stashed = () => {
    try {
      return window.localStorage.getItem(stashKey(name));
    } catch {
      return null; // storage disabled: nothing was kept there
    }
  };
  const dropStash = () => {
    try {
      window.localStorage.removeItem(stashKey(name));
    } catch {
      /* nothing to drop */
    }
  };

  const check = () => {
    const db = local.db;
    if (!db || checking || stopped) return; // before the database is open, y-indexeddb writes the whole document when it opens
    checking = true;
    const upTo = made;
    const vector = Y.encodeStateVector(ydoc);
    let tx: IDBTransaction;
    try {
      tx = db.transaction([UPDATES_STORE], 'readwrite');
    } catch {
      checking = false; // closed (the part was left): the copy in localStorage, if any, stays
      return;
    }
    tx.objectStore(UPDATES_STORE).count();
    tx.oncomplete = () => {
      checking = false;
      committed = Math.max(committed, upTo);
      committedVector = vector;
      if (committed < made) check();
      else dropStash();
    };
    tx.onabort = () => {
      checking = false; // the next change asks again
    };
  };

  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === local) return; // read from IndexedDB: nothing to write
    made += 1;
    check();
  };
  ydoc.on('update', onUpdate);

  // What a page that went away too soon left behind; written to IndexedDB by y-indexeddb like any change.
  const left = stashed();
  if (left) {
    try {
      Y.applyUpdate(ydoc, fromBase64(left), 'local-copy');
    } catch {
      dropStash(); // unreadable: it cannot be applied later either
    }
  }
  void local.whenSynced.then(check);

  const stash = () => {
    if (committed >= made || stopped) return;
    try {
      const missing = committedVector ? Y.encodeStateAsUpdate(ydoc, committedVector) : Y.encodeStateAsUpdate(ydoc);
      window.localStorage.setItem(stashKey(name), toBase64(missing));
    } catch {
      /* storage full or disabled: IndexedDB may still commit in time */
    }
  };
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') stash();
  };
  window.addEventListener('pagehide', stash);
  document.addEventListener('visibilitychange', onVisibility);

  const stop = () => {
    stopped = true;
    ydoc.off('update', onUpdate);
    window.removeEventListener('pagehide', stash);
    document.removeEventListener('visibilitychange', onVisibility);
  };

  return {
    /** Forgets what is kept here, for good (the server refuses this person's changes now). */
    clear: () => {
      stop();
      dropStash();
    },
    /** The part is left: what is not committed yet is copied, and the next page on the part picks it up. */
    stop: () => {
      stash();
      stop();
    },
  };
}
