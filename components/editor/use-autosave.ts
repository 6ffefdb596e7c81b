'use client';

import type { JSONContent } from '@tiptap/react';
import { useCallback, useEffect, useRef, useState } from 'react';

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'offline' | 'conflict' | 'error';
export interface Conflict {
  doc: JSONContent;
  revision: number;
}

interface Options {
  url: string;
  /** localStorage key holding unsent text, so nothing typed is lost offline or on a closed tab. */
  storageKey: string;
  initialRevision: number;
  getDoc: () => JSONContent;
  delayMs?: number;
}

interface Pending {
  doc: JSONContent;
  baseRevision: number;
}

export function readPending(storageKey: string): Pending | null {
  try {
    const raw = window.localStorage.getItem(storageKey);
    return raw ? (JSON.parse(raw) as Pending) : null;
  } catch {
    return null;
  }
}

/**
 * Saves a part a moment after typing stops, when the page is hidden and when
 * the connection comes back. Every save names the revision it was based on; a
 * stale one comes back as a conflict with the other person's text, and the
 * person chooses. Unsent text stays in localStorage until the server has it.
 */
export function useAutosave({ url, storageKey, initialRevision, getDoc, delayMs = 800 }: Options) {
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [error, setError] = useState<string | null>(null);
  const base = useRef(initialRevision);
  const dirty = useRef(false);
  const inFlight = useRef(false);
  const changedInFlight = useRef(false);
  const blocked = useRef(false); // true while a conflict waits for the person
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const keepLocally = useCallback(
    (doc: JSONContent) => {
      try {
        window.localStorage.setItem(storageKey, JSON.stringify({ doc, baseRevision: base.current }));
      } catch {
        /* storage full or disabled: the server copy is all we have */
      }
    },
    [storageKey],
  );

  const save = useCallback(
    async (keepalive = false): Promise<void> => {
      if (blocked.current || !dirty.current) return;
      if (inFlight.current) {
        changedInFlight.current = true;
        return;
      }
      inFlight.current = true;
      try {
        // Loop while the person kept typing during a request: each round sends the latest text.
        let again = true;
        while (again) {
          changedInFlight.current = false;
          setStatus('saving');
          again = (await sendOnce(keepalive)) && changedInFlight.current && !blocked.current;
        }
      } finally {
        inFlight.current = false;
      }

      /** One PUT; true when the server took it. */
      async function sendOnce(keepaliveRequest: boolean): Promise<boolean> {
        const doc = getDoc();
        try {
          const response = await fetch(url, {
            method: 'PUT',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ doc, baseRevision: base.current }),
            keepalive: keepaliveRequest,
          });
          const body = await response.json().catch(() => null);
          if (response.ok) {
            base.current = body.revision;
            setError(null);
            if (changedInFlight.current) {
              keepLocally(getDoc());
            } else {
              dirty.current = false;
              window.localStorage.removeItem(storageKey);
              setStatus('saved');
            }
            return true;
          }
          if (response.status === 409 && body?.error?.code === 'revision_conflict') {
            blocked.current = true;
            setConflict({ doc: body.doc, revision: body.revision });
            setStatus('conflict');
          } else {
            setError(body?.error?.message ?? `The server answered ${response.status}.`);
            setStatus('error');
          }
          return false;
        } catch {
          setStatus('offline'); // the text stays in localStorage; retried when back online
          return false;
        }
      }
    },
    [getDoc, keepLocally, storageKey, url],
  );

  /** Call on every edit. */
  const onChange = useCallback(
    (doc: JSONContent) => {
      dirty.current = true;
      keepLocally(doc);
      if (blocked.current) return;
      setStatus((s) => (s === 'offline' ? s : 'saving'));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), delayMs);
    },
    [delayMs, keepLocally, save],
  );

  /** Resolve a conflict by saving my text over theirs (also after merging by hand). */
  const keepMine = useCallback(() => {
    if (!conflict) return;
    base.current = conflict.revision;
    blocked.current = false;
    setConflict(null);
    dirty.current = true;
    void save();
  }, [conflict, save]);

  /** Resolve a conflict by taking their text; the caller puts it in the editor. */
  const keepTheirs = useCallback(() => {
    if (!conflict) return null;
    base.current = conflict.revision;
    blocked.current = false;
    dirty.current = false;
    window.localStorage.removeItem(storageKey);
    setConflict(null);
    setStatus('saved');
    return conflict.doc;
  }, [conflict, storageKey]);

  /** Text recovered from a previous visit: send it, or raise a conflict if the server moved on. */
  const recover = useCallback(
    (pending: Pending, server: Conflict) => {
      dirty.current = true;
      if (pending.baseRevision === server.revision) {
        void save();
      } else {
        blocked.current = true;
        setConflict(server);
        setStatus('conflict');
      }
    },
    [save],
  );

  useEffect(() => {
    const retry = () => void save();
    const flush = () => {
      if (document.visibilityState === 'hidden') void save(true);
    };
    const warn = (event: BeforeUnloadEvent) => {
      if (!dirty.current) return;
      void save(true);
      event.preventDefault();
      event.returnValue = '';
    };
    const interval = setInterval(() => {
      if (dirty.current && !inFlight.current && !blocked.current) void save();
    }, 5000);
    window.addEventListener('online', retry);
    document.addEventListener('visibilitychange', flush);
    window.addEventListener('beforeunload', warn);
    return () => {
      clearInterval(interval);
      window.removeEventListener('online', retry);
      document.removeEventListener('visibilitychange', flush);
      window.removeEventListener('beforeunload', warn);
    };
  }, [save]);

  /** Saves now; true when the server holds everything typed so far. */
  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    await save();
    return !dirty.current && !blocked.current && !inFlight.current;
  }, [save]);

  /** The revision the text in the editor is based on. */
  const revision = useCallback(() => base.current, []);

  /**
   * Takes on a revision the server made from this very text without a save
   * (a comment mark the editor has applied locally too), so the next save is
   * not mistaken for a conflict.
   */
  const adopt = useCallback((next: number) => {
    base.current = next;
  }, []);

  return { status, conflict, error, onChange, keepMine, keepTheirs, recover, flush, revision, adopt };
}
