import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { sessions, users } from '../../db/schema';
import { announceRightsChanged } from '../collab/live-registry';
import { getEnv } from '../env';

// Touch last_seen_at at most this often: the idle timeout does not need
// second precision, and a write per request would be wasted work.
const TOUCH_AFTER_SECONDS = 60;

/** Starts a session for a user who has just proven who they are. */
export async function createSession(userId: string, userAgent?: string | null): Promise<string> {
  const db = await getDb();
  const id = randomBytes(32).toString('base64url');
  await db.insert(sessions).values({ id, userId, userAgent: userAgent?.slice(0, 300) ?? null });
  return id;
}

/**
 * The user id behind a live session, or null when it was ended, idled out,
 * passed its maximum age, or its user was deactivated.
 */
export async function resolveSession(sessionId: string): Promise<string | null> {
  const env = getEnv();
  const db = await getDb();
  const [row] = await db
    .select({
      userId: sessions.userId,
      stale: sql<boolean>`${sessions.lastSeenAt} < now() - make_interval(secs => ${TOUCH_AFTER_SECONDS})`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sessionId),
        eq(users.active, true),
        gt(sessions.lastSeenAt, sql`now() - make_interval(mins => ${env.SESSION_IDLE_MINUTES})`),
        gt(sessions.createdAt, sql`now() - make_interval(hours => ${env.SESSION_MAX_HOURS})`),
      ),
    );
  if (!row) return null;
  if (row.stale) {
    await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, sessionId));
  }
  return row.userId;
}

export async function deleteSession(sessionId: string): Promise<void> {
  const db = await getDb();
  const [ended] = await db.delete(sessions).where(eq(sessions.id, sessionId)).returning({ userId: sessions.userId });
  // Live-editing connections opened with it close now, not at their next periodic check.
  if (ended) announceRightsChanged({ userId: ended.userId });
}
