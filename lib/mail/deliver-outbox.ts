import 'server-only';
import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { emailOutbox } from '../../db/schema';
import { sendMail, type Mail } from './send-mail';

/** Minutes to wait after the n-th failure: 1, 2, 4, … capped at an hour. */
export function retryDelayMinutes(attempts: number): number {
  return Math.min(60, 2 ** Math.max(0, attempts - 1));
}

const LEASE_MINUTES = 5;

/**
 * Sends up to `limit` due emails. Each is claimed in a short transaction (SKIP
 * LOCKED plus a lease), so several app instances can run this at once, and the
 * database is not held while the mail server answers (PGlite has one
 * connection). An instance that dies mid-send leaves the lease to expire: the
 * email is retried, never lost.
 */
export async function deliverOutbox(send: (mail: Mail) => Promise<boolean> = sendMail, limit = 20) {
  const db = await getDb();
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < limit; i++) {
    const row = await db.transaction(async (tx) => {
      const [due] = await tx
        .select()
        .from(emailOutbox)
        .where(and(isNull(emailOutbox.sentAt), lte(emailOutbox.nextAttemptAt, sql`now()`)))
        .orderBy(asc(emailOutbox.nextAttemptAt))
        .limit(1)
        .for('update', { skipLocked: true });
      if (due) {
        await tx
          .update(emailOutbox)
          .set({ nextAttemptAt: sql`now() + make_interval(mins => ${LEASE_MINUTES})` })
          .where(eq(emailOutbox.id, due.id));
      }
      return due;
    });
    if (!row) break;
    try {
      if (!(await send({ to: row.toEmail, subject: row.subject, text: row.body }))) {
        // No SMTP configured: give the lease back; the email waits in the outbox.
        await db.update(emailOutbox).set({ nextAttemptAt: row.nextAttemptAt }).where(eq(emailOutbox.id, row.id));
        break;
      }
      // Once sent, a one-time link has no business staying readable in the database (or its backups).
      const delivered = { sentAt: sql`now()`, attempts: row.attempts + 1, lastError: null, ...(row.confidential ? { body: '' } : {}) };
      await db.update(emailOutbox).set(delivered).where(eq(emailOutbox.id, row.id));
      sent++;
    } catch (error) {
      const attempts = row.attempts + 1;
      await db
        .update(emailOutbox)
        .set({
          attempts,
          lastError: String((error as Error)?.message ?? error).slice(0, 500),
          nextAttemptAt: sql`now() + make_interval(mins => ${retryDelayMinutes(attempts)})`,
        })
        .where(eq(emailOutbox.id, row.id));
      failed++;
    }
  }
  return { sent, failed };
}
