import 'server-only';
import { getServerSession } from 'next-auth';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { loadActor, loadActorByToken } from '../data/actor';
import { resolveSession } from '../data/sessions';
import type { Actor } from '../policy';
import { getAuthOptions } from './options';

/**
 * The person behind this request, read fresh from the database: a bearer
 * token, or a session cookie whose session row is still alive. Cached for the
 * rest of the request only.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const authorization = (await headers()).get('authorization');
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    return match ? loadActorByToken(match[1]) : null;
  }
  const session = await getServerSession(getAuthOptions());
  if (!session?.sid) return null;
  const userId = await resolveSession(session.sid);
  return userId ? loadActor(userId, 'session') : null;
});

/** For pages: the actor, or a redirect to the login page that comes back here. */
export async function requireActor(returnTo: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return actor;
}
