import 'server-only';
import { desc, sql } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { emailOutbox } from '../../db/schema';
import type { Actor } from '../policy';
import { assertCan } from './guards';

/**
 * Recent emails, sent or waiting, for admins (the outbox is where they wait without SMTP), with
 * their text, except the confidential ones' (a one-time link to set a password: an admin sees that
 * it exists and to whom, never the link, which would let them act as that person).
 */
export async function listOutbox(actor: Actor, limit = 100) {
  assertCan(actor, 'view_admin');
  const db = await getDb();
  return db
    .select({
      id: emailOutbox.id,
      toEmail: emailOutbox.toEmail,
      subject: emailOutbox.subject,
      body: sql<string | null>`CASE WHEN ${emailOutbox.confidential} THEN NULL ELSE ${emailOutbox.body} END`,
      confidential: emailOutbox.confidential,
      createdAt: emailOutbox.createdAt,
      attempts: emailOutbox.attempts,
      sentAt: emailOutbox.sentAt,
    })
    .from(emailOutbox)
    .orderBy(desc(emailOutbox.createdAt))
    .limit(limit);
}
