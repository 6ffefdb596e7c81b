import type { JurisdictionRole } from '../domain/roles';
import type { Actor } from './actor';

export type { Actor } from './actor';

/**
 * The one place that decides who may do what. Pure functions of the actor and
 * the resource, so that the rules can be tested as a full matrix.
 */
export type GlobalAction = 'manage_users' | 'manage_jurisdictions' | 'view_admin';

export function can(actor: Actor | null, action: GlobalAction): boolean {
  if (!actor) return false;
  switch (action) {
    case 'manage_users':
    case 'manage_jurisdictions':
    case 'view_admin':
      return actor.isAdmin;
  }
}

export function rolesOn(actor: Actor | null, jurisdictionId: string): JurisdictionRole[] {
  if (!actor) return [];
  return actor.memberships.filter((m) => m.jurisdictionId === jurisdictionId).map((m) => m.role);
}

/** Whether the jurisdiction's unpublished work exists for this actor at all. */
export function canSeeJurisdiction(actor: Actor | null, jurisdictionId: string): boolean {
  if (!actor) return false;
  return actor.isAdmin || rolesOn(actor, jurisdictionId).length > 0;
}
