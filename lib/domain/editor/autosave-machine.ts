/**
 * The bookkeeping of autosave, without timers, network or DOM, so that it can
 * be tested over any interleaving of keys, responses and outages.
 *
 * Every edit bumps a local version. A save carries the version it was taken
 * from; only the server's 200 for that save moves `savedVersion`. The status
 * says "saved" only when `savedVersion` is the editor's version: nothing typed
 * after the text that was sent can hide behind a "Saved".
 */

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'offline' | 'conflict' | 'error';

/** A save put on the wire: the editor version and text it carried, and its base revision. */
export interface SentSave<D> {
  version: number;
  doc: D;
  baseRevision: number;
}

/** What the server holds when a save came back as a conflict. */
export interface ServerCopy<D> {
  doc: D;
  revision: number;
  /** Who made that revision and when, when the server says (the 409 body). */
  savedBy?: { name: string | null } | null;
  savedAt?: string | null;
}

/** Sent saves whose answer never came (offline, closed tab): kept to recognise our own revisions later. */
const MAX_UNCONFIRMED = 8;

export class AutosaveMachine<D> {
  /** Local edit counter: bumped by every change to the editor's document. */
  version = 0;
  /** The editor version the server is known to hold (0: the text the page was loaded with). */
  savedVersion = 0;
  /** The revision the editor's text is based on: every save names it. */
  base: number;
  inFlight: SentSave<D> | null = null;
  /** Saves sent whose outcome is unknown: one of them may be the server's current revision. */
  unconfirmed: SentSave<D>[] = [];
  offline = false;
  conflict: ServerCopy<D> | null = null;
  /** The server's last error message; cleared by the next success. */
  error: string | null = null;
  /** The version the server refused (not retried until the next edit); -1 when the error may pass (5xx). */
  refusedVersion = -1;
  private everSaved = false;

  constructor(
    baseRevision: number,
    private readonly same: (a: D, b: D) => boolean,
  ) {
    this.base = baseRevision;
  }

  get dirty(): boolean {
    return this.version !== this.savedVersion;
  }

  status(): SaveStatus {
    if (this.conflict) return 'conflict';
    if (!this.dirty && !this.inFlight) return this.everSaved ? 'saved' : 'idle';
    if (this.offline) return 'offline';
    if (this.error !== null && (this.refusedVersion === -1 || this.refusedVersion === this.version)) return 'error';
    return 'saving';
  }

  edit(): void {
    this.version++;
  }

  /** Whether a save should go out now (the caller decides when: after the delay, on hide, back online). */
  canSend(): boolean {
    return !this.conflict && !this.inFlight && this.dirty && this.refusedVersion !== this.version;
  }

  /** Records that the current text, `doc`, is being sent. */
  begin(doc: D): SentSave<D> {
    const sent = { version: this.version, doc, baseRevision: this.base };
    this.inFlight = sent;
    this.unconfirmed = [...this.unconfirmed, sent].slice(-MAX_UNCONFIRMED);
    return sent;
  }

  /** The server took the save in flight and made `revision` from it. */
  succeeded(revision: number): void {
    const sent = this.takeInFlight();
    this.base = revision;
    // Older unanswered saves are based on older revisions: they can no longer be the latest.
    this.unconfirmed = [];
    this.offline = false;
    this.error = null;
    this.refusedVersion = -1;
    this.everSaved = true;
    // Versions only grow: an answer never moves the mark backwards.
    this.savedVersion = Math.max(this.savedVersion, sent.version);
  }

  /**
   * The save in flight was based on a stale revision. The server's text may
   * still be ours: the text we sent (an earlier try got through), an earlier
   * save whose answer was lost, or already the editor's text. Only otherwise
   * is it someone else's, and the person must choose.
   */
  conflicted(server: ServerCopy<D>, editorDoc: D): 'ours' | 'conflict' {
    const sent = this.takeInFlight();
    if (this.same(server.doc, sent.doc)) {
      this.inFlight = sent;
      this.succeeded(server.revision);
      return 'ours';
    }
    const earlier = this.unconfirmed.find((u) => u.baseRevision + 1 === server.revision && this.same(u.doc, server.doc));
    if (earlier || this.same(server.doc, editorDoc)) {
      this.base = server.revision;
      this.unconfirmed = [];
      this.offline = false;
      this.everSaved = true;
      if (this.same(server.doc, editorDoc)) this.savedVersion = this.version;
      else if (earlier) this.savedVersion = Math.max(this.savedVersion, earlier.version);
      return 'ours';
    }
    this.conflict = server;
    return 'conflict';
  }

