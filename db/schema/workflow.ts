import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { assessments, assessmentState } from './assessments';
import { users } from './users';

/** Every workflow transition of a profile: who, when, from, to, and the note. */
export const assessmentTransitions = pgTable(
  'assessment_transitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromState: assessmentState('from_state').notNull(),
    toState: assessmentState('to_state').notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('assessment_transitions_assessment_idx').on(t.assessmentId, t.createdAt)],
);
