import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { assessments } from './assessments';
import { users } from './users';

/**
 * Who has opened which section of a profile while it was in review, so that
 * its focal points see when the consultation is done (lib/data/consultation.ts).
 * One row per person and section, written by one upsert on each view: the
 * first view is kept, the last one moves on. Only focal points and reviewers
 * are recorded (`recordsReading` in lib/policy).
 */
export const sectionReads = pgTable(
  'section_reads',
  {
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    section: text('section').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    firstReadAt: timestamp('first_read_at', { withTimezone: true }).notNull().defaultNow(),
    lastReadAt: timestamp('last_read_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.section, t.userId] }), index('section_reads_user_idx').on(t.userId)],
);
