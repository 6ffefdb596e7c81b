import 'server-only';
import { and, eq, gt, lt, ne, sql } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { partPresence, users } from '../../db/schema';
import type { Actor } from '../policy';
import { getAssessmentHeader } from './assessments';
import type { PartRef } from './parts';

/** A marker counts as present for this long after its last heartbeat. */
export const PRESENCE_TTL_SECONDS = 45;

/** Marks the actor as having the part open, and answers who else has it open. */
export async function heartbeatPresence(actor: Actor, ref: PartRef) {
  await getAssessmentHeader(actor, ref.assessmentId);
  const db = await getDb();
  await db
    .insert(partPresence)
    .values({ ...ref, userId: actor.userId })
    .onConflictDoUpdate({
      target: [partPresence.assessmentId, partPresence.section, partPresence.part, partPresence.userId],
      set: { seenAt: sql`now()` },
    });
  // Old markers are useless; clean them up as we go.
  await db
    .delete(partPresence)
    .where(and(eq(partPresence.assessmentId, ref.assessmentId), lt(partPresence.seenAt, sql`now() - interval '1 hour'`)));
  return listPresence(actor, ref.assessmentId);
}

/** Who else has a part of this profile open, per part. */
export async function listPresence(actor: Actor, assessmentId: string) {
  const db = await getDb();
  return db
    .select({ section: partPresence.section, part: partPresence.part, name: users.name, userId: users.id })
    .from(partPresence)
    .innerJoin(users, eq(users.id, partPresence.userId))
    .where(
      and(
        eq(partPresence.assessmentId, assessmentId),
        ne(partPresence.userId, actor.userId),
        gt(partPresence.seenAt, sql`now() - make_interval(secs => ${PRESENCE_TTL_SECONDS})`),
      ),
    );
}

/** Takes the actor's marker off a part; like every call on a profile, a stranger to it gets a 404. */
export async function leavePresence(actor: Actor, ref: PartRef) {
  await getAssessmentHeader(actor, ref.assessmentId);
  const db = await getDb();
  await db
    .delete(partPresence)
    .where(
      and(
        eq(partPresence.assessmentId, ref.assessmentId),
        eq(partPresence.section, ref.section),
        eq(partPresence.part, ref.part),
        eq(partPresence.userId, actor.userId),
      ),
    );
}
