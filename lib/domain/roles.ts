/** Roles a person holds on one jurisdiction. `admin` is global and lives on the user. */
export const jurisdictionRoles = ['consultant', 'focal_point', 'reviewer'] as const;
export type JurisdictionRole = (typeof jurisdictionRoles)[number];

/**
 * The roles an admin gives on the user pages. A `reviewer` (consultation round) is
 * invited by the jurisdiction's focal points or an admin from the jurisdiction's
 * page, with their organisation and an end date (lib/data/reviewers.ts).
 */
export const staffRoles = ['consultant', 'focal_point'] as const;
export type StaffRole = (typeof staffRoles)[number];

/** Longest ministry or organisation name given for a reviewer. */
export const MAX_ORGANISATION_LENGTH = 200;

/**
 * At most this many roles are given in the invitation form; more are added on the user's page.
 * Kept here, not beside the zod schema: the form's rows read it in the browser, and zod there
 * probes `new Function`, which the CSP reports as a violation.
 */
export const MAX_INVITE_ROLES = 20;

export const jurisdictionLevels = ['country', 'state', 'municipality'] as const;
export type JurisdictionLevel = (typeof jurisdictionLevels)[number];
