import 'server-only';
import { notFound } from 'next/navigation';
import { can, type GlobalAction } from '../policy';
import { requireActor } from './current-actor';

/** For admin pages: log in first, and to a non-admin the page does not exist. */
export async function requireAbility(action: GlobalAction, returnTo: string) {
  const actor = await requireActor(returnTo);
  if (!can(actor, action)) notFound();
  return actor;
}
