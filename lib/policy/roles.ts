import type { JurisdictionRole } from '../domain/roles';
import type { Actor } from './actor';

export function rolesOn(actor: Actor | null, jurisdictionId: string): JurisdictionRole[] {
  if (!actor) return [];
  return actor.memberships.filter((m) => m.jurisdictionId === jurisdictionId).map((m) => m.role);
}
