import { isNull, or, sql, type SQL } from 'drizzle-orm';
import { memberships } from '../../db/schema';

/**
 * A role counts until its end date (reviewers invited for a consultation round);
 * every query that loads roles joins with this, so a lapsed role is gone at once
 * without a job removing it.
 */
export const membershipInForce: SQL = or(isNull(memberships.expiresAt), sql`${memberships.expiresAt} > now()`)!;
