/** Roles a person holds on one jurisdiction. `admin` is global and lives on the user. */
export const jurisdictionRoles = ['consultant', 'focal_point'] as const;
export type JurisdictionRole = (typeof jurisdictionRoles)[number];

/**
 * At most this many roles are given in the invitation form; more are added on the user's page.
 * Kept here, not beside the zod schema: the form's rows read it in the browser, and zod there
 * probes `new Function`, which the CSP reports as a violation.
 */
export const MAX_INVITE_ROLES = 20;

export const jurisdictionLevels = ['country', 'state', 'municipality'] as const;
export type JurisdictionLevel = (typeof jurisdictionLevels)[number];
