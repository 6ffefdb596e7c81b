import type { Connection, Document } from '@hocuspocus/server';
import { actorFromSession } from '../lib/auth/cookie-actor';
import { parseCollabDocName } from '../lib/collab/doc-name';
import type { RightsScope } from '../lib/collab/live-registry';
import { NotFoundError } from '../lib/data/errors';
import { assertMayChangeLive, liveAccess } from '../lib/data/live-parts';
import type { PartRef } from '../lib/data/parts';
import type { Actor } from '../lib/policy';
import { Refused, type Context } from './collab-connection';

/**
 * How often every open connection is judged again without being told to: the
 * safety net for a notice of changed rights that never arrived (Redis down for
 * a moment, a write made by a script or straight in the database).
 */
export const RECHECK_EVERY_MS = 30_000;
/** The close code of a connection whose rights changed: the browser reconnects and is judged afresh. */
export const RIGHTS_CHANGED = { code: 4401, reason: 'rights-changed' } as const;

/** The person of a connection's session as they are now; null when the session ended or is someone else's. */
export async function sessionActor(context: Context): Promise<Actor | null> {
  const live = await actorFromSession(context.sid);
  return live && live.actor.userId === context.actor.userId ? live.actor : null;
}

/**
 * Rights as they are now, for a change arriving on a writable connection: a
 * session ended, a user deactivated, a role revoked or a profile submitted for
 * review refuses it and cuts the connection (it reconnects read-only, or not at all).
 */
export async function mayChangeNow(context: Context, ref: PartRef): Promise<{ actor: Actor; may: 'edit' | 'suggest' }> {
  const actor = await sessionActor(context);
  if (!actor) throw new Refused();
  try {
    return { actor, may: await assertMayChangeLive(actor, ref) };
  } catch {
    throw new Refused();
  }
}

/**
 * Judges a connection again with the rights its person has now; when they
 * differ from the ones it was opened with (may no longer edit, may no longer
 * see, or may edit again), its socket is closed: the browser reconnects at
 * once and is let in read-only, read-write, or not at all. A database that
 * cannot answer changes nothing (each change is still judged on arrival). A
 * connection let in just before the change but still loading its document
 * is not among the open ones yet: it is judged again as it joins its
 * document (the `connected` hook, collab.ts).
 */
export async function recheck(connection: Connection): Promise<void> {
  const context = connection.context as Context;
  const ref = parseCollabDocName(connection.document.name);
  if (!ref || !context?.actor) return;
  let now: 'edit' | 'suggest' | 'read' | 'none';
  try {
    const actor = await sessionActor(context);
    now = actor ? await liveAccess(actor, ref) : 'none';
  } catch (error) {
    if (!(error instanceof NotFoundError)) return;
    now = 'none';
  }
  // Editing and suggesting are both a writable connection; which of the two is judged per change.
  if (now !== 'none' && (now === 'read') === connection.readOnly) return;
  connection.webSocket.close(RIGHTS_CHANGED.code, RIGHTS_CHANGED.reason);
}

/** The open connections a change of rights touches (all of them without a scope). */
function connectionsOf(documents: Map<string, Document>, scope?: RightsScope): Connection[] {
  const found: Connection[] = [];
  for (const document of documents.values()) {
    if (scope && 'assessmentId' in scope && parseCollabDocName(document.name)?.assessmentId !== scope.assessmentId) continue;
    for (const connection of document.getConnections()) {
      if (scope && 'userId' in scope && (connection.context as Context)?.actor?.userId !== scope.userId) continue;
      found.push(connection);
    }
  }
  return found;
}

/** Judges again, in the background, the open connections of `documents` a change of rights touches. */
export function recheckConnections(documents: Map<string, Document>, scope?: RightsScope): void {
  for (const connection of connectionsOf(documents, scope)) void recheck(connection);
}
