/*
 * Who hears of a comment, as a pure function so the rules are tested apart
 * from the database (lib/data/comment-notifications.ts feeds it).
 */

export type CommentNotificationKind = 'comment_thread' | 'comment_reply' | 'mentioned';

export interface CommentEvent {
  /** A new thread on a passage, or a reply in an existing one. */
  event: 'thread' | 'reply';
  actorId: string;
  /** Who wrote in the thread before this comment: its author and everyone who replied. */
  participants: readonly string[];
  /**
   * For a new thread: the people who work on the profile now, i.e. who may
   * answer the thread in its current state (the consultants while drafting,
   * the consultants and focal points during the review).
   */
  workers: readonly string[];
  /** Who the comment names with `@`, already limited to people who may read the profile. */
  mentioned: readonly string[];
  /** Who may read the profile now: nobody else hears of it, e.g. a participant whose role ended. */
  readers: ReadonlySet<string>;
}

/**
 * One entry per person: being mentioned says more than being a participant,
 * so a mentioned participant gets a `mentioned` entry only. A new thread tells
 * the workers; a reply tells the earlier participants. Never the author
 * themself, never someone who may not read the profile.
 */
export function commentRecipients(e: CommentEvent): Array<{ userId: string; kind: CommentNotificationKind }> {
  const out = new Map<string, CommentNotificationKind>();
  const add = (ids: readonly string[], kind: CommentNotificationKind) => {
    for (const id of ids) if (id !== e.actorId && e.readers.has(id) && !out.has(id)) out.set(id, kind);
  };
  add(e.mentioned, 'mentioned');
  add(e.event === 'thread' ? [...e.participants, ...e.workers] : e.participants, e.event === 'thread' ? 'comment_thread' : 'comment_reply');
  return [...out].map(([userId, kind]) => ({ userId, kind }));
}
