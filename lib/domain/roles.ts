/** Roles a person holds on one jurisdiction. `admin` is global and lives on the user. */
export const jurisdictionRoles = ['consultant', 'focal_point'] as const;
export type JurisdictionRole = (typeof jurisdictionRoles)[number];

export const jurisdictionLevels = ['country', 'state', 'municipality'] as const;
export type JurisdictionLevel = (typeof jurisdictionLevels)[number];
