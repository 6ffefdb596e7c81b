import type { ThreadView } from '../data/comments-read';

/** The API shape of a comment thread (dates as ISO strings, the section named `domain` as in the paths). */
export function presentThread(t: ThreadView) {
  return {
    id: t.id,
    domain: t.section,
    part: t.part,
    quote: t.quote,
    status: t.status,
    anchored: t.anchored,
    createdAt: t.createdAt.toISOString(),
    resolvedBy: t.resolvedByName,
    resolvedAt: t.resolvedAt?.toISOString() ?? null,
    comments: t.comments.map((c) => ({ id: c.id, author: c.authorName, body: c.body, createdAt: c.createdAt.toISOString() })),
  };
}
