import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { assessments } from './assessments';
import { comments, commentThreads } from './comments';
import { users } from './users';

/** In-app notifications: one row per recipient and event. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    assessmentId: uuid('assessment_id').references(() => assessments.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    note: text('note'),
    /** The profile's title when the event happened: the inbox shows what was submitted or approved, not a later rename. */
    title: text('title'),
    /** For comment notifications: the thread (the inbox links to it) and the comment that caused it. */
    threadId: uuid('thread_id').references(() => commentThreads.id, { onDelete: 'cascade' }),
    commentId: uuid('comment_id').references(() => comments.id, { onDelete: 'cascade' }),
    /**
     * For publication notifications: the edition published (its page is the link).
     * No foreign key: editions are never deleted (migration 0008's trigger), and a
     * reference would make TRUNCATE fail on it before that trigger can refuse it.
     */
    editionId: uuid('edition_id'),
    /** For suggestion digests: the section (introduction or domain) the suggestions are in; comments take it from their thread. */
    section: text('section'),
    /** Waits for the person's digest email (lib/mail/digest-emails.ts) rather than having had one of its own. */
    emailPending: boolean('email_pending').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.readAt, t.createdAt),
    // One entry per person and event, even when they are both a participant and mentioned.
    uniqueIndex('notifications_one_per_comment').on(t.userId, t.commentId),
    uniqueIndex('notifications_one_per_edition').on(t.userId, t.editionId),
    // New suggestions gather in ONE unread entry per person, profile and section, updated while unread.
    uniqueIndex('notifications_one_unread_suggestion_digest')
      .on(t.userId, t.assessmentId, t.section)
      .where(sql`kind = 'suggested' AND read_at IS NULL`),
  ],
);

/**
 * The suggestions a 'suggested' notification counts, one row per suggestion
 * id: many stores of a live document add nothing twice, and a suggestion
 * withdrawn before it is read goes away again. `emailed` once a digest email
 * has told of it.
 */
export const notificationSuggestions = pgTable(
  'notification_suggestions',
  {
    notificationId: uuid('notification_id')
      .notNull()
      .references(() => notifications.id, { onDelete: 'cascade' }),
    suggestionId: text('suggestion_id').notNull(),
    /** The suggester's name as the suggestion carries it (no key: a consultant's own marks name whom they like). */
    authorName: text('author_name').notNull(),
    emailed: boolean('emailed').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.notificationId, t.suggestionId] }), index('notification_suggestions_suggestion_idx').on(t.suggestionId)],
);

/**
 * When a person's next digest email is due: written (or kept) when something
 * is set aside for it, removed when the digest is sent. The row is also the
 * lock that keeps two instances from sending one person two digests.
 */
export const emailDigests = pgTable('email_digests', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
});

/**
 * Emails waiting to be sent. Written in the same transaction as the event, sent
 * by a background loop, retried with back-off: a mail server outage loses nothing.
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    toEmail: text('to_email').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    lastError: text('last_error'),
    /** Holds a one-time link: admins see that it exists, never its body (lib/data/notifications.ts). */
    confidential: boolean('confidential').notNull().default(false),
  },
  (t) => [index('email_outbox_pending_idx').on(t.sentAt, t.nextAttemptAt)],
);
