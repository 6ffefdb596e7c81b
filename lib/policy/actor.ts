import type { JurisdictionRole } from '../domain/roles';

/** Who is acting, as loaded from the database on this very request. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  isAdmin: boolean;
  locale: string | null;
  memberships: ReadonlyArray<{
    jurisdictionId: string;
    slug: string;
    name: string;
    role: JurisdictionRole;
  }>;
  /** How the request authenticated: a browser session or an API token. */
  via: 'session' | 'token';
}
