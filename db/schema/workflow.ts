import { sql } from 'drizzle-orm';
import { check, index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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

export const reviewDecision = pgEnum('review_decision', ['accepted', 'changes_requested']);

/**
 * The focal point's current mark on each domain of a profile. An edit of the
 * domain removes an `accepted` mark, so nothing changes after it was accepted.
 */
export const domainReviews = pgTable(
  'domain_reviews',
  {
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    domain: text('domain').notNull(),
    decision: reviewDecision('decision').notNull(),
    note: text('note'),
    reviewerId: uuid('reviewer_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.assessmentId, t.domain] }),
    check(
      'domain_reviews_domain',
      sql`${t.domain} IN ('migrants_rights','whole_of_government','partnerships','well_being','mobility_crises','safe_orderly_regular')`,
    ),
  ],
);
