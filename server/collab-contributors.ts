/** Who changed each open document since it was last stored: the next revision's authors. */
export interface ContributorLog {
  add(documentName: string, userId: string): void;
  /** Everyone noted, oldest change first (the last is the revision's author), and forgets them. */
  take(documentName: string): Promise<string[]>;
  /** Puts them back when storing failed. */
  putBack(documentName: string, userIds: string[]): Promise<void>;
}

/** One instance: the contributors are this process's to remember. */
export function contributorsInMemory(): ContributorLog {
  const byDocument = new Map<string, string[]>();
  return {
    add(documentName, userId) {
      byDocument.set(documentName, [...(byDocument.get(documentName) ?? []).filter((id) => id !== userId), userId]);
    },
    async take(documentName) {
      const list = byDocument.get(documentName) ?? [];
      byDocument.delete(documentName);
      return list;
    },
    async putBack(documentName, userIds) {
      // Older than anyone noted meanwhile: someone who changed the text again since stays the latest.
      const since = byDocument.get(documentName) ?? [];
      byDocument.set(documentName, [...userIds.filter((id) => !since.includes(id)), ...since]);
    },
  };
}
