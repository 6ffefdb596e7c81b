/**
 * The live-editing server (server/collab.ts) runs in the same process as
 * Next's handlers but is bundled apart from them, so they meet on globalThis,
 * and only with plain data: a save made outside the live documents (the API,
 * a restore, a comment mark) is handed over as ProseMirror JSON, which the
 * server merges into the open document so that editors see it at once.
 */
export interface LiveParts {
  /** Merges a stored document into the live one of that name, if it is open here. */
  applySaved(docName: string, doc: unknown): void;
}

const holder = globalThis as typeof globalThis & { __mgiLiveParts?: LiveParts };

export function setLiveParts(live: LiveParts | undefined): void {
  holder.__mgiLiveParts = live;
}

export function liveParts(): LiveParts | undefined {
  return holder.__mgiLiveParts;
}
