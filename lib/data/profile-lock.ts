import 'server-only';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { assessments } from '../../db/schema';
import { NotFoundError } from './errors';

/**
 * Share-locks a profile's row until the transaction ends, so that a workflow
 * transition cannot slip in between a rights check and the write that
 * follows it, and returns what those rights are judged on.
 */
export async function shareLockProfile(tx: Tx, assessmentId: string) {
  const [profile] = await tx
    .select({ jurisdictionId: assessments.jurisdictionId, state: assessments.state })
    .from(assessments)
    .where(eq(assessments.id, assessmentId))
    .for('share');
  if (!profile) throw new NotFoundError('profile');
  return profile;
}
