import type { JurisdictionRole } from '../domain/roles';
import type { Actor } from './actor';

/** A person for the policy matrices: admin or not, with roles on one jurisdiction. */
export function person(isAdmin: boolean, roles: JurisdictionRole[], on: string): Actor {
  return {
    userId: 'u',
    email: 'u@example.org',
    name: 'U',
    isAdmin,
    locale: null,
    memberships: roles.map((role) => ({ jurisdictionId: on, slug: on, name: on, role })),
    via: 'session',
  };
}
