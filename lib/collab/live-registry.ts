/**
 * The live-editing server (server/collab.ts) runs in the same process as
 * Next's handlers but is bundled apart from them, so they meet on globalThis,
 * and only with plain data: a save made outside the live documents is handed
 * over as ProseMirror JSON (a replacement: the API, a restore) or as a change
 * of the text (a comment mark, a decided suggestion), which the server applies
 * to the open document as it stands so that editors see it at once; a
 * right that changed (role granted or revoked, user deactivated or demoted,
 * profile moved along the workflow) is handed over as who or what it touches,
 * and the server judges those people's open connections again at once.
 *
 * With several instances (REDIS_URL), the live server passes the notice on
 * to the others through Redis (server/collab-redis.ts), and they judge their
 * connections at once too. Should a notice be lost (Redis down for a moment,
 * a write made by a script), two safety nets remain: every change that
 * arrives is judged again before it is applied (a writer who lost the right
 * is cut at their next keystroke), and every open connection is judged again
 * on a short period (server/collab-rights.ts, RECHECK_EVERY_MS), which also ends a
 * reader's live view once their role is gone.
 */
export interface LiveParts {
  /**
   * Makes the live document of that name, where it is open (here or on another
   * instance), hold a stored document: a deliberate replacement (an API save
   * made against a revision, a restore), merged by the smallest Yjs change.
   */
  applySaved(docName: string, doc: unknown): void;
  /**
   * Changes the live document of that name, where it is open (here or on
   * another instance), by `change` applied to its text as it stands then: for
   * a change made to the stored text that is not a replacement of it (a
   * comment's mark, a decided suggestion), so that what editors typed and
   * nobody stored yet is kept.
   */
  applyChange(docName: string, change: (doc: unknown) => unknown): void;
  /**
   * For a change that is not an edit (a comment's mark), when the document of
   * that name is open here: stores what was typed in it so far (a revision by
   * its typists), then applies `change` to its text as it stands and hands the
   * result and its Yjs state to `persist`, which writes them as the stored text
   * (no revision of its own); no store comes in between. Should `change`
   * throw, nothing changes; should `persist` throw, `undo` is applied to the
   * live text as it then stands. Null when it is not open here.
   */
  amendLive<T>(
    docName: string,
    change: (doc: unknown) => unknown,
    persist: (after: unknown, state: Uint8Array) => Promise<T>,
    undo: (doc: unknown) => unknown,
  ): Promise<{ value: T } | null>;
  /**
   * Changes the live document of that name, if it is open here, by `change`
   * applied to its text as it stands this very moment (so nothing typed
   * meanwhile is lost), and stores it at once as a revision by `by`. Null when
   * it is not open here; `revision` null when `change` changed nothing.
   */
  changeLive(docName: string, change: (doc: unknown) => unknown, by: string): Promise<{ before: unknown; after: unknown; revision: number | null } | null>;
  /** The text of the live document of that name as it stands now, if it is open here (valid), else null. */
  currentDoc(docName: string): unknown;
  /** Judges again the open connections of this person, or to this profile's parts. */
  rightsChanged(scope: RightsScope): void;
}

export type RightsScope = { userId: string } | { assessmentId: string };

const holder = globalThis as typeof globalThis & { __mgiLiveParts?: LiveParts[] };

/**
 * Registers a live server; the newest registered is the one told. Production runs one per
 * process; tests start others beside it, in any order, and a server stopped takes only itself
 * out (clearing the registry on stop silenced the first server's notices of changed rights).
 * Returns what takes it out.
 */
export function registerLiveParts(live: LiveParts): () => void {
  holder.__mgiLiveParts = [...(holder.__mgiLiveParts ?? []), live];
  return () => {
    holder.__mgiLiveParts = (holder.__mgiLiveParts ?? []).filter((l) => l !== live);
  };
}

export function liveParts(): LiveParts | undefined {
  return holder.__mgiLiveParts?.at(-1);
}

/** After a write that changed someone's rights has committed: live connections follow at once. */
export function announceRightsChanged(scope: RightsScope): void {
  liveParts()?.rightsChanged(scope);
}
