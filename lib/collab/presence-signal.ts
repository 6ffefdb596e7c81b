/**
 * The field of a person's live awareness state that says "my presence marker is
 * stored now" (components/editor/use-presence.ts): a new value from someone else
 * means the server has news about who is in the part.
 */
export const PRESENCE_FIELD = 'presence';

export interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/**
 * Whether an awareness change calls for asking the server who is here: another
 * client announced a marker not seen before, or a client that had announced one
 * left. Carets moving (most changes) do not. `seen` remembers each client's last
 * announcement and is updated here.
 */
export function presenceChanged(states: Map<number, unknown>, selfId: number, change: AwarenessChange, seen: Map<number, unknown>): boolean {
  let changed = false;
  for (const id of [...change.added, ...change.updated]) {
    if (id === selfId) continue;
    const value = (states.get(id) as Record<string, unknown> | undefined)?.[PRESENCE_FIELD];
    if (value === undefined || seen.get(id) === value) continue;
    seen.set(id, value);
    changed = true;
  }
  for (const id of change.removed) {
    if (seen.delete(id)) changed = true;
  }
  return changed;
}