  /** No answer: the network is down (retry when back), or the server refused (`refuse`: not retried until the next edit). */
  failed(kind: 'offline' | 'refused' | 'unavailable', message: string | null = null): void {
    const sent = this.takeInFlight();
    if (kind === 'offline') {
      this.offline = true;
      return;
    }
    this.error = message;
    // A server error may pass (retry later); a refusal of this text will not.
    this.refusedVersion = kind === 'refused' ? sent.version : -1;
  }

  online(): void {
    this.offline = false;
  }

  /**
   * Saves an earlier visit sent without seeing the answer: one may still reach
   * the server after this visit's first save, whose conflict is then ours.
   */
  recall(sent: ReadonlyArray<{ doc: D; baseRevision: number }>): void {
    // Version 0: they carry older text than the editor's, so a match rebases and sends again.
    this.unconfirmed = [...sent.map((s) => ({ version: 0, doc: s.doc, baseRevision: s.baseRevision })), ...this.unconfirmed].slice(-MAX_UNCONFIRMED);
  }

  /** Text recovered from an earlier visit meets a revision someone else made since. */
  raiseConflict(server: ServerCopy<D>): void {
    this.conflict = server;
  }

  /** Resolve a conflict with the editor's text: it goes out based on their revision. */
  keepMine(): void {
    if (!this.conflict) return;
    this.base = this.conflict.revision;
    this.conflict = null;
    this.unconfirmed = [];
    // The server holds their text, not the editor's: whatever was saved before no longer counts.
    this.savedVersion = -1;
  }

  /** Resolve a conflict with their text; the caller has put `conflict.doc` in the editor. */
  keepTheirs(): void {
    if (!this.conflict) return;
    this.base = this.conflict.revision;
    this.conflict = null;
    this.unconfirmed = [];
    this.version++;
    this.savedVersion = this.version;
    this.everSaved = true;
  }

  /** The server made `revision` from this very text (a comment mark applied on both sides). */
  adopt(revision: number): void {
    this.base = revision;
  }

  private takeInFlight(): SentSave<D> {
    const sent = this.inFlight;
    if (!sent) throw new Error('No save is in flight.');
    this.inFlight = null;
    return sent;
  }
}

/** Text left in the browser by an earlier visit (closed tab, offline), as stored. */
export interface PendingText<D> {
  doc: D;
  baseRevision: number;
  /** Saves sent from that visit whose answers never came. */
  sent?: Array<{ doc: D; baseRevision: number }>;
}

/**
 * What to do with text recovered from the browser, given what the server
 * holds now: nothing if the server has it already; send it if the server has
 * not moved since, or moved only by saves of ours (one this browser sent, or
 * any made by this person: `lastOtherRevision` is the newest revision someone
 * else made); otherwise a conflict.
 */
export function recoveryPlan<D>(
  pending: PendingText<D>,
  server: { doc: D; revision: number },
  same: (a: D, b: D) => boolean,
  lastOtherRevision = Number.POSITIVE_INFINITY,
): 'drop' | 'send' | 'conflict' {
  if (same(pending.doc, server.doc)) return 'drop';
  if (pending.baseRevision === server.revision) return 'send';
  const ours = (pending.sent ?? []).some((s) => s.baseRevision + 1 === server.revision && same(s.doc, server.doc));
  if (ours) return 'send';
  // Based on a revision newer than the page: the browser learned it from the server after this page was rendered.
  if (pending.baseRevision > server.revision) return 'send';
  return pending.baseRevision >= lastOtherRevision ? 'send' : 'conflict';
}

/** Key order aside, whether two JSON values are the same (the database reorders object keys). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((x, i) => sameJson(x, other[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
