'use client';

import type { JSONContent } from '@tiptap/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { AutosaveMachine, recoveryPlan, sameJson, type PendingText, type SaveStatus, type ServerCopy } from '@/lib/domain/editor/autosave-machine';

export type { SaveStatus } from '@/lib/domain/editor/autosave-machine';
export type Conflict = ServerCopy<JSONContent>;

interface Options {
  url: string;
  /** localStorage key holding unsent text, so nothing typed is lost offline or on a closed tab. */
  storageKey: string;
  initialRevision: number;
  getDoc: () => JSONContent;
  delayMs?: number;
}

/** Retry pace while offline or after a server error, besides the `online` event. */
const RETRY_MS = 5000;
/** Characters of JSON a keepalive request may carry (the browsers' limit is 64 KB of body). */
const KEEPALIVE_LIMIT = 60_000;

export function readPending(storageKey: string): PendingText<JSONContent> | null {
  try {
    const raw = window.localStorage.getItem(storageKey);
    const parsed = raw ? (JSON.parse(raw) as PendingText<JSONContent>) : null;
    return parsed && typeof parsed === 'object' && parsed.doc && Number.isInteger(parsed.baseRevision) ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * Saves a part a moment after typing stops, when the page is hidden or left,
 * and when the connection comes back. The bookkeeping lives in
 * AutosaveMachine: "Saved" shows only when the server's 200 was for the very
 * text the editor holds. Every save names the revision it was based on; a
 * stale one comes back as a conflict unless the server's text turns out to be
 * ours. Unsent text stays in localStorage until the server has it.
 */
export function useAutosave({ url, storageKey, initialRevision, getDoc, delayMs = 800 }: Options) {
  // One machine per editor; it is mutated by events, never read during render (the state below is).
  const [m] = useState(() => new AutosaveMachine<JSONContent>(initialRevision, sameJson));
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** `send` itself, for the follow-up save it starts when keys came in while it travelled. */
  const sendAgain = useRef<() => void>(() => {});

  /** Shows the machine's state, and keeps the browser copy in step with it. */
  const publish = useCallback(() => {
    setStatus(m.status());
    setConflict(m.conflict);
    setError(m.error);
    try {
      if (!m.dirty && !m.inFlight && !m.conflict) {
        window.localStorage.removeItem(storageKey);
      } else {
        const pending: PendingText<JSONContent> = {
          doc: getDoc(),
          baseRevision: m.base,
          sent: m.unconfirmed.map((s) => ({ doc: s.doc, baseRevision: s.baseRevision })),
        };
        window.localStorage.setItem(storageKey, JSON.stringify(pending));
      }
    } catch {
      /* storage full or disabled: the server copy is all we have */
    }
  }, [getDoc, m, storageKey]);

  const send = useCallback(
    async (keepalive = false): Promise<void> => {
      if (!m.canSend()) return;
      const sent = m.begin(getDoc());
      publish();
      let response: Response;
      let body: { revision?: number; doc?: JSONContent; savedBy?: { name: string | null } | null; savedAt?: string | null; error?: { code?: string; message?: string } } | null;
      try {
        const payload = JSON.stringify({ doc: sent.doc, baseRevision: sent.baseRevision });
        response = await fetch(url, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: payload,
          // Browsers refuse keepalive bodies over 64 KB: a long text goes as a plain request (localStorage keeps it anyway).
          keepalive: keepalive && payload.length < KEEPALIVE_LIMIT,
        });
        body = await response.json().catch(() => null);
      } catch {
        m.failed('offline'); // the text stays in localStorage; retried when back online
        publish();
        return;
      }
      let through = false; // the server has this text (or one of ours): more keys may follow at once
      if (response.ok && typeof body?.revision === 'number') {
        m.succeeded(body.revision);
        through = true;
      } else if (response.status === 409 && body?.error?.code === 'revision_conflict' && body.doc && typeof body.revision === 'number') {
        const server = { doc: body.doc, revision: body.revision, savedBy: body.savedBy ?? null, savedAt: body.savedAt ?? null };
        through = m.conflicted(server, getDoc()) === 'ours';
      } else {
        const message = body?.error?.message ?? `The server answered ${response.status}.`;
        // 5xx and throttling pass; any other refusal is about this text and waits for the next edit.
        m.failed(response.status >= 500 || response.status === 429 ? 'unavailable' : 'refused', message);
      }
      publish();
      // Keys typed while the request travelled: if their timer already ran out, send them now.
      // (After a failure the retry waits for the connection or the retry interval instead.)
      if (through && m.canSend() && timer.current === undefined) sendAgain.current();
    },
    [getDoc, m, publish, url],
  );

  useEffect(() => {
    sendAgain.current = () => void send();
  }, [send]);

  const schedule = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = undefined;
      void send();
    }, delayMs);
  }, [delayMs, send]);

  /** Call on every edit. */
  const onChange = useCallback(() => {
    m.edit();
    publish();
    schedule();
  }, [m, publish, schedule]);

  /** Resolve a conflict by saving my text over theirs (also after merging by hand). */
  const keepMine = useCallback(() => {
    m.keepMine();
    publish();
    void send();
  }, [m, publish, send]);

  /** Resolve a conflict by taking their text; `apply` puts it in the editor. */
  const keepTheirs = useCallback(
    (apply: (doc: JSONContent) => void) => {
      const theirs = m.conflict;
      if (!theirs) return;
      apply(theirs.doc);
      m.keepTheirs();
      publish();
    },
    [m, publish],
  );

  /**
   * Text recovered from a previous visit: nothing to do if the server has it;
   * otherwise `apply` puts it in the editor, and it is sent if the server has
   * not moved since or moved only by a save of ours, or shown as a conflict.
   */
  const recover = useCallback(
    (pending: PendingText<JSONContent>, server: Conflict, apply: (doc: JSONContent) => void, lastOtherRevision?: number) => {
      const plan = recoveryPlan(pending, server, sameJson, lastOtherRevision);
      if (plan !== 'drop') {
        apply(pending.doc);
        m.edit();
        m.recall(pending.sent ?? []);
        // On the newer of the two: a stale base would only come back as a conflict.
        if (plan === 'send') m.adopt(Math.max(server.revision, pending.baseRevision));
        else m.raiseConflict(server);
      }
      publish();
      if (plan === 'send') void send();
    },
    [m, publish, send],
  );

  useEffect(() => {
    const retry = () => {
      m.online();
      publish();
      void send();
    };
    const flushHidden = () => {
      if (document.visibilityState === 'hidden') {
        clearTimeout(timer.current);
        timer.current = undefined;
        void send(true);
      }
    };
    const warn = (event: BeforeUnloadEvent) => {
      if (!m.dirty && !m.inFlight) return;
      clearTimeout(timer.current);
      timer.current = undefined;
      // keepalive lets the request outlive the page; localStorage keeps the text if it does not arrive.
      void send(true);
      event.preventDefault();
      event.returnValue = '';
    };
    const interval = setInterval(() => {
      if (m.canSend() && timer.current === undefined) {
        m.online();
        void send();
      }
    }, RETRY_MS);
    window.addEventListener('online', retry);
    document.addEventListener('visibilitychange', flushHidden);
    window.addEventListener('beforeunload', warn);
    return () => {
      clearInterval(interval);
      clearTimeout(timer.current);
      timer.current = undefined;
      // Leaving the part inside the app (a link): what is waiting for its timer goes now.
      void send(true);
      window.removeEventListener('online', retry);
      document.removeEventListener('visibilitychange', flushHidden);
      window.removeEventListener('beforeunload', warn);
    };
  }, [m, publish, send]);

  /** Saves now and waits for it; true when the server holds everything typed so far. */
  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    // A request already on the wire: wait for it (and for the one it triggers).
    for (let i = 0; i < 100 && m.inFlight; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    await send();
    return !m.dirty && !m.inFlight && !m.conflict;
  }, [m, send]);

  /** The revision the text in the editor is based on. */
  const revision = useCallback(() => m.base, [m]);

  /**
   * Takes on a revision the server made from this very text without a save
   * (a comment mark the editor has applied locally too), so the next save is
   * not mistaken for a conflict.
   */
  const adopt = useCallback((next: number) => m.adopt(next), [m]);

  return { status, conflict, error, onChange, keepMine, keepTheirs, recover, flush, revision, adopt };
}
