import { can, type Actor, type GlobalAction } from '../policy';
import { NotFoundError } from './errors';

/** Admin-only data functions call this first; to anyone else the resource does not exist. */
export function assertCan(actor: Actor | null, action: GlobalAction): asserts actor is Actor {
  if (!can(actor, action)) throw new NotFoundError();
}
