import type { Actor } from './actor';
import { rolesOn } from './roles';

export type { Actor } from './actor';
export { rolesOn } from './roles';
export * from './assessment';

/**
 * The one place that decides who may do what. Pure functions of the actor and
 * the resource, so that the rules can be tested as a full matrix.
 */
export type GlobalAction = 'manage_users' | 'manage_jurisdictions' | 'view_admin' | 'import_editions';

export function can(actor: Actor | null, action: GlobalAction): boolean {
  if (!actor) return false;
  switch (action) {
    case 'manage_users':
    case 'manage_jurisdictions':
    case 'view_admin':
    // Imported editions are published at once, and only admins publish.
    case 'import_editions':
      return actor.isAdmin;
  }
}

/** Whether the jurisdiction's unpublished work exists for this actor at all. */
export function canSeeJurisdiction(actor: Actor | null, jurisdictionId: string): boolean {
  if (!actor) return false;
  return actor.isAdmin || rolesOn(actor, jurisdictionId).length > 0;
}
export * from './transitions';
export * from './comments';

/**
 * Inviting, listing and removing a jurisdiction's consultation reviewers: its
 * focal points (who run the consultation) and admins. Whoever cannot see the
 * jurisdiction gets 404 before this is asked.
 */
export function canManageReviewers(actor: Actor | null, jurisdictionId: string): boolean {
  if (!actor) return false;
  return actor.isAdmin || rolesOn(actor, jurisdictionId).includes('focal_point');
}
export * from './search';
export * from './consultation';
