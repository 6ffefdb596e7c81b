import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { assessmentParts } from './assessments';
import { users } from './users';

/**
 * Every accepted or rejected suggestion (lib/data/suggestions.ts): who
 * suggested what, who decided, and the revision the decision made, so that a
 * part's history says who suggested and who accepted, and rejected ones stay
 * listed after they leave the text. The author's name is kept as it was shown.
 */
export const suggestionDecisions = pgTable(
  'suggestion_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id').notNull(),
    section: text('section').notNull(),
    part: text('part').notNull(),
    suggestionId: uuid('suggestion_id').notNull(),
    /** As the suggestion named them: not a reference (a document may name someone since removed). */
    authorId: uuid('author_id'),
    authorName: text('author_name'),
    deciderId: uuid('decider_id').references(() => users.id, { onDelete: 'set null' }),
    decision: text('decision', { enum: ['accepted', 'rejected'] }).notNull(),
    kind: text('kind', { enum: ['insert', 'delete', 'replace'] }).notNull(),
    inserted: text('inserted').notNull(),
    deleted: text('deleted').notNull(),
    /** The revision the decision made (null: stored with the next live save). */
    revision: integer('revision'),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: 'suggestion_decisions_part_fk',
      columns: [t.assessmentId, t.section, t.part],
      foreignColumns: [assessmentParts.assessmentId, assessmentParts.section, assessmentParts.part],
    }).onDelete('cascade'),
    index('suggestion_decisions_part_idx').on(t.assessmentId, t.section, t.part, t.decidedAt),
    check('suggestion_decisions_decision', sql`${t.decision} IN ('accepted', 'rejected')`),
  ],
);
