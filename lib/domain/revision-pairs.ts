/**
 * Which stored revision comes before another. Revision numbers have gaps:
 * anchoring a comment moves a part's revision number on without storing a
 * revision (lib/data/comments-anchor.ts), so "n - 1" may name nothing, and the
 * history page must not ask for it (it answered "Page not found").
 * `stored` lists the part's stored revision numbers; revision 0 (the
 * starting copy) is always there.
 */
export function previousRevision(stored: readonly number[], revision: number): number {
  let best = 0;
  for (const n of stored) if (n < revision && n > best) best = n;
  return best;
}
